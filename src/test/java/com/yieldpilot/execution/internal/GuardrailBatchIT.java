package com.yieldpilot.execution.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
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
import com.yieldpilot.support.CrashPoints;
import com.yieldpilot.support.ReviewRecords;
import com.yieldpilot.support.RuleFirings;
import com.yieldpilot.support.Samples;
import com.yieldpilot.support.TestFarmer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The guardrails' batched review (decision 0019) on the running application: a batch that
 * stops in its middle stores nothing and leaves every publication incomplete, so the
 * redelivery reviews each intent exactly once; one intent whose facts are bad (stale
 * data) or whose portfolio fails to load (a vault on a chain the node has no RPC for)
 * does not hold up the others of its batch; two reviewers of the same intents at once
 * store one verdict and one set of executions each.
 */
class GuardrailBatchIT extends ApplicationIT {

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	ShardEvaluator evaluator;

	@Autowired
	RuntimeProperties runtime;

	@Autowired
	RuleIntents intents;

	@Autowired
	GuardrailBatch batch;

	@Autowired
	CrashPoints crashes;

	@Autowired
	IncompleteEventPublications publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MarketData market;

	private final PoolId from = pool();

	private final PoolId to = pool();

	private final PoolId stale = pool();

	/** The test's rules' name: the armed crash stops only batches with their intents. */
	private final String rule = "Batched " + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void disarm() {
		this.crashes.disarmReview();
	}

