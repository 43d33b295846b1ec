package com.yieldpilot.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.Condition.AllOf;
import com.yieldpilot.rules.internal.engine.Condition.AnyOf;
import com.yieldpilot.rules.internal.engine.Condition.Comparison;
import com.yieldpilot.rules.internal.engine.Condition.HeldFor;
import com.yieldpilot.rules.internal.engine.Operand;
import com.yieldpilot.rules.internal.engine.Operand.Arithmetic;
import com.yieldpilot.rules.internal.engine.Operand.Constant;
import com.yieldpilot.rules.internal.engine.Operand.Term;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.lang.Durations;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.RuleSyntax;

/**
 * {@link RuleWorkload}'s conditions written as farmers write them, with the actions and
 * options their shapes call for, and stored as the product stores them: parsed and
 * printed in canonical form by {@link RulePrinter}. Thresholds are rounded as people
 * write them (APY and risk to two decimals, TVL to the thousand dollars), so the compiled
 * rules read the workload's terms with nearly its thresholds.
 */
final class WorkloadRuleTexts {

	/** Exits move funds here (or to the next pool when this is the one left). */
	private static final String SAFE = "protocol-0:chain-0:ASSET0";

	private static final String SAFE_OTHER = "protocol-1:chain-1:ASSET1";

	private WorkloadRuleTexts() {
	}

	/** The canonical text of rule {@code number} with the condition. */
	static RuleSyntax rule(int number, Condition condition) {
		String text = text(number, condition);
		if (!(RuleParser.parse(text) instanceof ParseResult.Parsed parsed)) {
			throw new IllegalStateException("A workload rule does not parse: " + RuleParser.parse(text) + "\n" + text);
		}
		return parsed.rule();
	}

	static String canonical(RuleSyntax rule) {
		return RulePrinter.print(rule);
	}

	private static String text(int number, Condition condition) {
		List<String> pools = pools(condition);
		String a = pools.get(0);
		String safe = a.equals(SAFE) ? SAFE_OTHER : SAFE;
		String when = condition(condition, true);
		return switch (condition) {
			case Comparison c -> """
					rule "Watch %s #%d"
					when
					  %s
					then
					  notify "APY of %s crossed the threshold"
					options cooldown 6h
					""".formatted(a, number, when, a);
			case HeldFor h -> """
					rule "Leave %s when it pays too little #%d"
					when
					  %s
					then
					  move 100%% from %s to %s max $50k
					options cooldown 24h, mode live
					""".formatted(a, number, when, a, safe);
			case AllOf all when all.parts().size() == 3 -> """
					rule "Chase yield #%d"
					when
					  %s
					then
					  move 100%% from %s to %s max 50000 USDC
					options cooldown 24h, max gas 30 gwei, mode live
					""".formatted(number, when, a, (pools.size() > 1) ? pools.get(1) : safe);
			case AnyOf any -> """
					# Risky or shrinking: get out.
					rule "Exit %s on risk #%d"
					when
					  %s
					then
					  move 100%% from %s to %s
					  notify "Left %s: risk up or TVL down"
					options cooldown 12h, mode live, priority 90
					""".formatted(a, number, when, a, safe, a);
			case AllOf drain -> """
					rule "Leave %s on a drain #%d"
					when
					  %s
					then
					  withdraw 100%% from %s
					options cooldown 6h, max gas 5 gwei, mode live, priority 100
					""".formatted(a, number, when, a);
			default -> throw new IllegalArgumentException("Not a workload shape: " + condition);
		};
	}

	/** The pools a condition reads, in order of appearance, without repeats. */
	private static List<String> pools(Condition condition) {
		List<String> pools = new ArrayList<>();
		collect(condition, pools);
		return pools.stream().distinct().toList();
	}

