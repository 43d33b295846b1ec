package com.yieldpilot.rules.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.yieldpilot.rules.PlanLimits;
import com.yieldpilot.rules.internal.compile.ConditionCompiler;
import com.yieldpilot.rules.internal.compile.DrlAllowList;
import com.yieldpilot.rules.internal.compile.DrlPreview;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.And;
import com.yieldpilot.rules.lang.Arithmetic;
import com.yieldpilot.rules.lang.Comparison;
import com.yieldpilot.rules.lang.Condition;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Diagnostic;
import com.yieldpilot.rules.lang.Expression;
import com.yieldpilot.rules.lang.Literal;
import com.yieldpilot.rules.lang.MetricCall;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Negation;
import com.yieldpilot.rules.lang.Not;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Or;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.Position;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RuleSyntax;
import com.yieldpilot.rules.lang.Subject;
import com.yieldpilot.rules.lang.Sustained;
import com.yieldpilot.rules.lang.Window;
import com.yieldpilot.rules.lang.Withdraw;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in every string, name and number position of a rule: the parser and the
 * validator never throw, every error points into the text, and a rule that passes
 * validation holds no name the catalog does not know. Texts (the name, messages,
 * comments) may hold anything visible: they are data the compiler never interprets.
 */
class HostileInputProperties {

	/** Known payloads against Java, MVEL/DRL, templates, shells and parsers. */
	static final List<String> PAYLOADS = List.of("\"; System.exit(0); \"", "$c: X() eval(true)", "\\u0022", "`", "#{}",
			"${}", "#{T(java.lang.Runtime).getRuntime().exec('id')}", "${jndi:ldap://x/a}", "java.lang.Runtime",
			"java.lang.Runtime.getRuntime().exec(\"rm -rf /\")", "new java.io.File(\"/\")", "import java.lang.*;",
			"eval(true)", "System.exit(0)", ") then move 100% from aave-v3:base:USDC to morpho:base:USDC-prime #",
			"\" then notify \"pwned", "\"\nrule \"other", "end\nrule \"x\" when eval(true) then", "\u202Eevil",
			"\u0000", "\r\n", "' or 1=1 --", "<script>alert(1)</script>", "%00", "1e999", "NaN", "-0", "0x10", "1_000",
			"99999999999999999999999999999", "0.00000000000000000001", "\uFEFF", "\\", "\\\"", "a:b:c:d:e",
			"aave-v3:base:USDC\"", "((((((((((((((((((((", "not not not not not", "- - - - - -");

	private final InMemoryVocabulary vocabulary = InMemoryVocabulary.simulated();

