package com.yieldpilot.rules.internal.compile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.Operand;
import com.yieldpilot.rules.internal.engine.TermKey;
import org.jspecify.annotations.Nullable;

/**
 * Prints a compiled condition as one DRL rule for admins to review: what the generic
 * rules of {@code network.drl} evaluate for this rule's facts (decision 0005), stated
 * directly. The generator is strict: it prints only the rule's id and version, subjects
 * and metric names that passed validation (and are checked again here), numbers printed
 * by Java, durations, and calls of {@link PreviewIntents}. No text a farmer wrote (name,
 * notify text, comments) reaches it.
 *
 * <p>
 * Two-valued where the engine is three-valued: the preview matches only when every term
 * is known, so a rule with a stale value never matches here either. It imports nothing
 * and uses no {@code eval}: the condition is a constraint on the last value it reads
 * (validation admits no comparison without a value, so there always is one).
 */
public final class DrlPreview {

	/** What a subject or metric name may look like once validated. */
	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._+\\-]{0,120}");

	/** The engine's fact classes, named in full: the preview imports nothing. */
	private static final String ENGINE = "com.yieldpilot.rules.internal.engine.";

	private DrlPreview() {
	}

	/**
	 * The preview of a rule version; a time-triggered rule without conditions
	 * ({@code condition} null) matches at every scheduled time.
	 */
	public static String print(UUID rule, int version, @Nullable Condition condition) {
		Map<TermKey, String> terms = new LinkedHashMap<>();
		String test = null;
		if (condition != null) {
			for (TermKey term : Condition.terms(condition)) {
				terms.put(term, "$t" + terms.size());
			}
			test = test(condition, terms, rule, new int[] { 0 });
		}
		StringBuilder drl = new StringBuilder();
		drl.append("// Rule ").append(rule).append(", version ").append(version).append(".\n");
		drl.append("// Evaluated as facts by the generic rules of network.drl; this DRL states the same\n");
		drl.append("// condition for review. It matches only while every value it reads is known and fresh.\n");
		drl.append("package com.yieldpilot.preview;\n\n");
		drl.append("global com.yieldpilot.rules.internal.compile.PreviewIntents intents;\n\n");
		drl.append("rule \"rule-").append(rule).append("-v").append(version).append("\"\n");
		drl.append("when\n");
		int left = terms.size();
		for (Map.Entry<TermKey, String> term : terms.entrySet()) {
			drl.append("    ")
				.append(ENGINE)
				.append("TermValue( term == ")
				.append(key(term.getKey()))
				.append(", known, ")
				.append(term.getValue())
				.append(" : value");
			// the whole condition constrains the last value read: no eval
			if (--left == 0) {
				drl.append(", ").append(test);
			}
			drl.append(" )\n");
		}
		drl.append("then\n");
		drl.append("    intents.propose(\"").append(rule).append("\", ").append(version).append(");\n");
		drl.append("end\n");
		return drl.toString();
	}

	private static String test(Condition condition, Map<TermKey, String> terms, UUID rule, int[] held) {
		return switch (condition) {
			case Condition.Comparison comparison -> "(" + operand(comparison.left(), terms) + " "
					+ comparison.relation().symbol() + " " + operand(comparison.right(), terms) + ")";
			case Condition.AllOf all -> join(all.parts(), " && ", terms, rule, held);
			case Condition.AnyOf any -> join(any.parts(), " || ", terms, rule, held);
			case Condition.Not not -> "!" + test(not.part(), terms, rule, held);
			case Condition.HeldFor hold -> {
				int part = held[0]++;
				yield "(" + test(hold.part(), terms, rule, held) + " && intents.heldFor(\"" + rule + "\", " + part
						+ ", \"" + duration(hold.duration()) + "\"))";
			}
		};
	}

	private static String join(List<Condition> parts, String operator, Map<TermKey, String> terms, UUID rule,
			int[] held) {
		List<String> tests = new ArrayList<>();
		for (Condition part : parts) {
			tests.add(test(part, terms, rule, held));
		}
		return "(" + String.join(operator, tests) + ")";
	}

	private static String operand(Operand operand, Map<TermKey, String> terms) {
		return switch (operand) {
			case Operand.Constant constant -> number(constant.value());
			case Operand.Term term -> terms.get(term.key());
			case Operand.Arithmetic arithmetic -> "(" + operand(arithmetic.left(), terms) + " "
					+ arithmetic.operator().symbol() + " " + operand(arithmetic.right(), terms) + ")";
		};
	}

	private static String key(TermKey key) {
		String subject = safe(key.subject());
		String metric = safe(key.metric());
		if (key.aggregate() == null || key.window() == null) {
			return ENGINE + "TermKey.latest(\"" + subject + "\", \"" + metric + "\")";
		}
		return ENGINE + "TermKey.window(\"" + subject + "\", \"" + metric + "\", " + ENGINE + "TermKey.Aggregate."
				+ key.aggregate().name() + ", java.time.Duration.parse(\"" + duration(key.window()) + "\"))";
	}

	private static String safe(String name) {
		if (!SAFE.matcher(name).matches()) {
			// validation admits no such name: refuse rather than print it
			throw new IllegalArgumentException("Not a validated name: " + name.length() + " characters");
		}
		return name;
	}

	private static String number(double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("Not a finite number");
		}
		return Double.toString(value).toUpperCase(Locale.ROOT) + "d";
	}

	private static String duration(Duration duration) {
		return duration.toString();
	}

}
