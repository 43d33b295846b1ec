package com.yieldpilot.rules.check;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.yieldpilot.rules.Cases;
import com.yieldpilot.rules.PlanLimits;
import com.yieldpilot.rules.lang.Diagnostic;
import com.yieldpilot.rules.lang.Literal;
import com.yieldpilot.rules.lang.LiteralUnit;
import com.yieldpilot.rules.lang.MetricCall;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.Position;
import com.yieldpilot.rules.lang.RuleOptions;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RuleSyntax;
import com.yieldpilot.rules.lang.SourcePositions;
import com.yieldpilot.rules.lang.Subject;
import com.yieldpilot.rules.lang.Comparison;
import com.yieldpilot.rules.lang.ComparisonOperator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

class RuleValidatorTest {

	static final PlanLimits PLAN = new PlanLimits(25, Duration.ofMinutes(1), true, 5);

	static final RuleValidator VALIDATOR = new RuleValidator(InMemoryVocabulary.simulated(),
			Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

	@TestFactory
	Stream<DynamicTest> reportsEachMistakeWhereItIsWritten() {
		return Cases.read("/rules/check/validation.cases").stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
			ParseResult.Parsed parsed = (ParseResult.Parsed) RuleParser.parse(c.input());
			PlanLimits plan = c.sections().containsKey(planKey(c)) ? plan(planKey(c)) : PLAN;

			List<Diagnostic> diagnostics = VALIDATOR.validate(parsed.rule(), parsed.positions(), plan);

			String written = diagnostics.isEmpty() ? "none\n"
					: diagnostics.stream().map(d -> d.severity() + " " + d).collect(Collectors.joining("\n", "", "\n"));
			assertThat(written).isEqualTo(c.section("diagnostics"));
			assertThat(RuleValidator.valid(diagnostics)).isEqualTo(!written.contains("ERROR"));
		}));
	}

	@Test
	void pointsAtTheRuleStartWhenTheTreeWasNotParsed() {
		RuleSyntax built = new RuleSyntax("built", null,
				new Comparison(new MetricCall("apy", new Subject.Named("base")), ComparisonOperator.LESS,
						Literal.of("4", LiteralUnit.PERCENT)),
				List.of(new Notify("x")), RuleOptions.NONE);

		assertThat(VALIDATOR.validate(built, SourcePositions.NONE, PLAN)).singleElement()
			.satisfies(d -> assertThat(d.position()).isEqualTo(Position.START))
			.satisfies(d -> assertThat(d.message()).startsWith("`apy` is read per pool"));
	}

	private static String planKey(Cases c) {
		return c.sections().keySet().stream().filter(k -> k.startsWith("plan")).findFirst().orElse("plan");
	}

	/**
	 * {@code plan live=false actions=1 interval=15m}: the default plan with these
	 * changes.
	 */
	private static PlanLimits plan(String key) {
		PlanLimits plan = PLAN;
		for (String setting : key.substring("plan".length()).strip().split(" ")) {
			String[] pair = setting.split("=");
			plan = switch (pair[0]) {
				case "live" -> new PlanLimits(plan.maxRules(), plan.minEvaluationInterval(),
						Boolean.parseBoolean(pair[1]), plan.maxActionsPerRule());
				case "actions" -> new PlanLimits(plan.maxRules(), plan.minEvaluationInterval(), plan.liveModeAllowed(),
						Integer.parseInt(pair[1]));
				case "interval" -> new PlanLimits(plan.maxRules(), Duration.parse("PT" + pair[1].toUpperCase()),
						plan.liveModeAllowed(), plan.maxActionsPerRule());
				default -> throw new IllegalArgumentException("Unknown plan setting " + setting);
			};
		}
		return plan;
	}

}