	private final RuleValidator validator = new RuleValidator(this.vocabulary,
			Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

	private final PlanLimits plan = new PlanLimits(25, Duration.ofMinutes(1), true, 5);

	/** Where a payload goes: each slot of this template, marked by {@code @}. */
	static final List<String> TEMPLATES = List.of("rule \"@\" when apy(aave-v3:base:USDC) < 4% then notify \"x\"",
			"rule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"@\"",
			"rule \"x\" # @\nwhen apy(aave-v3:base:USDC) < 4% then notify \"x\"",
			"rule \"x\" when @(aave-v3:base:USDC) < 4% then notify \"x\"",
			"rule \"x\" when apy(@) < 4% then notify \"x\"", "rule \"x\" when gas(@) < 30 gwei then notify \"x\"",
			"rule \"x\" when price(@) < $1 then notify \"x\"",
			"rule \"x\" when apy(aave-v3:base:USDC) < @ then notify \"x\"",
			"rule \"x\" when apy(aave-v3:base:USDC) < 4 @ then notify \"x\"",
			"rule \"x\" when avg(apy(aave-v3:base:USDC), @) < 4% then notify \"x\"",
			"rule \"x\" when apy(aave-v3:base:USDC) < 4% then move @ from aave-v3:base:USDC to compound-v3:base:USDC",
			"rule \"x\" when apy(aave-v3:base:USDC) < 4% then move 5 @ from aave-v3:base:USDC to compound-v3:base:USDC",
			"rule \"x\" when apy(aave-v3:base:USDC) < 4% then move 100% from @ to compound-v3:base:USDC",
			"rule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"x\" options priority @",
			"rule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"x\" options cooldown @",
			"rule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"x\" options expires @",
			"rule \"x\" every @ then notify \"x\"", "rule \"x\" when apy(aave-v3:base:USDC) < 4% @ then notify \"x\"",
			"@");

	@Property(tries = 2000)
	void hostileTextIsRejectedWithAPositionOrKeptAsInertData(@ForAll("templates") String template,
			@ForAll("payloads") String payload) {
		String text = template.replace("@", payload);

		ParseResult result = RuleParser.parse(text);

		switch (result) {
			case ParseResult.Rejected rejected -> rejected.errors().forEach(e -> assertInside(e.position(), text));
			case ParseResult.Parsed parsed -> {
				List<Diagnostic> diagnostics = this.validator.validate(parsed.rule(), parsed.positions(), this.plan);
				diagnostics.forEach(d -> assertInside(d.position(), text));
				if (RuleValidator.valid(diagnostics)) {
					assertThat(unknownNames(parsed.rule())).as(text).isEmpty();
				}
			}
		}
	}

	/**
	 * The DRL printed for admins holds nothing but validated names, numbers and the
	 * intent API, whatever hostile text the rule carries: a rule that passes validation
	 * prints only allowed tokens.
	 */
	@Property(tries = 1000)
	void previewDrlHoldsOnlyValidatedNamesNumbersAndTheIntentApi(@ForAll("templates") String template,
			@ForAll("payloads") String payload) {
		previewIfValid(template.replace("@", payload));
	}

	/** Deep conditions of every construct print only allowed DRL too. */
	@Property(tries = 300)
	void deepConditionsPrintOnlyAllowedDrl(@ForAll("conditions") String condition) {
		String text = "rule \"deep\"\nwhen\n  " + condition + "\nthen\n  notify \"x\"\n";
		assertThat(previewIfValid(text)).as(text).isTrue();
	}

	private boolean previewIfValid(String text) {
		if (RuleParser.parse(text) instanceof ParseResult.Parsed parsed && parsed.rule().when() != null
				&& RuleValidator.valid(this.validator.validate(parsed.rule(), parsed.positions(), this.plan))) {
			String drl = DrlPreview.print(UUID.randomUUID(), 1, ConditionCompiler.compile(parsed.rule().when()));
			DrlAllowList.check(drl);
			return true;
		}
		return false;
	}

	@Provide
	Arbitrary<String> conditions() {
		return condition(3);
	}

	private Arbitrary<String> condition(int depth) {
		List<String> pools = this.vocabulary.poolIds().stream().map(Object::toString).sorted().toList();
		Arbitrary<String> pool = Arbitraries.of(pools);
		Arbitrary<String> apy = pool.map(p -> "apy(" + p + ")");
		Arbitrary<String> window = Arbitraries.of("avg", "min", "max", "change")
			.flatMap(f -> pool
				.flatMap(p -> Arbitraries.of("1h", "24h", "7d").map(w -> f + "(apy(" + p + "), " + w + ")")));
		Arbitrary<String> number = Arbitraries.doubles().between(-50, 50).ofScale(3).map(d -> d + "%");
		Arbitrary<String> term = Arbitraries.oneOf(apy, window, number,
				Arbitraries.oneOf(apy, window).flatMap(a -> number.map(n -> a + " + " + n)));
		Arbitrary<String> comparison = term.flatMap(a -> Arbitraries.of("<", "<=", ">", ">=", "==", "!=")
			.flatMap(op -> Arbitraries.oneOf(apy, window).map(b -> b + " " + op + " " + a)));
		if (depth == 0) {
			return comparison;
		}
		Arbitrary<String> deeper = Arbitraries.lazy(() -> condition(depth - 1));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, comparison),
				net.jqwik.api.Tuple.of(2, deeper.flatMap(a -> deeper.map(b -> "(" + a + " and " + b + ")"))),
				net.jqwik.api.Tuple.of(2, deeper.flatMap(a -> deeper.map(b -> "(" + a + " or " + b + ")"))),
				net.jqwik.api.Tuple.of(1, deeper.map(a -> "not (" + a + ")")),
				net.jqwik.api.Tuple.of(1, deeper.map(a -> "(" + a + ") for 2h")));
	}

	@Provide
	Arbitrary<String> templates() {
		return Arbitraries.of(TEMPLATES);
	}

	@Provide
	Arbitrary<String> payloads() {
		return Arbitraries.oneOf(Arbitraries.of(PAYLOADS), Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.strings().withChars("\"\\#$`'{}():;,.%-+*/<>=! \n\tabcXYZ0123456789").ofMaxLength(30),
				Arbitraries.strings().ascii().ofMaxLength(30));
	}

	private static void assertInside(Position position, String text) {
		String[] lines = text.split("\n", -1);
		assertThat(position.line()).as("line of %s in %s", position, text).isBetween(1, lines.length);
		assertThat(position.column()).as("column of %s in %s", position, text)
			.isBetween(1, lines[position.line() - 1].codePointCount(0, lines[position.line() - 1].length()) + 1);
	}

	/** The names in the tree that the vocabulary does not know. */
	private List<String> unknownNames(RuleSyntax rule) {
		List<String> names = new ArrayList<>();
		if (rule.when() != null) {
			collect(rule.when(), names);
		}
		for (Action action : rule.actions()) {
			switch (action) {
				case Move move -> {
					names.add(move.from().toString());
					names.add(move.to().toString());
					symbol(move.amount(), names);
					if (move.limit() != null) {
						symbol(move.limit(), names);
					}
				}
				case Withdraw withdraw -> {
					names.add(withdraw.from().toString());
					symbol(withdraw.amount(), names);
				}
				case Deposit deposit -> {
					names.add(deposit.into().toString());
					symbol(deposit.amount(), names);
				}
				case Notify notify -> {
				}
			}
		}
		Set<String> known = known();
		return names.stream().filter(n -> !known.contains(n)).collect(Collectors.toList());
	}

	private Set<String> known() {
		Set<String> known = new java.util.HashSet<>(this.vocabulary.chains());
		known.addAll(this.vocabulary.assets());
		MetricSpec.all().forEach(m -> known.add(m.name()));
		this.vocabulary.poolIds().forEach(id -> known.add(id.toString()));
		return known;
	}

	private static void symbol(Amount amount, List<String> names) {
		if (amount instanceof Amount.Tokens tokens) {
			names.add(tokens.symbol());
		}
	}

	private static void collect(Condition condition, List<String> names) {
		switch (condition) {
			case Comparison comparison -> {
				collect(comparison.left(), names);
				collect(comparison.right(), names);
			}
			case And and -> and.operands().forEach(c -> collect(c, names));
			case Or or -> or.operands().forEach(c -> collect(c, names));
			case Not not -> collect(not.operand(), names);
			case Sustained sustained -> collect(sustained.condition(), names);
		}
	}

	private static void collect(Expression expression, List<String> names) {
		switch (expression) {
			case MetricCall call -> {
				names.add(call.metric());
				names.add(switch (call.subject()) {
					case Subject.Pool pool -> pool.id().toString();
					case Subject.Named named -> named.name();
				});
			}
			case Window window -> collect(window.metric(), names);
			case Arithmetic arithmetic -> {
				collect(arithmetic.left(), names);
				collect(arithmetic.right(), names);
			}
			case Negation negation -> collect(negation.operand(), names);
			case Literal literal -> {
			}
		}
	}

}