	private static void collect(Condition condition, List<String> pools) {
		switch (condition) {
			case Comparison c -> {
				collect(c.left(), pools);
				collect(c.right(), pools);
			}
			case AllOf all -> all.parts().forEach(p -> collect(p, pools));
			case AnyOf any -> any.parts().forEach(p -> collect(p, pools));
			case HeldFor held -> collect(held.part(), pools);
			case Condition.Not not -> collect(not.part(), pools);
		}
	}

	private static void collect(Operand operand, List<String> pools) {
		switch (operand) {
			case Term term -> pools.add(term.key().subject());
			case Arithmetic arithmetic -> {
				collect(arithmetic.left(), pools);
				collect(arithmetic.right(), pools);
			}
			case Constant constant -> {
			}
		}
	}

	private static String condition(Condition condition, boolean top) {
		return switch (condition) {
			case Comparison c ->
				operand(c.left(), Unit.NUMBER) + " " + c.relation().symbol() + " " + operand(c.right(), unit(c.left()));
			case HeldFor held -> condition(held.part(), false) + " for " + Durations.format(held.duration());
			case AllOf all -> joined(all.parts(), "and", top);
			case AnyOf any -> joined(any.parts(), "or", top);
			case Condition.Not not -> "not (" + condition(not.part(), false) + ")";
		};
	}

	private static String joined(List<Condition> parts, String word, boolean top) {
		String text = parts.stream()
			.map(p -> condition(p, false))
			.collect(Collectors.joining(top ? "\n  " + word + " " : " " + word + " "));
		return top ? text : "(" + text + ")";
	}

	private enum Unit {

		PERCENT, USD, NUMBER

	}

	/** The unit a constant compared with (or added to) this operand is written in. */
	private static Unit unit(Operand operand) {
		return switch (operand) {
			case Term term -> unit(term.key());
			case Arithmetic arithmetic -> unit(arithmetic.left());
			case Constant constant -> Unit.NUMBER;
		};
	}

	private static Unit unit(TermKey key) {
		if (key.aggregate() == TermKey.Aggregate.PCT_CHANGE) {
			return Unit.PERCENT;
		}
		return switch (key.metric()) {
			case "apy", "apyBase", "apyReward" -> Unit.PERCENT;
			case "tvl" -> Unit.USD;
			default -> Unit.NUMBER;
		};
	}

	private static String operand(Operand operand, Unit unit) {
		return switch (operand) {
			case Term term -> term(term.key());
			case Constant constant -> constant(constant.value(), unit);
			case Arithmetic arithmetic -> switch (arithmetic.operator()) {
				case PLUS ->
					operand(arithmetic.left(), unit) + " + " + operand(arithmetic.right(), unit(arithmetic.left()));
				case MINUS ->
					operand(arithmetic.left(), unit) + " - " + operand(arithmetic.right(), unit(arithmetic.left()));
				case TIMES -> operand(arithmetic.left(), unit) + " * " + operand(arithmetic.right(), Unit.NUMBER);
				case DIVIDED_BY -> operand(arithmetic.left(), unit) + " / " + operand(arithmetic.right(), Unit.NUMBER);
			};
		};
	}

	private static String term(TermKey key) {
		String latest = key.metric() + "(" + key.subject() + ")";
		if (key.aggregate() == null || key.window() == null) {
			return latest;
		}
		if (key.aggregate() != TermKey.Aggregate.PCT_CHANGE) {
			throw new IllegalArgumentException("Not a workload window: " + key);
		}
		return "pctchange(" + latest + ", " + Durations.format(key.window()) + ")";
	}

	private static String constant(double value, Unit unit) {
		BigDecimal magnitude = BigDecimal.valueOf(Math.abs(value));
		String sign = (value < 0) ? "-" : "";
		return switch (unit) {
			case PERCENT -> sign + magnitude.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
			case USD -> sign + "$" + magnitude.setScale(-3, RoundingMode.HALF_UP).toBigInteger();
			case NUMBER -> sign + magnitude.setScale(2, RoundingMode.HALF_UP).toPlainString();
		};
	}

}
