package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.yieldpilot.rules.Cases;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RuleParserTest {

	static final String ARCHITECTURE_EXAMPLE = """
			rule "Chase USDC yield"
			when
			  apy(aave-v3:base:USDC) < 4% for 2h
			  and apy(morpho:base:USDC-prime) > apy(aave-v3:base:USDC) + 1%
			  and risk(morpho:base:USDC-prime) < 0.4
			then
			  move 100% from aave-v3:base:USDC to morpho:base:USDC-prime max 50000 USDC
			options cooldown 24h, max gas 30 gwei, mode live
			""";

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	private static final PoolId MORPHO = PoolId.parse("morpho:base:USDC-prime");

	@Test
	void parsesTheArchitectureExampleIntoTheTreeItSays() {
		RuleSyntax expected = new RuleSyntax("Chase USDC yield", null, And.of(
				new Sustained(new Comparison(apy(AAVE), ComparisonOperator.LESS, Literal.of("4", LiteralUnit.PERCENT)),
						Duration.ofHours(2)),
				new Comparison(apy(MORPHO), ComparisonOperator.GREATER,
						new Arithmetic(apy(AAVE), ArithmeticOperator.PLUS, Literal.of("1", LiteralUnit.PERCENT))),
				new Comparison(new MetricCall("risk", new Subject.Pool(MORPHO)), ComparisonOperator.LESS,
						Literal.of("0.4", LiteralUnit.NUMBER))),
				List.of(new Move(new Amount.Share(BigDecimal.valueOf(100)), AAVE, MORPHO,
						new Amount.Tokens(BigDecimal.valueOf(50000), "USDC"))),
				RuleOptions.NONE.withCooldown(Duration.ofHours(24))
					.withMaxGasGwei(BigDecimal.valueOf(30))
					.withMode(Mode.LIVE));

		assertThat(parse(ARCHITECTURE_EXAMPLE)).isEqualTo(expected);
		assertThat(RulePrinter.print(expected)).isEqualTo(ARCHITECTURE_EXAMPLE);
	}

	@Test
	void keepsPositionsOutOfTheTreesEquality() {
		ParseResult.Parsed spread = (ParseResult.Parsed) RuleParser
			.parse("\n\nrule \"x\"\nwhen\n      apy(aave-v3:base:USDC)   <   4%\nthen notify \"y\"");
		ParseResult.Parsed compact = (ParseResult.Parsed) RuleParser
			.parse("rule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"y\"");

		assertThat(spread.rule()).isEqualTo(compact.rule()).hasSameHashCodeAs(compact.rule());
		Comparison spreadComparison = (Comparison) spread.rule().when();
		Comparison compactComparison = (Comparison) compact.rule().when();
		assertThat(spread.positions().of(spreadComparison)).contains(new Position(5, 7));
		assertThat(compact.positions().of(compactComparison)).contains(new Position(1, 15));
		assertThat(spread.positions().of(spreadComparison.right())).contains(new Position(5, 36));
		assertThat(SourcePositions.NONE.find(spreadComparison)).isEqualTo(Position.START);
	}

	@Test
	void knowsWhereEachOptionWasWritten() {
		ParseResult.Parsed parsed = (ParseResult.Parsed) RuleParser
			.parse("rule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"y\"\noptions mode live,\n  cooldown 2h");

		assertThat(parsed.positions().option("mode")).contains(new Position(2, 9));
		assertThat(parsed.positions().option("cooldown")).contains(new Position(3, 3));
		assertThat(parsed.positions().option("priority")).isEmpty();
	}

	@TestFactory
	Stream<DynamicTest> printsEachRuleInItsCanonicalLayoutAndReadsThatBack() {
		return Cases.read("/rules/lang/canonical.cases").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
			RuleSyntax rule = parse(c.input());
			String canonical = RulePrinter.print(rule);

			assertThat(canonical).isEqualTo(c.section("canonical"));
			assertThat(parse(canonical)).isEqualTo(rule);
			assertThat(RulePrinter.print(parse(canonical))).isEqualTo(canonical);
		}));
	}

	@TestFactory
	Stream<DynamicTest> rejectsEachBrokenRuleWithPositionedPlainWords() {
		return Cases.read("/rules/lang/syntax-errors.cases").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
			ParseResult result = RuleParser.parse(c.input());

			assertThat(result).isInstanceOf(ParseResult.Rejected.class);
			String errors = ((ParseResult.Rejected) result).errors()
				.stream()
				.map(Diagnostic::toString)
				.collect(Collectors.joining("\n", "", "\n"));
			assertThat(errors).isEqualTo(c.section("errors"));
		}));
	}

	@Test
	void rejectsTextsLongerThanTheLimitBeforeReadingThem() {
		String text = "rule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"y\"\n"
				+ "#".repeat(RuleParser.MAX_LENGTH);

		assertThat(RuleParser.parse(text)).isEqualTo(new ParseResult.Rejected(List.of(Diagnostic.error(Position.START,
				"the rule is " + text.length() + " characters long; at most 10000 are allowed"))));
	}

	@Test
	void rejectsTooManyTokens() {
		String text = "rule \"x\" when " + "apy(aave-v3:base:USDC) < 4% and ".repeat(300)
				+ "tvl(aave-v3:base:USDC) > $1 " + "then notify \"y\"";

		ParseResult result = RuleParser.parse(text);

		assertThat(result).isInstanceOfSatisfying(ParseResult.Rejected.class,
				r -> assertThat(r.errors()).singleElement()
					.extracting(Diagnostic::message)
					.isEqualTo("the rule is too long: at most 2000 words, numbers and operators"));
	}

	@Test
	void readsTheLargestRuleWithinItsLimitsQuickly() {
		// the deepest nesting allowed (a metric's own parentheses count too), as many
		// times as the tokens allow
		int depth = RuleParser.MAX_NESTING - 1;
		String nested = "(".repeat(depth) + "apy(aave-v3:base:USDC)" + ")".repeat(depth);
		String comparison = nested + " < " + nested + " + 1%";
		int tokensPerComparison = 2 * (2 * depth + 4) + 4 + 1;
		StringBuilder text = new StringBuilder("rule \"big\" when ").append(comparison);
		for (int i = 1; i < (RuleParser.MAX_TOKENS - 10) / tokensPerComparison; i++) {
			text.append("\n or ").append(comparison);
		}
		text.append(" then notify \"x\"");

		ParseResult result = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> RuleParser.parse(text.toString()));

		assertThat(result).isInstanceOf(ParseResult.Parsed.class);
		assertThat(RuleParser.parse(text.toString().replace(" then", " or " + comparison + " then")))
			.isInstanceOf(ParseResult.Rejected.class);
	}

	@Test
	void ignoresAByteOrderMark() {
		assertThat(RuleParser.parse("\uFEFFrule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"y\""))
			.isInstanceOf(ParseResult.Parsed.class);
	}

	static RuleSyntax parse(String text) {
		ParseResult result = RuleParser.parse(text);
		assertThat(result).as("parse of %s", text).isInstanceOf(ParseResult.Parsed.class);
		return ((ParseResult.Parsed) result).rule();
	}

	private static MetricCall apy(PoolId pool) {
		return new MetricCall("apy", new Subject.Pool(pool));
	}

}
