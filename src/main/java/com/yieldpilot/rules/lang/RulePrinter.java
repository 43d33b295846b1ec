package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Writes a tree as the canonical text of its rule, in one fixed layout:
 *
 * <pre>
 * # comments before the rule
 * rule "Chase USDC yield"
 * every monday 09:00 UTC
 * when
 *   apy(aave-v3:base:USDC) &lt; 4% for 2h
 *   and apy(morpho:base:USDC-prime) &gt; apy(aave-v3:base:USDC) + 1%
 * then
 *   move 100% from aave-v3:base:USDC to morpho:base:USDC-prime max 50000 USDC
 * options cooldown 1d, max gas 30 gwei, mode live
 * </pre>
 *
 * The top-level {@code and} (or {@code or}) puts each operand on a line of its own;
 * everything below it stays on that line, with as few parentheses as precedence allows.
 * Every comment goes on lines of its own before its part; a comparison with comments
 * inside a line starts a new line. Parsing the printed text gives the tree back, and
 * printing that tree gives the same text.
 */
public final class RulePrinter {

	private static final String INDENT = "  ";

	private static final String NESTED_INDENT = "    ";

	private RulePrinter() {
	}

	/** The canonical text of a rule, ending with a line break. */
	public static String print(RuleSyntax rule) {
		Text out = new Text();
		comments(out, rule.comments(), "");
		out.line("rule " + RuleText.quote(rule.name()));
		if (rule.schedule() != null) {
			out.line(schedule(rule.schedule()));
		}
		if (rule.when() != null) {
			out.line("when");
			when(out, rule.when());
		}
		out.line("then");
		for (Action action : rule.actions()) {
			comments(out, action.comments(), INDENT);
			out.line(INDENT + action(action));
		}
		if (!rule.options().isEmpty()) {
			comments(out, rule.options().comments(), "");
			out.line("options " + String.join(", ", options(rule.options())));
		}
		comments(out, rule.trailingComments(), "");
		return out.toString();
	}

	/** A condition on one line, without comments: for messages and screens. */
	public static String inline(Condition condition) {
		Text out = new Text();
		condition(out, condition, null, false);
		return out.toString();
	}

	/** A value as a rule writes it: for messages and screens. */
	public static String print(Expression expression) {
		return expression(expression);
	}

	public static String print(Amount amount) {
		return switch (amount) {
			case Amount.Share share -> Numbers.plain(share.percent()) + "%";
			case Amount.Usd usd -> Numbers.dollars(usd.dollars());
			case Amount.Tokens tokens -> Numbers.plain(tokens.quantity()) + " " + tokens.symbol();
		};
	}

	public static String print(Schedule schedule) {
		return schedule(schedule);
	}

	// ---- conditions

	private static void when(Text out, Condition when) {
		List<Condition> lines = switch (when) {
			case And and -> and.operands();
			case Or or -> or.operands();
			default -> List.of(when);
		};
		String connective = (when instanceof And) ? "and " : "or ";
		for (int i = 0; i < lines.size(); i++) {
			Condition line = lines.get(i);
			Comparison first = leftmost(line);
			comments(out, first.comments(), INDENT);
			out.append(INDENT + ((i > 0) ? connective : ""));
			out.leftmost(first);
			condition(out, line, (lines.size() > 1) ? when : null, true);
			out.newline();
		}
	}

	/**
	 * Writes a condition; {@code withComments} is false inside single-line output. The
	 * comments of a line's leftmost comparison were written before the line.
	 */
	private static void condition(Text out, Condition condition, @Nullable Condition parent, boolean withComments) {
		boolean parens = needsParentheses(condition, parent);
		if (parens) {
			out.append("(");
		}
		switch (condition) {
			case Comparison comparison -> {
				// a line's leftmost comparison had its comments written before the line
				if (withComments && !comparison.comments().isEmpty() && out.lineLeftmost() != comparison) {
					comments(out, comparison.comments(), NESTED_INDENT);
					out.append(NESTED_INDENT);
				}
				out.append(expression(comparison.left()) + " " + comparison.operator().symbol() + " "
						+ expression(comparison.right()));
			}
			case And and -> join(out, and.operands(), " and ", and, withComments);
			case Or or -> join(out, or.operands(), " or ", or, withComments);
			case Not not -> {
				out.append("not ");
				condition(out, not.operand(), not, withComments);
			}
			case Sustained sustained -> {
				condition(out, sustained.condition(), sustained, withComments);
				out.append(" for " + Durations.format(sustained.duration()));
			}
		}
		if (parens) {
			out.append(")");
		}
	}

	private static void join(Text out, List<Condition> operands, String connective, Condition parent,
			boolean withComments) {
		for (int i = 0; i < operands.size(); i++) {
			if (i > 0) {
				out.append(connective);
			}
			condition(out, operands.get(i), parent, withComments);
		}
	}

	private static boolean needsParentheses(Condition condition, @Nullable Condition parent) {
		if (parent == null || condition instanceof Comparison) {
			return false;
		}
		return switch (parent) {
			// `and` binds tighter than `or`; nested ands and ors are flattened by
			// their records
			case Or or -> condition instanceof Or;
			case And and -> condition instanceof Or || condition instanceof And;
			// `not` applies to a `for`, a `not` or a comparison without parentheses
			case Not not -> condition instanceof And || condition instanceof Or;
			// `for` applies to one comparison or a parenthesized condition
			case Sustained sustained -> true;
			case Comparison comparison -> false;
		};
	}

