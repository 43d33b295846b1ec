package com.yieldpilot.execution.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.execution.GuardrailVerdict.Outcome;
import com.yieldpilot.execution.KillSwitch;
import com.yieldpilot.execution.internal.facts.ActionFact;
import com.yieldpilot.execution.internal.facts.GuardrailSettings;
import com.yieldpilot.execution.internal.facts.IntentFact;
import com.yieldpilot.execution.internal.facts.PoolFact;
import com.yieldpilot.execution.internal.facts.PortfolioFact;
import com.yieldpilot.rules.IntentId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped guardrails over intents built as facts: what each one blocks or scales, and
 * what it leaves alone. Risk ceiling 0.6, at most 25% of the portfolio per move.
 */
class GuardrailRunnerTest {

	private static final String AAVE = "aave-v3:base:USDC";

	private static final String MORPHO = "morpho:base:USDC-prime";

	private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");

	private static CompiledGuardrails shipped;

	private final List<PoolFact> pools = new ArrayList<>();

	private final List<ActionFact> actions = new ArrayList<>();

	private PortfolioFact portfolio = new PortfolioFact(null, null, "7 days");

	private KillSwitch killSwitch = KillSwitch.OFF;

	@BeforeAll
	static void compileShippedGuardrails() {
		shipped = new CompiledGuardrails(1, new GuardrailCompiler().compile(ShippedGuardrails.read()));
	}

	@Test
	void approvesAMoveBetweenFreshPoolsBelowTheCeilingWhenThePortfolioIsUnknown() {
		pool(AAVE, 0.2);
		pool(MORPHO, 0.3);
		move(AAVE, MORPHO, 1_000_000.0);

		GuardrailVerdict verdict = review();

		assertThat(verdict.outcome()).isEqualTo(Outcome.APPROVED);
		assertThat(verdict.scale()).isEqualTo(1);
		assertThat(verdict.reasons()).isEmpty();
		assertThat(verdict.guardrailVersion()).isEqualTo(1);
	}

	@Test
	void blocksFundsGoingIntoAPoolAboveTheRiskCeiling() {
		pool(AAVE, 0.2);
		pool(MORPHO, 0.75);
		move(AAVE, MORPHO, 100.0);

		GuardrailVerdict verdict = review();

		assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(verdict.scale()).isZero();
		assertThat(verdict.reasons()).containsExactly(MORPHO + " has a risk score of 0.75, above the ceiling of 0.60");
	}

	@Test
	void letsFundsLeaveAPoolAboveTheRiskCeiling() {
		pool(MORPHO, 0.75);
		this.actions.add(new ActionFact(1, "WITHDRAW", MORPHO, null, 100.0));

		assertThat(review().outcome()).isEqualTo(Outcome.APPROVED);
	}

	@Test
	void blocksAnActionTouchingAPoolWithStaleData() {
		this.pools.add(new PoolFact(AAVE, 0.1, "its apy was last observed at 2026-11-21 06:00 UTC (simulator)", null));
		pool(MORPHO, 0.1);
		move(AAVE, MORPHO, 100.0);

		GuardrailVerdict verdict = review();

		assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(verdict.reasons())
			.containsExactly(AAVE + " has stale data: its apy was last observed at 2026-11-21 06:00 UTC (simulator)");
	}

	@Test
	void blocksAnActionTouchingAPoolWhoseSourcesDisagree() {
		this.pools.add(new PoolFact(MORPHO, 0.1, null, "apy: simulator 4.1% vs chain 9.3%"));
		this.actions.add(new ActionFact(1, "DEPOSIT", null, MORPHO, 100.0));

		GuardrailVerdict verdict = review();

		assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(verdict.reasons())
			.containsExactly(MORPHO + "'s sources disagree: apy: simulator 4.1% vs chain 9.3%");
	}

