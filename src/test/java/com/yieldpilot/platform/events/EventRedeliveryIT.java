package com.yieldpilot.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.platform.scheduling.ClusterJobs;
import com.yieldpilot.rules.IntentId;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry's deliveries keep moving without a restart, on the running node with its
 * real listener (the guardrails' review) and Spring Modulith's JDBC registry: a review
 * that failed is delivered again once its pause is over, and not before; one left in
 * flight by a dead node is taken over after {@code stuck-after}; one that cannot be read
 * back stops neither a node's start nor the others; completed publications are deleted
 * after the retention, incomplete ones never.
 */
class EventRedeliveryIT extends ApplicationIT {

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	ShardEvaluator evaluator;

	@Autowired
	RuntimeProperties runtime;

	@Autowired
	RuleIntents intents;

	@Autowired
	CrashPoints crashes;

	@Autowired
	FailedEventPublications failed;

	@Autowired
	CompletedEventPublications completed;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	ClusterJobs jobs;

	@Autowired
	JdbcClient jdbc;

	private final PoolId from = pool();

	private final PoolId to = pool();

	private final String rule = "Redelivered " + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void market() {
		Samples.ingest(this.ingestion, this.from, Metric.APY, 3.0, Source.SIMULATOR, Instant.now());
		Samples.ingest(this.ingestion, this.to, Metric.APY, 6.0, Source.SIMULATOR, Instant.now());
	}

	@AfterEach
	void disarm() {
		this.crashes.disarmReview();
	}

	@Test
	void aFailedReviewIsDeliveredAgainOnceItsPauseIsOverWithoutARestart() {
		IntentId id = fireWhileReviewsFail();

		EventRedelivery.Round early = redelivery(Duration.ofHours(1), Duration.ofHours(1)).run();

		assertThat(status(id)).isEqualTo("FAILED");
		assertThat(early.waiting()).isPositive();
		assertThat(reviews(id)).isZero();

		EventRedelivery.Round due = redelivery(Duration.ZERO, Duration.ofHours(1)).run();

		assertThat(due.resubmitted()).isPositive();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.intents.find(id).orElseThrow().status().terminal());
		assertThat(this.intents.find(id).orElseThrow().status()).isEqualTo(IntentStatus.COMPLETED);
		assertThat(reviews(id)).isEqualTo(1);
		await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETED".equals(status(id)));
		assertThat(new ReviewRecords(this.jdbc).deliveryAttempts(id)).as("the first delivery and one more")
			.isEqualTo(2);
	}

	@Test
	void aDeliveryLeftInFlightByADeadNodeIsTakenOverAfterStuckAfter() {
		IntentId id = fireWhileReviewsFail();
		// as a node killed in the middle of the review leaves it, an hour ago
		leaveInFlight(id, Duration.ofMinutes(30));

		EventRedelivery.Round young = redelivery(Duration.ZERO, Duration.ofHours(1)).run();

		assertThat(status(id)).as("younger than stuck-after: still the other node's").isEqualTo("PROCESSING");
		assertThat(reviews(id)).isZero();

		leaveInFlight(id, Duration.ofHours(2));
		EventRedelivery.Round lost = redelivery(Duration.ZERO, Duration.ofHours(1)).run();

		assertThat(young.stuck()).isZero();
		assertThat(lost.stuck()).isPositive();
		assertThat(lost.resubmitted()).isPositive();
		await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(status(id)));
		assertThat(reviews(id)).isEqualTo(1);
	}

	@Test
	void completedPublicationsAreDeletedAfterTheRetentionAndIncompleteOnesNever() {
		IntentId done = fireWhileReviewsFail();
		redelivery(Duration.ZERO, Duration.ofHours(1)).run();
		await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(status(done)));
		IntentId pending = fireWhileReviewsFail();
		OffsetDateTime eightDaysAgo = OffsetDateTime.now(ZoneOffset.UTC).minusDays(8);
		this.jdbc.sql("update event_publication set completion_date = ? where serialized_event like ?")
			.params(eightDaysAgo, "%" + done + "%")
			.update();
		// in flight for eight days on a node that still checks in: left alone by a
		// stuck-after of 30 days, and never deleted while incomplete
		this.jdbc
			.sql("update event_publication set status = 'PROCESSING', publication_date = ? "
					+ "where serialized_event like ?")
			.params(eightDaysAgo, "%" + pending + "%")
			.update();

		new EventRedelivery(this.failed, this.incomplete, this.completed, this.dsl, this.jobs,
				new EventRedeliveryProperties(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(1),
						Duration.ofDays(30), Duration.ofDays(7), true),
				Clock.systemUTC(), new SimpleMeterRegistry())
			.run();

		assertThat(publications(done)).isZero();
		assertThat(publications(pending)).isEqualTo(1);
		assertThat(status(pending)).isEqualTo("PROCESSING");
	}

	@Test
	void aPublicationThatCannotBeReadStopsNeitherTheStartNorTheOthers() throws Exception {
		IntentId id = fireWhileReviewsFail();
		// an event of an older version that this one cannot read back
		UUID unreadable = UUID.randomUUID();
		this.jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, publication_date, "
				+ "status, completion_attempts, last_resubmission_date) select ?, listener_id, event_type, "
				+ "'{\"intent\":{\"actions\":[{\"kind\":\"teleport\"}]}}', publication_date, 'FAILED', 1, "
				+ "null from event_publication where serialized_event like ? and listener_id like '%GuardrailReviewer%'")
			.params(unreadable, "%" + id + "%")
			.update();

		// what a node does when it starts, then a round of the job
		EventRedelivery redelivery = redelivery(Duration.ZERO, Duration.ofHours(1));
		redelivery.run(new DefaultApplicationArguments());
		EventRedelivery.Round round = redelivery.run();

		await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(status(id)));
		assertThat(reviews(id)).isEqualTo(1);
		assertThat(round.waiting()).as("the unreadable one waits, counted").isPositive();
		assertThat(this.jdbc.sql("select completion_date is null from event_publication where id = ?")
			.param(unreadable)
			.query(Boolean.class)
			.single()).as("kept, not lost").isTrue();
	}

	/**
	 * Fires a new farmer's rule while every review of its intents fails: the intent stays
	 * proposed and its publication failed.
	 */
	private IntentId fireWhileReviewsFail() {
		this.crashes.armReviewOf(this.intents, this.rule, () -> {
			throw new IllegalStateException("the database went away in the middle of a review");
		});
		IntentId id = new RuleFirings(http(), this.jdbc, this.evaluator, this.runtime).fire(newFarmer("red"), this.rule,
				this.from, this.to);
		await().atMost(Duration.ofSeconds(60)).until(() -> "FAILED".equals(status(id)));
		this.crashes.disarmReview();
		assertThat(this.intents.find(id).orElseThrow().status()).isEqualTo(IntentStatus.PROPOSED);
		return id;
	}

	private EventRedelivery redelivery(Duration retryAfter, Duration stuckAfter) {
		return new EventRedelivery(this.failed, this.incomplete, this.completed, this.dsl, this.jobs,
				new EventRedeliveryProperties(Duration.ofSeconds(30), retryAfter, Duration.ofHours(1), stuckAfter,
						Duration.ofDays(7), true),
				Clock.systemUTC(), new SimpleMeterRegistry());
	}

	private void leaveInFlight(IntentId id, Duration ago) {
		this.jdbc
			.sql("update event_publication set status = 'PROCESSING', last_resubmission_date = null, "
					+ "publication_date = ? where serialized_event like ? and listener_id like '%GuardrailReviewer%'")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minus(ago), "%" + id + "%")
			.update();
	}

	private String status(IntentId id) {
		return new ReviewRecords(this.jdbc).deliveryStatus(id);
	}

	private int reviews(IntentId id) {
		return new ReviewRecords(this.jdbc).reviews(id);
	}

	private int publications(IntentId id) {
		return new ReviewRecords(this.jdbc).deliveries(id, "true");
	}

	private static PoolId pool() {
		return PoolId.parse("rd" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
	}

}
