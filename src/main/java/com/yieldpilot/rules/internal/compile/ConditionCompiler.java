package com.yieldpilot.rules.internal.compile;

import java.math.BigDecimal;
import java.util.List;

import com.yieldpilot.market.MetricSample;
import com.yieldpilot.rules.check.MetricSpec;
import com.yieldpilot.rules.check.SubjectKind;
import com.yieldpilot.rules.check.ValueType;
import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.Condition.AllOf;
import com.yieldpilot.rules.internal.engine.Condition.AnyOf;
import com.yieldpilot.rules.internal.engine.Condition.HeldFor;
import com.yieldpilot.rules.internal.engine.Condition.Relation;
import com.yieldpilot.rules.internal.engine.Operand;
import com.yieldpilot.rules.internal.engine.Operand.Constant;
import com.yieldpilot.rules.internal.engine.Operand.Operator;
import com.yieldpilot.rules.internal.engine.Operand.Term;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.lang.And;
import com.yieldpilot.rules.lang.Arithmetic;
import com.yieldpilot.rules.lang.ArithmeticOperator;
import com.yieldpilot.rules.lang.Comparison;
import com.yieldpilot.rules.lang.ComparisonOperator;
import com.yieldpilot.rules.lang.Expression;
import com.yieldpilot.rules.lang.Literal;
import com.yieldpilot.rules.lang.MetricCall;
import com.yieldpilot.rules.lang.Negation;
import com.yieldpilot.rules.lang.Not;
import com.yieldpilot.rules.lang.Or;
import com.yieldpilot.rules.lang.Subject;
import com.yieldpilot.rules.lang.Sustained;
import com.yieldpilot.rules.lang.Window;
import com.yieldpilot.rules.lang.WindowFunction;
import org.jspecify.annotations.Nullable;

/**
 * Compiles a validated condition into the engine's {@link Condition}. Units follow the
 * validator's algebra ({@code ValueChecks}): a percentage literal next to a ratio reads
 * as a ratio ({@code utilization > 90%} is 0.9) and scales what it multiplies
 * ({@code tvl * 30%}); everywhere else values stay in their metric's unit (APY 4.2 means
 * 4.2%). Subjects become the market's: a pool id, {@code chain:<name>},
 * {@code asset:<symbol>}.
 */
public final class ConditionCompiler {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private ConditionCompiler() {
	}

	public static Condition compile(com.yieldpilot.rules.lang.Condition condition) {
		return switch (condition) {
			case Comparison comparison -> comparison(comparison);
			case And and -> new AllOf(and.operands().stream().map(ConditionCompiler::compile).toList());
			case Or or -> new AnyOf(or.operands().stream().map(ConditionCompiler::compile).toList());
			case Not not -> new Condition.Not(compile(not.operand()));
			case Sustained sustained -> new HeldFor(compile(sustained.condition()), sustained.duration());
		};
	}

	private static Condition comparison(Comparison comparison) {
		List<Typed> sides = align(expression(comparison.left()), expression(comparison.right()));
		return new Condition.Comparison(sides.get(0).operand(), relation(comparison.operator()),
				sides.get(1).operand());
	}

	private static Typed expression(Expression expression) {
		return switch (expression) {
			case Literal literal -> new Typed(new Constant(literal.inBaseUnit().doubleValue()),
					ValueType.of(literal.unit()), true, literal.inBaseUnit());
			case MetricCall call -> {
				MetricSpec spec = spec(call);
				yield new Typed(new Term(TermKey.latest(subject(call, spec), spec.name())), spec.type(), false, null);
			}
			case Window window -> {
				MetricSpec spec = spec(window.metric());
				TermKey key = TermKey.window(subject(window.metric(), spec), spec.name(), aggregate(window.function()),
						window.period());
				ValueType type = (window.function() == WindowFunction.PCTCHANGE) ? ValueType.PERCENT : spec.type();
				yield new Typed(new Term(key), type, false, null);
			}
			case Negation negation -> {
				Typed inner = expression(negation.operand());
				yield new Typed(new Operand.Arithmetic(new Constant(0), Operator.MINUS, inner.operand()), inner.type(),
						inner.constant(), negated(inner.exact()));
			}
			case Arithmetic arithmetic -> arithmetic(arithmetic);
		};
	}

	private static @Nullable BigDecimal negated(@Nullable BigDecimal value) {
		return (value != null) ? value.negate() : null;
	}