	private static Comparison leftmost(Condition condition) {
		return switch (condition) {
			case Comparison comparison -> comparison;
			case And and -> leftmost(and.operands().get(0));
			case Or or -> leftmost(or.operands().get(0));
			case Not not -> leftmost(not.operand());
			case Sustained sustained -> leftmost(sustained.condition());
		};
	}

	// ---- values

	private static String expression(Expression expression) {
		return switch (expression) {
			case Literal literal -> literal(literal);
			case MetricCall call -> call.metric() + "(" + switch (call.subject()) {
				case Subject.Pool pool -> pool.id().toString();
				case Subject.Named named -> named.name();
			} + ")";
			case Window window -> window.function().keyword() + "(" + expression(window.metric()) + ", "
					+ Durations.format(window.period()) + ")";
			case Negation negation ->
				(negation.operand() instanceof Arithmetic || negation.operand() instanceof Negation)
						? "-(" + expression(negation.operand()) + ")" : "-" + expression(negation.operand());
			case Arithmetic arithmetic -> operand(arithmetic.left(), arithmetic.operator().precedence() - 1) + " "
					+ arithmetic.operator().symbol() + " "
					+ operand(arithmetic.right(), arithmetic.operator().precedence());
		};
	}

	/**
	 * An operand, in parentheses when its operator binds no tighter than {@code bound}.
	 */
	private static String operand(Expression operand, int bound) {
		if (operand instanceof Arithmetic arithmetic && arithmetic.operator().precedence() <= bound) {
			return "(" + expression(operand) + ")";
		}
		return expression(operand);
	}

	private static String literal(Literal literal) {
		String value = Numbers.plain(literal.value());
		return switch (literal.unit()) {
			case NUMBER -> value;
			case PERCENT -> value + "%";
			case BPS -> value + " bps";
			case USD -> Numbers.dollars(literal.value());
			case GWEI -> value + " gwei";
		};
	}

	// ---- actions, options, schedules

	private static String action(Action action) {
		return switch (action) {
			case Move move -> "move " + print(move.amount()) + " from " + move.from() + " to " + move.to()
					+ ((move.limit() != null) ? " max " + print(move.limit()) : "");
			case Withdraw withdraw -> "withdraw " + print(withdraw.amount()) + " from " + withdraw.from();
			case Deposit deposit -> "deposit " + print(deposit.amount()) + " into " + deposit.into();
			case Notify notify -> "notify " + RuleText.quote(notify.text());
		};
	}

	private static List<String> options(RuleOptions options) {
		List<String> written = new ArrayList<>();
		if (options.cooldown() != null) {
			written.add("cooldown " + Durations.format(options.cooldown()));
		}
		BigDecimal maxGas = options.maxGasGwei();
		if (maxGas != null) {
			written.add("max gas " + Numbers.plain(maxGas) + " gwei");
		}
		if (options.mode() != null) {
			written.add("mode " + options.mode().name().toLowerCase(Locale.ROOT));
		}
		if (options.approvalRequired()) {
			written.add("approval required");
		}
		if (options.priority() != null) {
			written.add("priority " + options.priority());
		}
		if (options.expires() != null) {
			written.add("expires " + instant(options.expires()));
		}
		if (options.evaluateEvery() != null) {
			written.add("evaluate every " + Durations.format(options.evaluateEvery()));
		}
		return written;
	}

	private static String instant(Instant instant) {
		LocalDateTime time = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
		if (time.toLocalTime().toSecondOfDay() == 0) {
			return time.toLocalDate().toString();
		}
		return time.toLocalDate() + "T" + time.toLocalTime() + "Z";
	}

	private static String schedule(Schedule schedule) {
		return switch (schedule) {
			case Schedule.Interval interval -> "every " + Durations.format(interval.every());
			case Schedule.Calendar calendar -> "every " + days(calendar) + " " + calendar.at() + " UTC";
		};
	}

	private static String days(Schedule.Calendar calendar) {
		if (calendar.days().size() == DayOfWeek.values().length) {
			return "day";
		}
		if (calendar.days().equals(Schedule.Calendar.WEEKDAYS)) {
			return "weekday";
		}
		if (calendar.days().equals(Schedule.Calendar.WEEKEND)) {
			return "weekend";
		}
		return EnumSet.copyOf(calendar.days())
			.stream()
			.map(d -> d.name().toLowerCase(Locale.ROOT))
			.collect(Collectors.joining(", "));
	}

	private static void comments(Text out, List<String> comments, String indent) {
		out.freshLine();
		for (String comment : comments) {
			out.line(indent + "#" + comment);
		}
	}

	/** The text being written, and which comparison starts the current line. */
	private static final class Text {

		private final StringBuilder text = new StringBuilder();

		private int lineStart;

		private @Nullable Comparison lineLeftmost;

		void append(String part) {
			this.text.append(part);
		}

		void line(String line) {
			this.text.append(line);
			newline();
		}

		void newline() {
			while (this.text.length() > this.lineStart && this.text.charAt(this.text.length() - 1) == ' ') {
				this.text.setLength(this.text.length() - 1);
			}
			this.text.append('\n');
			this.lineStart = this.text.length();
			this.lineLeftmost = null;
		}

		/** Ends the current line unless nothing but spaces is on it, which it drops. */
		void freshLine() {
			if (this.text.substring(this.lineStart).isBlank()) {
				this.text.setLength(this.lineStart);
			}
			else {
				newline();
			}
		}

		@Nullable Comparison lineLeftmost() {
			return this.lineLeftmost;
		}

		void leftmost(Comparison comparison) {
			this.lineLeftmost = comparison;
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
