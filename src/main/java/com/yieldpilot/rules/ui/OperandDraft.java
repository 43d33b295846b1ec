package com.yieldpilot.rules.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

import com.yieldpilot.rules.lang.Expression;
import com.yieldpilot.rules.lang.Literal;
import com.yieldpilot.rules.lang.LiteralUnit;
import com.yieldpilot.rules.lang.MetricCall;
import com.yieldpilot.rules.lang.Negation;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.Subject;
import com.yieldpilot.rules.lang.Window;
import com.yieldpilot.rules.lang.WindowFunction;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * One side of a comparison as the builder edits it: a metric (optionally over a window),
 * a value with its unit, or any other formula as text.
 */
sealed interface OperandDraft {

	Expression toExpression();

	/**
	 * The builder's form of an expression: the most specific one that keeps it exactly.
	 */
	static OperandDraft of(Expression expression) {
		return switch (expression) {
			case MetricCall call -> new MetricOperand(null, call.metric(), call.subject().toString(), null);
			case Window window -> new MetricOperand(window.function(), window.metric().metric(),
					window.metric().subject().toString(), window.period());
			case Literal literal -> new ValueOperand(false, literal.value(), literal.unit());
			case Negation(Literal literal) -> new ValueOperand(true, literal.value(), literal.unit());
			default -> new FormulaOperand(RulePrinter.print(expression));
		};
	}

	/**
	 * A metric read for a pool, chain or asset, e.g. {@code apy(aave-v3:base:USDC)}, or a
	 * window over it, e.g. {@code avg(apy(aave-v3:base:USDC), 24h)}.
	 */
	record MetricOperand(@Nullable WindowFunction window, String metric, String subject,
			@Nullable Duration period) implements OperandDraft {

		public MetricOperand {
			Objects.requireNonNull(metric, "metric");
			Objects.requireNonNull(subject, "subject");
		}

		@Override
		public Expression toExpression() {
			if (subject.isBlank()) {
				throw new IllegalArgumentException(
						"Choose what " + this.metric + " is read for: a pool, chain or asset");
			}
			MetricCall call = new MetricCall(this.metric, subject(this.subject.strip()));
			if (this.window == null) {
				return call;
			}
			if (this.period == null) {
				throw new IllegalArgumentException(
						"A window needs a period, e.g. 24h: " + this.window.keyword() + "(" + this.metric + ", 24h)");
			}
			return new Window(this.window, call, this.period);
		}

		private static Subject subject(String text) {
			return (text.indexOf(':') >= 0) ? new Subject.Pool(PoolId.parse(text)) : new Subject.Named(text);
		}

	}

	/** A number with its unit; {@code negative} writes it with a minus, {@code -1%}. */
	record ValueOperand(boolean negative, BigDecimal value, LiteralUnit unit) implements OperandDraft {

		public ValueOperand {
			Objects.requireNonNull(value, "value");
			Objects.requireNonNull(unit, "unit");
			if (value.signum() < 0) {
				negative = !negative;
				value = value.negate();
			}
		}

		@Override
		public Expression toExpression() {
			Literal literal = new Literal(this.value, this.unit);
			return this.negative ? new Negation(literal) : literal;
		}

		/** The value with its sign, as a number field shows it. */
		BigDecimal signed() {
			return this.negative ? this.value.negate() : this.value;
		}

	}

	/** Any other value, written as in the rule text: {@code apy(x) + 1%}. */
	record FormulaOperand(String text) implements OperandDraft {

		public FormulaOperand {
			Objects.requireNonNull(text, "text");
		}

		@Override
		public Expression toExpression() {
			return Fragments.expression(this.text);
		}

	}

}
