package com.yieldpilot.rules.internal.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.Condition.AllOf;
import com.yieldpilot.rules.internal.engine.Condition.Comparison;
import com.yieldpilot.rules.internal.engine.Condition.HeldFor;
import com.yieldpilot.rules.internal.engine.Condition.Relation;
import com.yieldpilot.rules.internal.engine.Operand;
import com.yieldpilot.rules.internal.engine.Operand.Arithmetic;
import com.yieldpilot.rules.internal.engine.Operand.Constant;
import com.yieldpilot.rules.internal.engine.Operand.Operator;
import com.yieldpilot.rules.internal.engine.Operand.Term;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.ReferenceEvaluator;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RuleSyntax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionCompilerTest {

	private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Test
	void compilesTheArchitectureExampleIntoTermsConstantsAndGates() {
		Condition compiled = compile("""
				rule "Chase USDC yield"
				when
				  apy(aave-v3:base:USDC) < 4% for 2h
				  and apy(morpho:base:USDC-prime) > apy(aave-v3:base:USDC) + 1%
				  and risk(morpho:base:USDC-prime) < 0.4
				then
				  move 100% from aave-v3:base:USDC to morpho:base:USDC-prime max 50000 USDC
				options cooldown 24h, max gas 30 gwei, mode live
				""");
		Term aave = term("aave-v3:base:USDC", "apy");
		Term morpho = term("morpho:base:USDC-prime", "apy");
		assertThat(compiled).isEqualTo(
				new AllOf(List.of(new HeldFor(new Comparison(aave, Relation.LT, new Constant(4)), Duration.ofHours(2)),
						new Comparison(morpho, Relation.GT, new Arithmetic(aave, Operator.PLUS, new Constant(1))),
						new Comparison(term("morpho:base:USDC-prime", "risk"), Relation.LT, new Constant(0.4)))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "utilization(aave-v3:base:USDC) > 90%   | 0.9", "utilization(aave-v3:base:USDC) > 50 bps | 0.005",
					"apy(aave-v3:base:USDC) > 50 bps         | 0.5", "apy(aave-v3:base:USDC) > 4.25%          | 4.25",
					"tvl(aave-v3:base:USDC) > $1.5M          | 1500000", "gas(base) < 30 gwei | 30",
					"risk(aave-v3:base:USDC) < 0.4           | 0.4" })
	void readsLiteralsInTheUnitOfWhatTheyAreComparedWith(String condition, double constant) {
		Comparison comparison = (Comparison) compileCondition(condition);
		assertThat(comparison.right()).isEqualTo(new Constant(constant));
	}

	@Test
	void aPercentageScalesWhatItMultiplies() {
		Comparison comparison = (Comparison) compileCondition(
				"apyReward(aave-v3:base:USDC) > apy(aave-v3:base:USDC) * 50%");
		assertThat(comparison.right())
			.isEqualTo(new Arithmetic(term("aave-v3:base:USDC", "apy"), Operator.TIMES, new Constant(0.5)));
	}

	@Test
	void chainsAssetsAndWindowsBecomeTheMarketsSubjectsAndWindowTerms() {
		Comparison gas = (Comparison) compileCondition("gas(base) < 30 gwei");
		assertThat(gas.left()).isEqualTo(term("chain:base", "gas"));
		Comparison drain = (Comparison) compileCondition("pctchange(tvl(aave-v3:base:USDC), 1h) < -30%");
		assertThat(drain.left()).isEqualTo(new Term(
				TermKey.window("aave-v3:base:USDC", "tvl", TermKey.Aggregate.PCT_CHANGE, Duration.ofHours(1))));
		assertThat(drain.right()).isEqualTo(new Arithmetic(new Constant(0), Operator.MINUS, new Constant(30)));
	}

	@ParameterizedTest(name = "{0} with utilization {1} is {2}")
	@CsvSource({ "utilization(aave-v3:base:USDC) > 90%, 0.95, TRUE",
			"utilization(aave-v3:base:USDC) > 90%, 0.85, FALSE",
			"not (utilization(aave-v3:base:USDC) > 90% or apy(aave-v3:base:USDC) < 1%), 0.5, TRUE" })
	void compiledConditionsMeanWhatTheyRead(String condition, double utilization, Truth expected) {
		ReferenceEvaluator evaluator = new ReferenceEvaluator(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
		evaluator.update(Map.of(TermKey.latest("aave-v3:base:USDC", "utilization"), Reading.of(utilization, NOW),
				TermKey.latest("aave-v3:base:USDC", "apy"), Reading.of(4.2, NOW)));
		evaluator.install(1, compileCondition(condition), Truth.UNKNOWN);
		assertThat(evaluator.truth(1)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examples")
	void everyExampleRuleCompiles(Path example) throws IOException {
		RuleSyntax rule = parse(Files.readString(example));
		if (rule.when() != null) {
			assertThat(ConditionCompiler.compile(rule.when())).isNotNull();
		}
	}

	static Stream<Path> examples() throws IOException {
		return Files.list(Path.of("rules", "examples")).filter((p) -> p.toString().endsWith(".rule")).sorted();
	}

	private static Condition compileCondition(String condition) {
		return compile("rule \"t\"\nwhen\n  " + condition + "\nthen\n  notify \"x\"\n");
	}

	private static Condition compile(String text) {
		RuleSyntax rule = parse(text);
		assertThat(rule.when()).isNotNull();
		return ConditionCompiler.compile(rule.when());
	}

	private static RuleSyntax parse(String text) {
		ParseResult result = RuleParser.parse(text);
		assertThat(result).isInstanceOf(ParseResult.Parsed.class);
		return ((ParseResult.Parsed) result).rule();
	}

	private static Term term(String subject, String metric) {
		return new Term(TermKey.latest(subject, metric));
	}

	static Operand number(double value) {
		return new Constant(value);
	}

}