	private static Typed arithmetic(Arithmetic arithmetic) {
		Typed left = expression(arithmetic.left());
		Typed right = expression(arithmetic.right());
		return switch (arithmetic.operator()) {
			case PLUS, MINUS -> {
				List<Typed> sides = align(left, right);
				yield combine(sides.get(0), arithmetic.operator(), sides.get(1), sides.get(0).type());
			}
			case TIMES -> {
				if (left.type() == ValueType.NUMBER) {
					yield combine(left, ArithmeticOperator.TIMES, right, right.type());
				}
				if (right.type() == ValueType.NUMBER) {
					yield combine(left, ArithmeticOperator.TIMES, right, left.type());
				}
				if (right.isPercentLiteral()) {
					yield combine(left, ArithmeticOperator.TIMES, right.asRatio(), left.type());
				}
				yield combine(left.asRatio(), ArithmeticOperator.TIMES, right, right.type());
			}
			case DIVIDED_BY -> combine(left, ArithmeticOperator.DIVIDED_BY, right,
					(right.type() == ValueType.NUMBER) ? left.type() : ValueType.NUMBER);
		};
	}

	/**
	 * Two sides compared, added or subtracted: a percentage literal next to a ratio is
	 * one.
	 */
	private static List<Typed> align(Typed left, Typed right) {
		if (left.type() == ValueType.NUMBER && !left.constant() && right.isPercentLiteral()) {
			return List.of(left, right.asRatio());
		}
		if (right.type() == ValueType.NUMBER && !right.constant() && left.isPercentLiteral()) {
			return List.of(left.asRatio(), right);
		}
		return List.of(left, right);
	}

	private static Typed combine(Typed left, ArithmeticOperator operator, Typed right, ValueType type) {
		return new Typed(new Operand.Arithmetic(left.operand(), operator(operator), right.operand()), type,
				left.constant() && right.constant(), null);
	}

	private static MetricSpec spec(MetricCall call) {
		return MetricSpec.byName(call.metric())
			.orElseThrow(() -> new IllegalArgumentException("Not validated: unknown metric " + call.metric()));
	}

	private static String subject(MetricCall call, MetricSpec spec) {
		return switch (call.subject()) {
			case Subject.Pool pool -> pool.id().toString();
			case Subject.Named named -> spec.subjects().contains(SubjectKind.CHAIN)
					? MetricSample.chainSubject(named.name()) : "asset:" + named.name();
		};
	}

	private static TermKey.Aggregate aggregate(WindowFunction function) {
		return switch (function) {
			case AVG -> TermKey.Aggregate.AVG;
			case MIN -> TermKey.Aggregate.MIN;
			case MAX -> TermKey.Aggregate.MAX;
			case CHANGE -> TermKey.Aggregate.CHANGE;
			case PCTCHANGE -> TermKey.Aggregate.PCT_CHANGE;
		};
	}

	private static Relation relation(ComparisonOperator operator) {
		return switch (operator) {
			case LESS -> Relation.LT;
			case LESS_OR_EQUAL -> Relation.LE;
			case GREATER -> Relation.GT;
			case GREATER_OR_EQUAL -> Relation.GE;
			case EQUAL -> Relation.EQ;
			case NOT_EQUAL -> Relation.NE;
		};
	}

	private static Operator operator(ArithmeticOperator operator) {
		return switch (operator) {
			case PLUS -> Operator.PLUS;
			case MINUS -> Operator.MINUS;
			case TIMES -> Operator.TIMES;
			case DIVIDED_BY -> Operator.DIVIDED_BY;
		};
	}

	/**
	 * A compiled expression with its unit; {@code exact} keeps a literal's decimal value
	 * so that 90% becomes exactly the double nearest 0.9.
	 */
	private record Typed(Operand operand, ValueType type, boolean constant, @Nullable BigDecimal exact) {

		boolean isPercentLiteral() {
			return this.constant && this.type == ValueType.PERCENT;
		}

		Typed asRatio() {
			BigDecimal value = this.exact;
			if (value != null) {
				BigDecimal ratio = value.divide(HUNDRED);
				return new Typed(new Constant(ratio.doubleValue()), ValueType.NUMBER, true, ratio);
			}
			return new Typed(new Operand.Arithmetic(this.operand, Operator.DIVIDED_BY, new Constant(100)),
					ValueType.NUMBER, this.constant, null);
		}

	}

}