	@Test
	void aBatchStoppedInItsMiddleIsReviewedExactlyOnceOnRedelivery() {
		market();
		List<IntentId> ids = fireWhileReviewsCrash(3, this.to);

		redeliver(ids);

		await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(this::terminal));
		for (IntentId id : ids) {
			assertThat(reviews(id)).as("verdicts of %s", id).isEqualTo(1);
			assertThat(executions(id)).as("executions of %s", id).isEqualTo(1);
			assertThat(this.intents.find(id).orElseThrow().status()).isEqualTo(IntentStatus.COMPLETED);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(this::delivered));
	}

	@Test
	void anIntentIntoAPoolWhoseDataWentStaleBeforeItsReviewIsBlockedWithoutHoldingUpItsBatch() {
		market();
		List<IntentId> good = fireWhileReviewsCrash(2, this.to);
		// fresh when its rule fires (the rules runtime holds back a firing into stale
		// data), stale by the time the review comes
		Duration freshFor = Duration.ofSeconds(10);
		Samples.ingest(this.ingestion, this.stale, Metric.APY, 6.0, Source.SIMULATOR,
				Instant.now().minus(Source.SIMULATOR.staleAfter()).plus(freshFor));
		List<IntentId> bad = fireWhileReviewsCrash(1, this.stale);
		await().atMost(freshFor.multipliedBy(3))
			.until(() -> this.market.pool(this.stale).flatMap(p -> p.value(Metric.APY)).orElseThrow().stale());
		List<IntentId> all = new ArrayList<>(good);
		all.addAll(bad);

		assertThat(this.batch.reviewAll(all)).isEmpty();

		await().atMost(Duration.ofSeconds(60)).until(() -> all.stream().allMatch(this::terminal));
		good.forEach(id -> assertThat(this.intents.find(id).orElseThrow().status()).isEqualTo(IntentStatus.COMPLETED));
		ActionIntent blocked = this.intents.find(bad.getFirst()).orElseThrow();
		assertThat(blocked.status()).isEqualTo(IntentStatus.BLOCKED);
		assertThat(blocked.reason()).startsWith("blocked by the guardrails: " + this.stale + " has stale data");
		all.forEach(id -> assertThat(reviews(id)).isEqualTo(1));

		// the redelivered events find the verdicts stored and review nothing twice
		redeliver(all);
		await().atMost(Duration.ofSeconds(30)).until(() -> all.stream().allMatch(this::delivered));
		all.forEach(id -> assertThat(reviews(id)).isEqualTo(1));
		good.forEach(id -> assertThat(executions(id)).isEqualTo(1));
	}

	@Test
	void anOwnerWhosePortfolioFailsToLoadIsLeftForRedeliveryAndTheOthersAreReviewed() {
		market();
		List<IntentId> good = fireWhileReviewsCrash(1, this.to);
		TestFarmer unreachable = newFarmer("far");
		UUID vault = UUID.randomUUID();
		this.jdbc
			.sql("insert into vault (id, user_id, chain_id, address, owner_address, asset_address, asset_symbol, "
					+ "asset_decimals, created_at) values (?, ?, 424242, ?, ?, ?, 'USDC', 6, now())")
			.params(vault, unreachable.account().id().value(), address(vault), address(UUID.randomUUID()),
					address(UUID.randomUUID()))
			.update();
		List<IntentId> bad = fireWhileReviewsCrash(List.of(unreachable), this.to);
		List<IntentId> all = new ArrayList<>(good);
		all.addAll(bad);

		assertThat(this.batch.reviewAll(all)).containsExactlyElementsOf(bad);

		await().atMost(Duration.ofSeconds(60)).until(() -> terminal(good.getFirst()));
		assertThat(reviews(good.getFirst())).isEqualTo(1);
		assertThat(this.intents.find(bad.getFirst()).orElseThrow().status()).isEqualTo(IntentStatus.PROPOSED);
		assertThat(reviews(bad.getFirst())).isZero();

		// once the vault is gone, the redelivery reviews it
		this.jdbc.sql("delete from vault where id = ?").param(vault).update();
		redeliver(bad);
		await().atMost(Duration.ofSeconds(60)).until(() -> terminal(bad.getFirst()));
		assertThat(reviews(bad.getFirst())).isEqualTo(1);
	}

	@Test
	void twoReviewersOfTheSameIntentsStoreOneVerdictAndOneExecutionEach() throws Exception {
		market();
		List<IntentId> ids = fireWhileReviewsCrash(3, this.to);
		CountDownLatch start = new CountDownLatch(1);

		CompletableFuture<Set<IntentId>> first = CompletableFuture.supplyAsync(() -> {
			awaitLatch(start);
			return this.batch.reviewAll(ids);
		});
		CompletableFuture<Set<IntentId>> second = CompletableFuture.supplyAsync(() -> {
			awaitLatch(start);
			return this.batch.reviewAll(ids.reversed());
		});
		start.countDown();

		assertThat(first.get()).isEmpty();
		assertThat(second.get()).isEmpty();
		await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(this::terminal));
		for (IntentId id : ids) {
			assertThat(reviews(id)).isEqualTo(1);
			assertThat(executions(id)).isEqualTo(1);
		}
	}

	/**
	 * Fires a rule of each of n new farmers into the pool while every batch of reviews
	 * stops in its middle: the intents stay proposed, with no verdict and no execution,
	 * and their publications incomplete.
	 */
	private List<IntentId> fireWhileReviewsCrash(int farmers, PoolId into) {
		List<TestFarmer> created = new ArrayList<>();
		for (int i = 0; i < farmers; i++) {
			created.add(newFarmer("bat"));
		}
		return fireWhileReviewsCrash(created, into);
	}

	private List<IntentId> fireWhileReviewsCrash(List<TestFarmer> farmers, PoolId into) {
		this.crashes.armReviewOf(this.intents, this.rule, () -> {
			throw new CrashPoints.Crash("in the middle of a batch of reviews");
		});
		List<IntentId> ids = new ArrayList<>();
		for (TestFarmer farmer : farmers) {
			ids.add(fire(farmer, into));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(this::failedDelivery));
		this.crashes.disarmReview();
		for (IntentId id : ids) {
			assertThat(this.intents.find(id).orElseThrow().status()).isEqualTo(IntentStatus.PROPOSED);
			assertThat(reviews(id)).isZero();
			assertThat(executions(id)).isZero();
		}
		return ids;
	}

	private IntentId fire(TestFarmer farmer, PoolId into) {
		return new RuleFirings(http(), this.jdbc, this.evaluator, this.runtime).fire(farmer, this.rule, this.from,
				into);
	}

	private void redeliver(List<IntentId> ids) {
		this.publications
			.resubmitIncompletePublications(publication -> publication.getEvent() instanceof IntentProposed proposed
					&& ids.contains(proposed.intent().id()));
	}

	private void market() {
		Samples.ingest(this.ingestion, this.from, Metric.APY, 3.0, Source.SIMULATOR, Instant.now());
		Samples.ingest(this.ingestion, this.to, Metric.APY, 6.0, Source.SIMULATOR, Instant.now());
	}

	private boolean terminal(IntentId id) {
		return this.intents.find(id).orElseThrow().status().terminal();
	}

	/** The review's delivery ended in an exception: the registry keeps it incomplete. */
	private boolean failedDelivery(IntentId id) {
		return publications(id, "completion_date is null and status = 'FAILED'") == 1;
	}

	private boolean delivered(IntentId id) {
		return publications(id, "completion_date is not null") >= 1 && publications(id, "completion_date is null") == 0;
	}

	private int publications(IntentId id, String condition) {
		return new ReviewRecords(this.jdbc).deliveries(id, condition);
	}

	private int reviews(IntentId id) {
		return new ReviewRecords(this.jdbc).reviews(id);
	}

	private int executions(IntentId id) {
		return new ReviewRecords(this.jdbc).executions(id);
	}

	private static void awaitLatch(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String address(UUID seed) {
		return "0x" + (seed.toString().replace("-", "") + "00000000").substring(0, 40);
	}

	private static PoolId pool() {
		return PoolId.parse("gb" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
	}

}
