package com.yieldpilot.rules;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.RiskSamples;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.runtime.ScheduledRuns;
import com.yieldpilot.rules.internal.runtime.ShardEvaluator;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.Samples;
import com.yieldpilot.support.TestFarmer;
import com.yieldpilot.vault.Vaults;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The live engine on the real app: rules saved over REST, market values ingested for
 * pools of each test's own, shards evaluated directly (the Quartz jobs run too; the shard
 * lock serializes them). Checks firing on the transition only, idempotent intents under a
 * repeated tick, cooldowns, conflicts by priority, "for" surviving a restart, and the
 * traces a farmer reads.
 */
class RuleRuntimeIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	ShardEvaluator evaluator;

	@Autowired
	ScheduledRuns scheduledRuns;

	@Autowired
	RuntimeProperties runtime;

	@Autowired
	RuleIntents intents;

	@Autowired
	Scheduler scheduler;

	@Autowired
	Vaults vaults;

	@Autowired
	RiskSamples riskSamples;

	private final PoolId from = pool();

	private final PoolId to = pool();

	@Test
	void firesOnTheTransitionToTrueAndARepeatedTickMakesNoSecondIntent() {
		Farmer farmer = farmer("han");
		apy(this.from, 3.0);
		apy(this.to, 6.0);
		String id = farmer.save(move("Chase", "", ""));

		evaluate(farmer);
		evaluate(farmer);
		evaluate(farmer);

		List<String> keys = intentKeys(id);
		assertThat(keys).as("three ticks, one transition, one intent").hasSize(1);
		assertThat(keys.getFirst()).isEqualTo(id + ":1:f1");
		awaitReviewed(id);
		JsonNode trace = newest(farmer.traces(id), "FIRED");
		assertThat(trace.get("version").asInt()).isEqualTo(1);
		JsonNode condition = trace.get("conditions").get(0);
		assertThat(condition.get("condition").asString()).isEqualTo("apy(" + this.from + ") < 4%");
		assertThat(condition.get("result").asString()).isEqualTo("true");
		JsonNode evidence = condition.get("values").get(0);
		assertThat(evidence.get("term").asString()).isEqualTo("apy(" + this.from + ")");
		assertThat(evidence.get("value").asDouble()).isEqualTo(3.0);
		assertThat(evidence.get("source").asString()).isEqualTo("SIMULATOR");

		apy(this.from, 5.0);
		evaluate(farmer);
		assertThat(farmer.traces(id).get(0).get("outcome").asString()).isEqualTo("NOT_MET");
		assertThat(farmer.traces(id).get(0).get("reason").asString()).contains("apy(" + this.from + ") < 4%");

		apy(this.from, 2.0);
		evaluate(farmer);
		assertThat(intentKeys(id)).as("true again: a second firing").hasSize(2).contains(id + ":1:f2");
		assertThat(this.json.readTree(farmer.get("/api/v1/rules/" + id).body()).get("lastFired").isNull()).isFalse();
	}

	@Test
	void aMarketUpdateAloneMakesTheRuleFireWithoutADurablePublicationOfTheShardsRequest() {
		Farmer farmer = farmer("leia");
		apy(this.from, 5.0);
		apy(this.to, 6.0);
		String id = farmer.save(move("Chase on update", "", ""));
		// the save's own evaluation, not met, is over before the market moves
		await().atMost(Duration.ofSeconds(10)).until(() -> !farmer.traces(id).isEmpty());
		assertThat(intentKeys(id)).isEmpty();

		apy(this.from, 3.0);

		// well before the shards' next periodic tick (30 s)
		await().atMost(Duration.ofSeconds(5)).until(() -> intentKeys(id).size() == 1);
		// the shards' request after the ingest's commit is in memory only, while the
		// save's (a transactional listener of the same class) is a durable publication
		assertThat(this.dsl.fetchCount(table(name("event_publication")),
				field(name("listener_id")).contains("RuleSchedule.marketUpdated")))
			.isZero();
		assertThat(this.dsl.fetchCount(table(name("event_publication")),
				field(name("listener_id")).contains("RuleSchedule.ruleChanged")))
			.isPositive();
	}

	@Test
	void aRuleInCooldownDoesNotFireAgainAndSaysWhy() {
		Farmer farmer = farmer("ida");
		apy(this.from, 3.0);
		apy(this.to, 6.0);
		String id = farmer.save(move("Cool", "", "options cooldown 24h\n"));
		evaluate(farmer);
		awaitReviewed(id);
		apy(this.from, 5.0);
		evaluate(farmer);
		apy(this.from, 3.0);
		evaluate(farmer);

		assertThat(intentKeys(id)).hasSize(1);
		JsonNode trace = farmer.traces(id).get(0);
		assertThat(trace.get("outcome").asString()).isEqualTo("COOLDOWN");
		assertThat(trace.get("reason").asString()).startsWith("in cooldown until");
	}

	@Test
	void rulesMovingTheSameFundsInOneEvaluationGoOneAtATimeByPriority() {
		Farmer farmer = farmer("jo");
		apy(this.from, 5.0);
		apy(this.to, 6.0);
		String low = farmer.save(move("Low", "", "options priority 20\n"));
		String high = farmer.save(move("High", "", "options priority 80\n"));
		String mid = farmer.save(move("Mid", "", "options priority 50\n"));
		evaluate(farmer);
		// all become true in one evaluation, whichever node or thread runs it
		apy(this.from, 3.0);
		evaluate(farmer);

		// the guardrails review each intent as it is proposed and complete these
		// paper ones
		ActionIntent first = intent(high);
		assertThat(first.priority()).isEqualTo(80);
		assertThat(newest(farmer.traces(high), "FIRED").get("reason").asString()).endsWith("proposed: 1 action");
		for (String waiting : List.of(mid, low)) {
			JsonNode waited = newest(farmer.traces(waiting), "WAITING");
			assertThat(waited.get("reason").asString()).as("proposed in the same evaluation, the highest goes first")
				.contains("\"High\"")
				.contains(this.from.toString());
			assertThat(waited.get("intent").isNull()).as("the waiting intent is stored").isFalse();
		}
		awaitSettled(high);
		awaitSettled(mid);
		awaitSettled(low);

		for (String rule : List.of(high, mid, low)) {
			assertThat(intent(rule).status()).isEqualTo(IntentStatus.COMPLETED);
		}
		JsonNode highDone = newest(farmer.traces(high), "COMPLETED");
		JsonNode midTurn = newest(farmer.traces(mid), "FIRED");
		JsonNode midDone = newest(farmer.traces(mid), "COMPLETED");
		JsonNode lowTurn = newest(farmer.traces(low), "FIRED");
		assertThat(midTurn.get("reason").asString()).as("its turn came").contains("its turn came");
		assertThat(lowTurn.get("reason").asString()).as("its turn came").contains("its turn came");
		assertThat(Instant.parse(midTurn.get("at").asString()))
			.as("the middle one went only once the high one had finished")
			.isAfterOrEqualTo(Instant.parse(highDone.get("at").asString()));
		assertThat(Instant.parse(lowTurn.get("at").asString()))
			.as("the low one went only once the middle one had finished")
			.isAfterOrEqualTo(Instant.parse(midDone.get("at").asString()));
		assertThat(this.intents.settle(first.id(), IntentStatus.COMPLETED, "again").status())
			.as("repeating a settlement is a no-op")
			.isEqualTo(IntentStatus.COMPLETED);
	}

	@Test
	void aFiringOnAPoolWhoseSourcesDisagreeIsBlockedAndLeavesTheFundsToTheNextRule() {
		Farmer farmer = farmer("rae");
		PoolId elsewhere = pool();
		apy(this.from, 3.0);
		apy(elsewhere, 6.0);
		ingest(this.to, 6.0, Source.DEFILLAMA, Instant.now());
		ingest(this.to, 2.0, Source.CHAIN, Instant.now());
		String blocked = farmer.save(move("Into doubt", "", "options priority 80\n"));
		String clear = farmer.save("rule \"Elsewhere\"\nwhen\n  apy(" + this.from + ") < 4%\nthen\n  move 50% from "
				+ this.from + " to " + elsewhere + "\n");
		evaluate(farmer);

		JsonNode trace = farmer.traces(blocked).get(0);
		assertThat(trace.get("outcome").asString()).isEqualTo("BLOCKED");
		assertThat(trace.get("reason").asString()).startsWith("blocked: ").contains("Sources disagree on " + this.to);
		assertThat(intentKeys(blocked)).isEmpty();
		assertThat(newest(farmer.traces(clear), "FIRED").get("reason").asString())
			.as("the blocked rule proposed nothing for the other to wait for")
			.endsWith("proposed: 1 action");
		assertThat(intentKeys(clear)).containsExactly(clear + ":1:f1");

		// the sources agree again: the blocked firing was waiting, and goes ahead
		ingest(this.to, 6.0, Source.CHAIN, Instant.now());
		evaluate(farmer);
		assertThat(intentKeys(blocked)).containsExactly(blocked + ":1:f1");
		assertThat(newest(farmer.traces(blocked), "FIRED").get("reason").asString()).endsWith("proposed: 1 action");
	}

	@Test
	void aFiringIntoAPoolWithAStaleRiskScoreWaitsAndGoesAheadWhenTheScoreIsFresh() {
		Farmer farmer = farmer("ren");
		apy(this.from, 3.0);
		apy(this.to, 6.0);
		// as after a restart of a node that was stopped for hours: the market has moved
		// on, the risk module has not scored the pool since
		Instant old = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS);
		this.riskSamples.record(Map.of(this.to, 0.2), old);
		String id = farmer.save(move("Fresh only", "", ""));
		evaluate(farmer);
		evaluate(farmer);

		assertThat(intentKeys(id)).as("the guardrails would block it").isEmpty();
		List<JsonNode> blocked = farmer.traces(id)
			.valueStream()
			.filter(t -> t.get("outcome").asString().equals("BLOCKED"))
			.toList();
		assertThat(blocked).as("a second evaluation that finds the same block traces nothing new").hasSize(1);
		assertThat(blocked.getFirst().get("reason").asString())
			.startsWith("blocked: " + this.to + " has stale data: its risk was last observed at ")
			.contains("(risk_model)")
			.endsWith("; it fires when that clears, if its conditions still hold");

		// a restart rebuilds the engine from the database: the firing still waits
		this.evaluator.forgetEngines();
		evaluate(farmer);
		assertThat(intentKeys(id)).isEmpty();

		// the score lands: the waiting rule's shard watches the pool's risk, so it is
		// evaluated at once (its repeating trigger comes only every 30 s)
		this.riskSamples.record(Map.of(this.to, 0.2), Instant.now().truncatedTo(ChronoUnit.MILLIS));
		await().atMost(Duration.ofSeconds(5)).until(() -> !intentKeys(id).isEmpty());
		assertThat(intentKeys(id)).containsExactly(id + ":1:f1");
		assertThat(newest(farmer.traces(id), "FIRED").get("reason").asString()).endsWith("proposed: 1 action");

		// fired: a later evaluation finds the rule still true and acts no more
		evaluate(farmer);
		assertThat(intentKeys(id)).hasSize(1);
	}

	@Test
	void aHeldConditionKeepsItsStartAcrossARestart() {
		Farmer farmer = farmer("kim");
		apy(this.from, 3.0);
		apy(this.to, 6.0);
		String id = farmer.save(move("Patient", " for 2h", ""));
		evaluate(farmer);
		Instant since = heldSince(id);
		assertThat(since).as("the held part started").isNotNull();
		assertThat(intentKeys(id)).as("2h have not passed").isEmpty();

		this.evaluator.forgetEngines();
		apy(this.from, 3.5);
		evaluate(farmer);

		assertThat(heldSince(id)).as("rebuilt from the database, the hold did not restart").isEqualTo(since);
		assertThat(intentKeys(id)).isEmpty();

		apy(this.from, 4.5);
		evaluate(farmer);
		assertThat(heldSince(id)).as("false ends the hold").isNull();
	}

	@Test
	void staleOrMissingDataMakesARuleUnknownNotTrue() {
		Farmer farmer = farmer("lu");
		apy(this.to, 6.0);
		ingest(this.from, 1.0, Source.DEFILLAMA, Instant.now().minus(Duration.ofHours(3)));
		String id = farmer.save("rule \"Old data\"\nwhen\n  apy(" + this.to + ") > 5% and apy(" + this.from
				+ ") < 4%\nthen\n  notify \"both\"\n");
		evaluate(farmer);

		assertThat(intentKeys(id)).isEmpty();
		JsonNode trace = farmer.traces(id).get(0);
		assertThat(trace.get("outcome").asString()).isEqualTo("UNKNOWN");
		assertThat(trace.get("reason").asString()).isEqualTo("not evaluated: apy(" + this.from + ") is stale");
		JsonNode stale = trace.get("conditions").get(1);
		assertThat(stale.get("result").asString()).isEqualTo("unknown");
		assertThat(stale.get("values").get(0).get("stale").asBoolean()).isTrue();
	}

	@Test
	void aRuleTrueAgainAfterStaleDataAndARestartDoesNotFireTwice() {
		Farmer farmer = farmer("uma");
		apy(this.to, 6.0);
		// fresh for a few more seconds: the simulator's values go stale after 2 minutes
		Duration freshFor = Duration.ofSeconds(8);
		ingest(this.from, 3.0, Source.SIMULATOR, Instant.now().minus(Source.SIMULATOR.staleAfter()).plus(freshFor));
		String id = farmer.save(move("Steady", "", ""));
		evaluate(farmer);
		assertThat(intentKeys(id)).containsExactly(id + ":1:f1");
		// the guardrails' and the execution's traces of that intent are written
		awaitSettled(id);

		// the source stops: the rule is unknown, not false
		await().atMost(freshFor.multipliedBy(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
			evaluate(farmer);
			return farmer.traces(id).get(0).get("outcome").asString().equals("UNKNOWN");
		});
		// a restart rebuilds the engine from the database while the data is still stale
		this.evaluator.forgetEngines();
		evaluate(farmer);
		apy(this.from, 3.0);
		evaluate(farmer);

		assertThat(intentKeys(id)).as("true before the outage, true after it: one firing").hasSize(1);
		JsonNode still = farmer.traces(id).get(0);
		assertThat(still.get("outcome").asString()).as("the newest trace").isEqualTo("STILL_MET");
		assertThat(still.get("reason").asString()).startsWith("still met: the conditions held before values went");

		apy(this.from, 5.0);
		evaluate(farmer);
		apy(this.from, 2.0);
		evaluate(farmer);
		assertThat(intentKeys(id)).as("false, then true: a second firing").containsExactly(id + ":1:f1", id + ":1:f2");
	}

	@Test
	void aTimeTriggeredRuleHasItsOwnTriggerAndFiresOncePerScheduledTime() throws Exception {
		Farmer farmer = farmer("max");
		apy(this.from, 3.0);
		String id = farmer.save("rule \"Weekly look\"\nevery monday 09:00 UTC\nwhen\n  apy(" + this.from
				+ ") < 4%\nthen\n  notify \"low\"\n");
		TriggerKey trigger = TriggerKey.triggerKey("rule-" + id, "rules-scheduled");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.scheduler.getTrigger(trigger)).isInstanceOfSatisfying(
					CronTrigger.class, (cron) -> assertThat(cron.getCronExpression()).isEqualTo("0 0 9 ? * MON")));

		Instant monday = Instant.parse("2026-11-23T09:00:00Z");
		RuleId rule = new RuleId(UUID.fromString(id));
		assertThat(this.scheduledRuns.evaluateScheduled(rule, monday)).isTrue();
		assertThat(this.scheduledRuns.evaluateScheduled(rule, monday)).as("a recovered fire proposes nothing twice")
			.isFalse();
		assertThat(intentKeys(id)).containsExactly(id + ":1:at" + monday.getEpochSecond());
		awaitReviewed(id);

		apy(this.from, 5.0);
		assertThat(this.scheduledRuns.evaluateScheduled(rule, monday.plus(Duration.ofDays(7)))).isFalse();
		assertThat(farmer.traces(id).get(0).get("outcome").asString()).isEqualTo("NOT_MET");

		http().post("/api/v1/rules/" + id + "/disable", farmer.token, "");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.scheduler.getTrigger(trigger) == null);
	}

	@Test
	void aScheduledRunHeldUpByStaleDataWaitsGivesWayToTheNextRunAndGoesAheadOnceTheDataIsFresh() throws Exception {
		Farmer farmer = farmer("sol");
		apy(this.from, 3.0);
		apy(this.to, 6.0);
		this.riskSamples.record(Map.of(this.to, 0.2),
				Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MILLIS));
		String id = farmer.save("rule \"Weekly move\"\nevery monday 09:00 UTC\nwhen\n  apy(" + this.from
				+ ") < 4%\nthen\n  move 50% from " + this.from + " to " + this.to + "\n");
		RuleId rule = new RuleId(UUID.fromString(id));
		Instant due = lastMondayAtNine();
		Instant weekBefore = due.minus(Duration.ofDays(7));
		TriggerKey retry = TriggerKey.triggerKey("rule-" + id, "rules-retry");

		// a run that waits
		assertThat(this.scheduledRuns.evaluateScheduled(rule, weekBefore)).isFalse();
		String waits = "; this scheduled run is tried again until that clears, or until the next one is due";
		assertThat(newest(farmer.traces(id), "BLOCKED").get("reason").asString())
			.startsWith("blocked: " + this.to + " has stale data: its risk was last observed at ")
			.endsWith(waits);
		assertThat(this.scheduler.getTrigger(retry)).as("its retry").isNotNull();

		// its rule's next run is due: the waiting run gives way to it (its retry or this
		// run says so, whichever takes the shard first), and the new run waits in
		// its place
		assertThat(this.scheduledRuns.evaluateScheduled(rule, due)).isFalse();
		String gaveWay = "the run of " + minute(weekBefore) + " did not happen: it still waited when the next "
				+ "scheduled run was due, at " + minute(due) + " (it waited because " + this.to + " has stale data: ";
		assertThat(reasons(farmer, id).filter(r -> r.startsWith(gaveWay)).count()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.scheduler.getTrigger(retry) != null
					&& Instant.parse(this.scheduler.getTrigger(retry).getJobDataMap().getString("scheduledAt"))
						.equals(due));

		// Quartz tries it again (every 2 s in the tests); the block has not changed, so
		// the retries add no trace
		java.util.Date firstTry = this.scheduler.getTrigger(retry).getStartTime();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			org.quartz.Trigger again = this.scheduler.getTrigger(retry);
			return again != null && again.getStartTime().after(firstTry);
		});
		assertThat(reasons(farmer, id).filter(r -> r.endsWith(waits)).count()).as("one per run").isEqualTo(2);
		assertThat(intentKeys(id)).isEmpty();

		// the score lands: the next retry goes ahead under the scheduled time's key
		this.riskSamples.record(Map.of(this.to, 0.2), Instant.now().truncatedTo(ChronoUnit.MILLIS));
		await().atMost(Duration.ofSeconds(30)).until(() -> !intentKeys(id).isEmpty());
		assertThat(intentKeys(id)).containsExactly(id + ":1:at" + due.getEpochSecond());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.scheduler.getTrigger(retry) == null);
		assertThat(this.scheduledRuns.evaluateScheduled(rule, due)).as("a recovered fire proposes nothing twice")
			.isFalse();
		assertThat(intentKeys(id)).hasSize(1);
	}

	@Test
	void aScheduledRunWhoseConditionsCannotBeEvaluatedWaitsForTheData() {
		Farmer farmer = farmer("tao");
		ingest(this.from, 3.0, Source.DEFILLAMA, Instant.now().minus(Duration.ofHours(3)));
		String id = farmer.save("rule \"Daily look\"\nevery day 07:00 UTC\nwhen\n  apy(" + this.from
				+ ") < 4%\nthen\n  notify \"low\"\n");
		RuleId rule = new RuleId(UUID.fromString(id));
		Instant due = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(7));
		Instant run = due.isAfter(Instant.now()) ? due.minus(Duration.ofDays(1)) : due;

		assertThat(this.scheduledRuns.evaluateScheduled(rule, run)).isFalse();
		assertThat(farmer.traces(id).get(0).get("reason").asString()).isEqualTo("not evaluated: apy(" + this.from
				+ ") is stale; this scheduled run is tried again until that clears, or until the next one is due");

		apy(this.from, 3.0);
		await().atMost(Duration.ofSeconds(30)).until(() -> !intentKeys(id).isEmpty());
		assertThat(intentKeys(id)).containsExactly(id + ":1:at" + run.getEpochSecond());
	}

	@Test
	void theVaultsOwnBalanceIsReadForItsOwnerOnly() {
		UserAccount demo = this.accounts.findByUsername(credentials().farmerUsername()).orElseThrow();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.vaults.vault(demo.id(), com.yieldpilot.chain.LocalChain.CHAIN_ID).isPresent());
		Farmer farmer = new Farmer(demo, credentials().farmerToken());
		String text = "rule \"Idle funds " + UUID.randomUUID().toString().substring(0, 6)
				+ "\"\nwhen\n  balance(USDC) > $1k\nthen\n  notify \"put the idle USDC to work\"\n";
		String id = farmer.save(text);
		Farmer stranger = farmer("ned");
		String theirs = stranger.save(text);
		try {
			evaluate(farmer);
			evaluate(stranger);

			JsonNode trace = newest(farmer.traces(id), "FIRED");
			JsonNode balance = trace.get("conditions").get(0).get("values").get(0);
			assertThat(balance.get("term").asString()).isEqualTo("balance(USDC)");
			assertThat(balance.get("value").asDouble()).isGreaterThan(1_000);
			assertThat(balance.get("source").asString()).isEqualTo("CHAIN");
			assertThat(stranger.traces(theirs).get(0).get("outcome").asString())
				.as("a farmer without a vault has no balance, whatever the demo farmer holds")
				.isEqualTo("UNKNOWN");
		}
		finally {
			http().post("/api/v1/rules/" + id + "/disable", credentials().farmerToken(), "");
		}
	}

	@Test
	void riskScoresStoredByTheRiskModuleAreReadByRules() {
		Farmer farmer = farmer("oz");
		apy(this.to, 6.0);
		this.riskSamples.record(Map.of(this.to, 0.7), Instant.now().truncatedTo(ChronoUnit.MILLIS));
		String id = farmer.save("rule \"Safe enough\"\nwhen\n  risk(" + this.to + ") < 0.4\nthen\n  notify \"safe\"\n");
		evaluate(farmer);
		JsonNode risky = newest(farmer.traces(id), "NOT_MET").get("conditions").get(0).get("values").get(0);
		assertThat(risky.get("term").asString()).isEqualTo("risk(" + this.to + ")");
		assertThat(risky.get("value").asDouble()).isEqualTo(0.7);
		assertThat(risky.get("source").asString()).isEqualTo("RISK_MODEL");

		this.riskSamples.record(Map.of(this.to, 0.2), Instant.now().truncatedTo(ChronoUnit.MILLIS));
		evaluate(farmer);
		assertThat(newest(farmer.traces(id), "FIRED").get("conditions")
			.get(0)
			.get("values")
			.get(0)
			.get("value")
			.asDouble()).isEqualTo(0.2);
		assertThat(intentKeys(id)).containsExactly(id + ":1:f1");
	}

	@Test
	void anAssetsPriceIsReadFromItsPools() {
		Farmer farmer = farmer("pia");
		String asset = "TST" + UUID.randomUUID().toString().substring(0, 4).toUpperCase(java.util.Locale.ROOT);
		PoolId pool = PoolId.parse("rt" + UUID.randomUUID().toString().substring(0, 6) + ":base:" + asset);
		Samples.ingest(this.ingestion, pool, Metric.PRICE, 0.42, Source.SIMULATOR, Instant.now());
		String id = farmer
			.save("rule \"Peg holds\"\nwhen\n  price(" + asset + ") > $0.9\nthen\n  notify \"peg holds\"\n");
		evaluate(farmer);

		JsonNode price = farmer.traces(id).get(0).get("conditions").get(0).get("values").get(0);
		assertThat(price.get("term").asString()).isEqualTo("price(" + asset + ")");
		assertThat(price.get("value").asDouble()).isEqualTo(0.42);
		assertThat(farmer.traces(id).get(0).get("outcome").asString()).isEqualTo("NOT_MET");
	}

	private String move(String name, String hold, String options) {
		return "rule \"" + name + "\"\nwhen\n  apy(" + this.from + ") < 4%" + hold + "\nthen\n  move 50% from "
				+ this.from + " to " + this.to + "\n" + options;
	}

	/** The latest Monday 09:00 UTC that is not in the future. */
	private static Instant lastMondayAtNine() {
		java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
		java.time.ZonedDateTime monday = now
			.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY))
			.truncatedTo(ChronoUnit.DAYS)
			.withHour(9);
		return (monday.isAfter(now) ? monday.minusWeeks(1) : monday).toInstant();
	}

	private static String minute(Instant at) {
		return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", java.util.Locale.ROOT)
			.withZone(java.time.ZoneOffset.UTC)
			.format(at);
	}

	private static java.util.stream.Stream<String> reasons(Farmer farmer, String rule) {
		return farmer.traces(rule).valueStream().map(t -> t.get("reason").asString());
	}

	private void evaluate(Farmer farmer) {
		this.evaluator.evaluate(this.runtime.shardOf(farmer.account().id()));
	}

	private List<String> intentKeys(String rule) {
		return this.dsl
			.resultQuery("select idempotency_key from rule_intent where rule_id = ?::uuid order by proposed_at", rule)
			.fetch(0, String.class);
	}

	/**
	 * Waits until the guardrails have reviewed (and, for paper intents, completed) every
	 * intent of the rule: they do so asynchronously, adding traces of their own.
	 */
	private void awaitReviewed(String rule) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.dsl
				.resultQuery("select count(*) from rule_intent where rule_id = ?::uuid and status in "
						+ "('PROPOSED', 'WAITING')", rule)
				.fetchOne(0, Integer.class) == 0);
	}

	/**
	 * Until the rule's intents have ended: reviewed, and their (paper) executions run.
	 */
	private void awaitSettled(String rule) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.dsl
				.resultQuery("select count(*) from rule_intent where rule_id = ?::uuid and status in "
						+ "('PROPOSED', 'WAITING', 'ACCEPTED')", rule)
				.fetchOne(0, Integer.class) == 0);
	}

	private static JsonNode newest(JsonNode traces, String outcome) {
		return traces.valueStream()
			.filter(t -> t.get("outcome").asString().equals(outcome))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + outcome + " trace in " + traces));
	}

	private ActionIntent intent(String rule) {
		String id = this.dsl.resultQuery("select id from rule_intent where rule_id = ?::uuid", rule)
			.fetchOne(0, String.class);
		return this.intents.find(new IntentId(UUID.fromString(id))).orElseThrow();
	}

	private Instant heldSince(String rule) {
		java.time.OffsetDateTime since = this.dsl
			.resultQuery("select since from rule_hold where rule_id = ?::uuid", rule)
			.fetchOne(0, java.time.OffsetDateTime.class);
		return (since != null) ? since.toInstant() : null;
	}

	private void apy(PoolId pool, double apy) {
		ingest(pool, apy, Source.SIMULATOR, Instant.now());
	}

	private void ingest(PoolId pool, double apy, Source source, Instant when) {
		Samples.ingest(this.ingestion, pool, Metric.APY, apy, source, when);
	}

	private static PoolId pool() {
		return PoolId.parse("rt" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
	}

	private Farmer farmer(String name) {
		TestFarmer farmer = newFarmer(name);
		return new Farmer(farmer.account(), farmer.token());
	}

	private final class Farmer {

		private final UserAccount account;

		private final String token;

		Farmer(UserAccount account, String token) {
			this.account = account;
			this.token = token;
		}

		UserAccount account() {
			return this.account;
		}

		String save(String text) {
			HttpResponse<String> created = http().postText("/api/v1/rules", this.token, text);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			return RuleRuntimeIT.this.json.readTree(created.body()).get("id").asString();
		}

		HttpResponse<String> get(String path) {
			return http().get(path, this.token);
		}

		JsonNode traces(String rule) {
			HttpResponse<String> response = get("/api/v1/rules/" + rule + "/traces");
			assertThat(response.statusCode()).isEqualTo(200);
			return RuleRuntimeIT.this.json.readTree(response.body());
		}

	}

}