	@Test
	void theKillSwitchBlocksEveryFundMovementButNotANotification() {
		pool(AAVE, 0.1);
		pool(MORPHO, 0.1);
		move(AAVE, MORPHO, 100.0);
		this.killSwitch = new KillSwitch(true, "exploit on Base", null, NOW);

		GuardrailVerdict blocked = review();
		this.pools.clear();
		this.actions.clear();
		this.actions.add(new ActionFact(1, "NOTIFY", null, null, null));
		GuardrailVerdict notification = review();

		assertThat(blocked.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(blocked.reasons())
			.containsExactly("an admin stopped all fund movements with the kill switch: exploit on Base");
		assertThat(notification.outcome()).isEqualTo(Outcome.APPROVED);
	}

	@Test
	void scalesAMoveDownToTheMaximumShareOfThePortfolio() {
		pool(AAVE, 0.1);
		pool(MORPHO, 0.1);
		move(AAVE, MORPHO, 50_000.0);
		this.portfolio = new PortfolioFact(100_000.0, 0.0, "7 days");

		GuardrailVerdict verdict = review();

		assertThat(verdict.outcome()).isEqualTo(Outcome.SCALED);
		assertThat(verdict.scale()).isEqualTo(0.5);
		assertThat(verdict.reasons()).containsExactly(
				"action 1 puts $50,000 into one pool, more than 25% of the $100,000 portfolio: scaled to $25,000");
	}

	@Test
	void leavesAMoveWithinTheMaximumShareOrOfUnknownSizeAlone() {
		pool(AAVE, 0.1);
		pool(MORPHO, 0.1);
		move(AAVE, MORPHO, 25_000.0);
		this.actions.add(new ActionFact(2, "MOVE", AAVE, MORPHO, null));
		this.portfolio = new PortfolioFact(100_000.0, 0.0, "7 days");

		assertThat(review().outcome()).isEqualTo(Outcome.APPROVED);
	}

	@Test
	void aDrawdownOfFivePercentHalvesMoves() {
		pool(AAVE, 0.1);
		pool(MORPHO, 0.3);
		move(AAVE, MORPHO, 100.0);
		this.portfolio = new PortfolioFact(100_000.0, 0.06, "7 days");

		GuardrailVerdict verdict = review();

		assertThat(verdict.outcome()).isEqualTo(Outcome.SCALED);
		assertThat(verdict.scale()).isEqualTo(0.5);
		assertThat(verdict.reasons())
			.containsExactly("the portfolio is 6.0% below its peak of the last 7 days: move sizes halved");
	}

	@Test
	void aDrawdownOfFivePercentAndAnOversizedMoveKeepTheSmallerScale() {
		pool(AAVE, 0.1);
		pool(MORPHO, 0.1);
		move(AAVE, MORPHO, 100_000.0);
		this.portfolio = new PortfolioFact(100_000.0, 0.05, "7 days");

		GuardrailVerdict verdict = review();

		assertThat(verdict.outcome()).isEqualTo(Outcome.SCALED);
		assertThat(verdict.scale()).isEqualTo(0.25);
		assertThat(verdict.reasons()).hasSize(2);
	}

	@Test
	void aDrawdownOfTenPercentLetsOnlyMovesToLowerRiskRun() {
		pool(AAVE, 0.1);
		pool(MORPHO, 0.3);
		this.portfolio = new PortfolioFact(100_000.0, 0.12, "7 days");

		move(MORPHO, AAVE, 100.0);
		GuardrailVerdict toLower = review();
		this.actions.clear();
		move(AAVE, MORPHO, 100.0);
		GuardrailVerdict toHigher = review();
		this.actions.clear();
		this.actions.add(new ActionFact(1, "DEPOSIT", null, AAVE, 100.0));
		GuardrailVerdict deposit = review();
		this.actions.clear();
		this.actions.add(new ActionFact(1, "WITHDRAW", MORPHO, null, 100.0));
		GuardrailVerdict withdrawal = review();

		assertThat(toLower.outcome()).as("halved by the 5% breaker").isEqualTo(Outcome.SCALED);
		assertThat(toHigher.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(toHigher.reasons())
			.anySatisfy(r -> assertThat(r).contains("only moves to a pool of known lower risk")
				.contains("action 1 into " + MORPHO));
		assertThat(deposit.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(withdrawal.outcome()).isEqualTo(Outcome.APPROVED);
	}

	@Test
	void aDrawdownOfTenPercentBlocksAMoveToAPoolOfUnknownRisk() {
		pool(MORPHO, 0.3);
		pool(AAVE, null);
		move(MORPHO, AAVE, 100.0);
		this.portfolio = new PortfolioFact(100_000.0, 0.10, "7 days");

		assertThat(review().outcome()).isEqualTo(Outcome.BLOCKED);
	}

	@Test
	void aDrawdownOfFifteenPercentStopsEveryFundMovement() {
		pool(MORPHO, 0.3);
		this.actions.add(new ActionFact(1, "WITHDRAW", MORPHO, null, 100.0));
		this.portfolio = new PortfolioFact(100_000.0, 0.15, "30 days");

		GuardrailVerdict verdict = review();

		assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(verdict.reasons()).containsExactly("the portfolio is 15.0% below its peak of the last 30 days: "
				+ "no funds move until it recovers to less than 15%");
	}

	@Test
	void withoutAnActiveVersionNothingMoves() {
		pool(AAVE, 0.1);
		this.actions.add(new ActionFact(1, "WITHDRAW", AAVE, null, 1.0));

		GuardrailVerdict verdict = GuardrailRunner.review(IntentId.random(), null, facts(), KillSwitch.OFF, NOW);

		assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(verdict.guardrailVersion()).isNull();
		assertThat(verdict.reasons()).singleElement().asString().contains("no guardrails are active");
	}

	@Test
	void aGuardrailThatThrowsBlocksTheIntent() {
		CompiledGuardrails broken = new CompiledGuardrails(7, new GuardrailCompiler().compile(Map.of("broken.drl", """
				package com.yieldpilot.guardrails;
				import com.yieldpilot.execution.internal.facts.IntentFact;
				rule "Scales by nonsense"
				when
				    $intent : IntentFact()
				then
				    $intent.scale(3, "three times as much");
				end
				""")));
		this.actions.add(new ActionFact(1, "NOTIFY", null, null, null));

		GuardrailVerdict verdict = GuardrailRunner.review(IntentId.random(), broken, facts(), KillSwitch.OFF, NOW);

		assertThat(verdict.outcome()).isEqualTo(Outcome.BLOCKED);
		assertThat(verdict.reasons()).singleElement().asString().contains("guardrail version 7 failed");
	}

	private void pool(String id, @Nullable Double risk) {
		this.pools.add(new PoolFact(id, risk, null, null));
	}

	private void move(String from, String to, @Nullable Double usd) {
		this.actions.add(new ActionFact(this.actions.size() + 1, "MOVE", from, to, usd));
	}

	private GuardrailVerdict review() {
		return GuardrailRunner.review(IntentId.random(), shipped, facts(), this.killSwitch, NOW);
	}

	private GuardrailFacts facts() {
		IntentFact intent = new IntentFact(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "test rule",
				true);
		return new GuardrailFacts(intent, this.actions, this.pools, this.portfolio, new GuardrailSettings(0.6, 0.25));
	}

}
