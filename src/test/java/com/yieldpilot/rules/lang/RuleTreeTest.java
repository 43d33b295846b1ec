package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The tree's records only hold what the printer can write and the parser read back. */
class RuleTreeTest {

	private static final Comparison LOW = new Comparison(
			new MetricCall("apy", new Subject.Pool(PoolId.parse("aave-v3:base:USDC"))), ComparisonOperator.LESS,
			Literal.of("4", LiteralUnit.PERCENT));

	private static final Comparison HIGH = new Comparison(
			new MetricCall("tvl", new Subject.Pool(PoolId.parse("aave-v3:base:USDC"))), ComparisonOperator.GREATER,
			Literal.of("1000000", LiteralUnit.USD));

	@Test
	void flattensNestedAndsAndOrs() {
		Comparison third = LOW.withComments(List.of(" third"));

		assertThat(And.of(And.of(LOW, HIGH), third)).isEqualTo(And.of(LOW, HIGH, third));
		assertThat(Or.of(LOW, Or.of(HIGH, third)).operands()).containsExactly(LOW, HIGH, third);
		assertThatIllegalArgumentException().isThrownBy(() -> And.of(LOW));
	}

	@Test
	void keepsNumbersInOneNormalForm() {
		assertThat(Literal.of("4.50", LiteralUnit.PERCENT)).isEqualTo(Literal.of("4.5", LiteralUnit.PERCENT));
		assertThat(Literal.of("5E+4", LiteralUnit.USD)).isEqualTo(Literal.of("50000", LiteralUnit.USD));
		assertThat(Literal.of("50", LiteralUnit.BPS).inBaseUnit()).isEqualByComparingTo("0.5");
		assertThatIllegalArgumentException().isThrownBy(() -> Literal.of("-1", LiteralUnit.PERCENT));
		assertThatIllegalArgumentException().isThrownBy(() -> Literal.of("1e15", LiteralUnit.NUMBER));
		assertThatIllegalArgumentException().isThrownBy(() -> Literal.of("0.0000000000001", LiteralUnit.NUMBER));
	}

	@Test
	void writesDollarsTheWayFarmersDo() {
		assertThat(Numbers.dollars(new BigDecimal("50000"))).isEqualTo("$50k");
		assertThat(Numbers.dollars(new BigDecimal("1500000"))).isEqualTo("$1.5M");
		assertThat(Numbers.dollars(new BigDecimal("2000000000000"))).isEqualTo("$2000B");
		assertThat(Numbers.dollars(new BigDecimal("1234567"))).isEqualTo("$1234567");
		assertThat(Numbers.dollars(new BigDecimal("999.5"))).isEqualTo("$999.5");
		assertThat(Numbers.dollars(new BigDecimal("0.99"))).isEqualTo("$0.99");
	}

	@Test
	void acceptsOnlyNamesThePrinterCanWriteBack() {
		assertThat(new MetricCall("gas", new Subject.Named("mode")).metric()).isEqualTo("gas");
		assertThatIllegalArgumentException().isThrownBy(() -> new MetricCall("then", new Subject.Named("base")));
		assertThatIllegalArgumentException().isThrownBy(() -> new Subject.Named("ba se"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Subject.Named("$c"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Subject.Named("a".repeat(41)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Amount.Tokens(BigDecimal.ONE, "USDC\"); System.exit(0); //"));
	}

	@Test
	void keepsTextsPlainAndVisible() {
		assertThat(new Notify("Moved \"all\" \\ funds #{x} ${y}").text()).contains("#{x}");
		assertThatIllegalArgumentException().isThrownBy(() -> new Notify("line\nbreak"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Notify("safe\u202Eevil"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Notify(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> LOW.withComments(List.of("two\nlines")));
	}

	@Test
	void needsConditionsOrAScheduleAndAtLeastOneAction() {
		List<Action> notify = List.<Action>of(new Notify("x"));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleSyntax("x", null, null, notify, RuleOptions.NONE));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleSyntax("x", null, LOW, List.of(), RuleOptions.NONE));
		assertThat(new RuleSyntax("x", new Schedule.Interval(Duration.ofHours(6)), null, notify, RuleOptions.NONE)
			.actions()).hasSize(1);
	}

	@Test
	void optionsTellWrittenFromDefault() {
		assertThat(RuleOptions.NONE.isEmpty()).isTrue();
		assertThat(RuleOptions.NONE.effectiveMode()).isEqualTo(Mode.PAPER);
		assertThat(RuleOptions.NONE.withMode(Mode.PAPER)).isNotEqualTo(RuleOptions.NONE);
		assertThatIllegalArgumentException().isThrownBy(() -> RuleOptions.NONE.withComments(List.of(" alone")));
		assertThatIllegalArgumentException().isThrownBy(() -> RuleOptions.NONE.withPriority(0));
		assertThatIllegalArgumentException().isThrownBy(() -> RuleOptions.NONE.withCooldown(Duration.ofMillis(1500)));
	}

}
