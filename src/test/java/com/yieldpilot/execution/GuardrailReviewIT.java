package com.yieldpilot.execution;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.RiskSamples;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentProposed;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleIntents;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.runtime.ShardEvaluator;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.ReviewRecords;
import com.yieldpilot.support.Samples;
import com.yieldpilot.support.TestFarmer;
import com.yieldpilot.support.EventProbe;
import com.yieldpilot.support.SignedIn;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End to end on the running application: a farmer's rule fires, the rules module stores
 * the intent and publishes {@code IntentProposed}, and the active guardrails review it
 * once and settle it: paper intents completed as recorded, intents into a risky pool or
 * past the kill switch blocked with {@code ExecutionBlocked}; a firing into a pool with
 * stale data waits in the rules runtime until the data is fresh. Each test uses pools of
 * its own.
 */
class GuardrailReviewIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	ShardEvaluator evaluator;

	@Autowired
	RuntimeProperties runtime;

	@Autowired
	RuleIntents intents;

	@Autowired
	Guardrails guardrails;

	@Autowired
	ObjectProvider<SecurityContextHolderStrategy> strategy;

	@Autowired
	EventProbe.Listener probe;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Executions executions;

	@Autowired
	RiskSamples riskSamples;

	private final PoolId from = pool();

	private final PoolId to = pool();

	@Test
	void aPaperIntentPassesAndIsCompletedAsRecordedOnce() {
		TestFarmer farmer = newFarmer("pat");
		apy(this.from, 3.0, Instant.now());
		apy(this.to, 6.0, Instant.now());

		IntentId id = fire(farmer, "");
		await().atMost(Duration.ofSeconds(60)).until(() -> this.intents.find(id).orElseThrow().status().terminal());
		ActionIntent done = this.intents.find(id).orElseThrow();

		assertThat(done.status()).isEqualTo(IntentStatus.COMPLETED);
		// pat has no vault: the paper record says what stopped it
		assertThat(done.reason()).startsWith("paper: would fail: You have no vault that can reach");
		assertThat(reviews(id)).isEqualTo(1);
		assertThat(outcome(id)).isEqualTo("APPROVED");
		assertThat(this.probe.blocked(id)).isFalse();

		// a redelivered event reviews nothing twice
		this.transactions.executeWithoutResult(tx -> this.events.publishEvent(new IntentProposed(done)));
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveredTwice(id));
		assertThat(reviews(id)).isEqualTo(1);
		assertThat(this.intents.find(id).orElseThrow().status()).isEqualTo(IntentStatus.COMPLETED);
	}

	@Test
	void anIntentIntoAPoolAboveTheRiskCeilingIsBlocked() {
		TestFarmer farmer = newFarmer("ria");
		apy(this.from, 3.0, Instant.now());
		apy(this.to, 6.0, Instant.now());
		sample(this.to, Metric.RISK, 0.9, Source.RISK_MODEL, Instant.now());

		IntentId id = fire(farmer, "options mode live\n");
		ActionIntent blocked = awaitSettled(id);

		assertThat(blocked.status()).isEqualTo(IntentStatus.BLOCKED);
		assertThat(blocked.reason()).isEqualTo(
				"blocked by the guardrails: " + this.to + " has a risk score of 0.90, above the ceiling of 0.60");
		assertThat(outcome(id)).isEqualTo("BLOCKED");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.probe.blocked(id));
	}

	@Test
	void aFiringIntoAPoolWithStaleDataReachesTheGuardrailsOnlyOnceTheDataIsFresh() {
		TestFarmer farmer = newFarmer("sol");
		apy(this.from, 3.0, Instant.now());
		sample(this.to, Metric.APY, 6.0, Source.DEFILLAMA, Instant.now().minus(Duration.ofHours(3)));
		String rule = save(farmer, "");
		this.evaluator.evaluate(this.runtime.shardOf(farmer.account().id()));
		assertThat(intentOf(rule)).as("the guardrails would block it for the stale apy").isEmpty();

		apy(this.to, 6.0, Instant.now());
		this.evaluator.evaluate(this.runtime.shardOf(farmer.account().id()));
		IntentId id = intentOf(rule).orElseThrow();
		ActionIntent done = awaitSettled(id);

		assertThat(outcome(id)).isEqualTo("APPROVED");
		assertThat(done.status()).isEqualTo(IntentStatus.COMPLETED);
		assertThat(this.probe.blocked(id)).isFalse();
	}

	@Test
	void theKillSwitchBlocksALiveIntent() {
		TestFarmer farmer = newFarmer("kai");
		apy(this.from, 3.0, Instant.now());
		apy(this.to, 6.0, Instant.now());
		SignedIn admin = new SignedIn(this.accounts, this.strategy);
		String adminName = credentials().adminUsername();
		admin.run(adminName, () -> this.guardrails.setKillSwitch(true, "incident drill"));
		try {
			IntentId id = fire(farmer, "options mode live\n");
			ActionIntent blocked = awaitSettled(id);

			assertThat(blocked.status()).isEqualTo(IntentStatus.BLOCKED);
			assertThat(blocked.reason()).isEqualTo("blocked by the guardrails: an admin stopped all fund movements "
					+ "with the kill switch: incident drill");
			await().atMost(Duration.ofSeconds(30)).until(() -> this.probe.blocked(id));
		}
		finally {
			admin.run(adminName, () -> this.guardrails.setKillSwitch(false, null));
		}
	}

	@Test
	void anApprovalIsRefusedWhileTheGuardrailsWouldBlockTheIntentNowAndTheExecutionKeepsWaiting() {
		TestFarmer farmer = newFarmer("apr");
		apy(this.from, 3.0, Instant.now());
		apy(this.to, 6.0, Instant.now());
		IntentId id = fire(farmer, "options mode live, approval required\n");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.executions.list(farmer.account().id(), ExecutionState.AWAITING_APPROVAL, 10).isEmpty());
		Execution waiting = this.executions.list(farmer.account().id(), ExecutionState.AWAITING_APPROVAL, 10)
			.getFirst();
		assertThat(waiting.intent()).isEqualTo(id);
		assertThat(outcome(id)).as("reviewed when it was proposed").isEqualTo("APPROVED");

		// the pool's risk rose while the action waited in the inbox
		this.riskSamples.record(Map.of(this.to, 0.9), Instant.now());
		HttpResponse<String> refused = http().post("/api/v1/executions/" + waiting.id() + "/approve", farmer.token(),
				"");

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(this.json.readTree(refused.body()).get("detail").asString())
			.isEqualTo("The guardrails would block it now: " + this.to
					+ " has a risk score of 0.90, above the ceiling of 0.60. It stays in your inbox until it expires: "
					+ "approve it again once that clears, or reject it");
		assertThat(this.executions.find(farmer.account().id(), waiting.id()).orElseThrow().state())
			.isEqualTo(ExecutionState.AWAITING_APPROVAL);
		assertThat(reviews(id)).as("a second look stores no second verdict").isEqualTo(1);

		this.riskSamples.record(Map.of(this.to, 0.2), Instant.now());
		Execution approved = this.executions.approve(farmer.account().id(), waiting.id());
		assertThat(approved.state()).isNotEqualTo(ExecutionState.AWAITING_APPROVAL);
		// approved, then stopped by execution: apr has no vault
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.intents.find(id).orElseThrow().status() == IntentStatus.FAILED);
	}

	@Test
	void aLiveIntentThatPassesIsHandedToExecution() {
		TestFarmer farmer = newFarmer("liv");
		apy(this.from, 3.0, Instant.now());
		apy(this.to, 6.0, Instant.now());

		IntentId id = fire(farmer, "options mode live\n");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.intents.find(id).orElseThrow().status() == IntentStatus.FAILED);

		// approved by the guardrails, then stopped by execution: liv has no vault
		assertThat(outcome(id)).isEqualTo("APPROVED");
		assertThat(this.intents.find(id).orElseThrow().reason()).startsWith("You have no vault that can reach");
	}

	@Test
	void aDryRunShowsWhatAnEditedSetWouldBlockAndStoresNothing() {
		TestFarmer farmer = newFarmer("dry");
		apy(this.from, 3.0, Instant.now());
		apy(this.to, 6.0, Instant.now());
		IntentId id = fire(farmer, "");
		awaitSettled(id);
		SignedIn admin = new SignedIn(this.accounts, this.strategy);
		String adminName = credentials().adminUsername();
		Map<String, String> files = new LinkedHashMap<>(admin.as(adminName,
				() -> this.guardrails.version(this.guardrails.status().activeVersion()).orElseThrow().files()));
		files.put("no-moves-from-here.drl", """
				package com.yieldpilot.guardrails;
				import com.yieldpilot.execution.internal.facts.ActionFact;
				import com.yieldpilot.execution.internal.facts.IntentFact;
				rule "Nothing leaves %s"
				when
				    $intent : IntentFact()
				    ActionFact( source == "%s" )
				then
				    $intent.block("nothing leaves %s today");
				end
				""".formatted(this.from, this.from, this.from));

		List<GuardrailDryRun> runs = admin.as(adminName, () -> this.guardrails.dryRun(files, 50));

		assertThat(runs).filteredOn(run -> run.intent().id().equals(id)).singleElement().satisfies(run -> {
			assertThat(run.verdict().outcome()).isEqualTo(GuardrailVerdict.Outcome.BLOCKED);
			assertThat(run.verdict().reasons()).containsExactly("nothing leaves " + this.from + " today");
		});
		assertThat(reviews(id)).as("a dry run stores no verdict").isEqualTo(1);
		assertThat(outcome(id)).isEqualTo("APPROVED");
		assertThat(this.intents.find(id).orElseThrow().status()).isEqualTo(IntentStatus.COMPLETED);
	}

	/** Saves a rule that is true now and evaluates the farmer's shard: one intent. */
	private IntentId fire(TestFarmer farmer, String options) {
		String rule = save(farmer, options);
		this.evaluator.evaluate(this.runtime.shardOf(farmer.account().id()));
		return intentOf(rule).orElseThrow(() -> new AssertionError("the rule proposed no intent"));
	}

	/** Saves the farmer's rule that moves from {@code from} to {@code to}. */
	private String save(TestFarmer farmer, String options) {
		HttpResponse<String> created = http().postText("/api/v1/rules", farmer.token(), "rule \"Guarded\"\nwhen\n  apy("
				+ this.from + ") < 4%\nthen\n  move 50% from " + this.from + " to " + this.to + "\n" + options);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.json.readTree(created.body()).get("id").asString();
	}

	private Optional<IntentId> intentOf(String rule) {
		return this.jdbc.sql("select id from rule_intent where rule_id = ?::uuid")
			.param(rule)
			.query(String.class)
			.optional()
			.map(id -> new IntentId(UUID.fromString(id)));
	}

	private ActionIntent awaitSettled(IntentId id) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.intents.find(id).orElseThrow().status() != IntentStatus.PROPOSED);
		return this.intents.find(id).orElseThrow();
	}

	private boolean deliveredTwice(IntentId id) {
		return new ReviewRecords(this.jdbc).deliveries(id, "completion_date is not null") == 2;
	}

	private int reviews(IntentId id) {
		return new ReviewRecords(this.jdbc).reviews(id);
	}

	private String outcome(IntentId id) {
		return this.jdbc.sql("select outcome from guardrail_review where intent_id = ?")
			.param(id.value())
			.query(String.class)
			.single();
	}

	private void apy(PoolId pool, double apy, Instant when) {
		sample(pool, Metric.APY, apy, Source.SIMULATOR, when);
	}

	private void sample(PoolId pool, Metric metric, double value, Source source, Instant when) {
		Samples.ingest(this.ingestion, pool, metric, value, source, when);
	}

	private static PoolId pool() {
		return PoolId.parse("gr" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
	}

}
