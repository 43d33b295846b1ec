package com.yieldpilot.market.internal.history;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.yieldpilot.market.BackfillStatus;
import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.defillama.DefiLlamaClient;
import com.yieldpilot.market.internal.defillama.DefiLlamaProperties;
import com.yieldpilot.market.internal.defillama.StandInServer;
import com.yieldpilot.market.internal.store.BackfillQueue;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.market.internal.db.Tables.MARKET_BACKFILL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill fetches each pool's {@code /chart/{pool}} from a stand-in that speaks
 * DefiLlama's wire format and stores it in the real database: recent points as raw
 * samples with rollups, points beyond the raw retention as rollups only, never as latest
 * values, never twice; failures are recorded and retried.
 */
class HistoryBackfillIT extends ApplicationIT {

	@Autowired
	BackfillQueue queue;

	@Autowired
	HistoryWriter writer;

	@Autowired
	PoolRegistry registry;

	@Autowired
	MarketData market;

	@Autowired
	TransactionTemplate transactions;

	private final StandInServer defiLlama = new StandInServer();

	private final DefiLlamaClient client = new DefiLlamaClient(DefiLlamaProperties.defaults(this.defiLlama.baseUrl())
		.withRetry(new DefiLlamaProperties.RetrySettings(1, Duration.ofMillis(100), 2.0)), null);

	private final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	/**
	 * Parks the backfills of the pools other tests registered, so the runs here fetch
	 * this test's pools only.
	 */
	@BeforeEach
	void parkOtherBackfills() {
		this.transactions.executeWithoutResult(status -> {
			this.queue.enqueueNewPools(this.clock.instant());
			this.dsl.update(MARKET_BACKFILL)
				.set(MARKET_BACKFILL.NEXT_ATTEMPT_AT, OffsetDateTime.parse("2100-01-01T00:00:00Z"))
				.where(MARKET_BACKFILL.STATE.ne(BackfillStatus.State.DONE.name()))
				.execute();
		});
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.defiLlama.close();
	}

	@Test
	void storesTheChartAsImportedHistoryRolledUpAndNothingTwice() {
		Pool pool = register("a");
		Instant today = this.clock.instant().truncatedTo(ChronoUnit.DAYS);
		Instant twoYearsAgo = today.minus(Duration.ofDays(730));
		List<String> points = new ArrayList<>();
		for (int day = 0; day < 3; day++) {
			points.add(point(twoYearsAgo.plus(Duration.ofDays(day)).plusSeconds(300), 1_000_000 + day, 4.0 + day, 3.0,
					null));
		}
		for (int day = 3; day >= 1; day--) {
			points.add(point(today.minus(Duration.ofDays(day)).plusSeconds(300), 2_000_000, 5.0 + day, 4.0, 1.0));
		}
		points.add("{\"timestamp\":\"not a date\",\"tvlUsd\":1,\"apy\":1}");
		this.defiLlama.answer(this.defiLlama.json(chart(points)));
		HistoryBackfill backfill = backfill(1);

		assertThat(backfill.run()).isEqualTo(new HistoryBackfill.Run(0, 1, 0, false));

		BackfillStatus status = this.queue.find(pool.id()).orElseThrow();
		assertThat(status.state()).isEqualTo(BackfillStatus.State.DONE);
		assertThat(status.points()).isEqualTo(6);
		assertThat(status.pointsSkipped()).as("the point with a broken timestamp").isEqualTo(1);
		assertThat(status.samplesStored()).isEqualTo(3 * 3 + 3 * 4);
		assertThat(status.firstPointAt()).isEqualTo(twoYearsAgo.plusSeconds(300));
		assertThat(this.defiLlama.seen()).extracting(StandInServer.Seen::path)
			.containsExactly("/chart/" + pool.defiLlamaId());

		List<MetricSample> raw = this.market.history(pool.id(), Metric.APY, twoYearsAgo, today);
		assertThat(raw).as("only the recent points are raw samples")
			.extracting(MetricSample::value)
			.containsExactly(8.0, 7.0, 6.0);
		assertThat(raw).allSatisfy(sample -> assertThat(sample.source()).isEqualTo(Source.IMPORT));
		List<HistoryPoint> days = this.market.history(pool.id(), Metric.APY, Resolution.DAY, twoYearsAgo, today);
		assertThat(days).as("daily rollups cover the whole chart")
			.extracting(HistoryPoint::value)
			.containsExactly(4.0, 5.0, 6.0, 8.0, 7.0, 6.0);
		assertThat(days.get(0).at()).isEqualTo(twoYearsAgo);
		assertThat(this.market.history(pool.id(), Metric.TVL, Resolution.HOUR, today.minus(Duration.ofDays(1)), today))
			.singleElement()
			.satisfies(hour -> assertThat(hour.value()).isEqualTo(2_000_000));
		assertThat(this.market.pool(pool.id()).orElseThrow().values()).as("history never becomes a latest value")
			.isEmpty();

		request(pool);
		assertThat(backfill.run().succeeded()).isEqualTo(1);
		assertThat(this.queue.find(pool.id()).orElseThrow().samplesStored()).as("a second backfill stores nothing")
			.isZero();
		assertThat(this.market.history(pool.id(), Metric.APY, twoYearsAgo, today)).hasSize(3);
		assertThat(this.market.history(pool.id(), Metric.APY, Resolution.DAY, twoYearsAgo, today)).isEqualTo(days);
	}

	@Test
	void failureIsRecordedAndRetriedAfterTheDelay() {
		Pool pool = register("a");
		Instant yesterday = this.clock.instant().minus(Duration.ofDays(1));
		this.defiLlama.answer(this.defiLlama.status(503),
				this.defiLlama.json(chart(List.of(point(yesterday, 5_000_000, 3.5, 3.5, null)))));
		HistoryBackfill backfill = backfill(1);

		HistoryBackfill.Run failed = backfill.run();
		assertThat(failed.failed()).isEqualTo(1);
		assertThat(failed.sourceFailed()).as("DefiLlama itself failed").isTrue();
		BackfillStatus status = this.queue.find(pool.id()).orElseThrow();
		assertThat(status.state()).isEqualTo(BackfillStatus.State.FAILED);
		assertThat(status.attempts()).isEqualTo(1);
		assertThat(status.lastError()).contains("HTTP 503");
		assertThat(status.nextAttemptAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(10)));

		assertThat(backfill.run().failed()).as("not due yet: nothing is fetched").isZero();
		assertThat(this.defiLlama.hits()).isEqualTo(1);

		this.clock.advance(Duration.ofMinutes(10));
		assertThat(backfill.run().succeeded()).isEqualTo(1);
		assertThat(this.queue.find(pool.id()).orElseThrow().state()).isEqualTo(BackfillStatus.State.DONE);
		assertThat(this.market.history(pool.id(), Metric.TVL, yesterday, this.clock.instant()))
			.extracting(MetricSample::value)
			.containsExactly(5_000_000.0);
	}

	@Test
	void aPoolsOwnFailureLeavesTheOthersToRunButDefiLlamaFailingStopsTheRun() {
		Pool unknown = register("a");
		Pool second = register("b");
		Pool third = register("c");
		String body = chart(List.of(point(this.clock.instant().minus(Duration.ofDays(2)), 1_000, 2.0, 2.0, null)));
		this.defiLlama.answer(exchange -> (exchange.getRequestURI().getPath().endsWith(unknown.defiLlamaId())
				? this.defiLlama.status(404) : this.defiLlama.json(body))
			.respond(exchange));

		HistoryBackfill.Run run = backfill(3).run();

		assertThat(run.succeeded()).isEqualTo(2);
		assertThat(run.failed()).isEqualTo(1);
		assertThat(run.sourceFailed()).isFalse();
		assertThat(this.queue.find(unknown.id()).orElseThrow().lastError()).contains("HTTP 404");
		assertThat(this.queue.find(second.id()).orElseThrow().state()).isEqualTo(BackfillStatus.State.DONE);
		assertThat(this.queue.find(third.id()).orElseThrow().state()).isEqualTo(BackfillStatus.State.DONE);

		Pool down = register("d");
		Pool waiting = register("e");
		this.defiLlama.answer(this.defiLlama.status(429));
		HistoryBackfill.Run stopped = backfill(2).run();

		assertThat(stopped.sourceFailed()).isTrue();
		assertThat(this.queue.find(down.id()).orElseThrow().state()).isEqualTo(BackfillStatus.State.FAILED);
		assertThat(this.queue.find(waiting.id()).orElseThrow().state()).as("not asked for: DefiLlama was failing")
			.isEqualTo(BackfillStatus.State.PENDING);
		assertThat(this.defiLlama.seen()).extracting(StandInServer.Seen::path)
			.doesNotContain("/chart/" + waiting.defiLlamaId());
	}

	private record Pool(PoolId id, String defiLlamaId) {
	}

	/**
	 * A watched pool with a DefiLlama id, queued as an admin would: ahead of the pools
	 * other tests registered, which the run's limit then leaves alone.
	 */
	private Pool register(String name) {
		PoolId id = PoolId.parse("backfill-" + this.tag + ":base:" + name.toUpperCase(Locale.ROOT));
		String defiLlamaId = UUID.randomUUID().toString();
		this.transactions.executeWithoutResult(status -> this.registry
			.register(new PoolDescriptor(id, defiLlamaId, null, true, PoolDescriptor.Origin.WATCHED)));
		Pool pool = new Pool(id, defiLlamaId);
		request(pool);
		return pool;
	}

	private void request(Pool pool) {
		this.transactions.executeWithoutResult(status -> this.queue.request(pool.id(), this.clock.instant()));
	}

	private HistoryBackfill backfill(int perRun) {
		return new HistoryBackfill(
				this.queue, this.writer, this.client::fetchChart, new BackfillProperties(true, Duration.ofSeconds(30),
						perRun, Duration.ofMinutes(10), Duration.ofDays(1)),
				this.clock, this.transactions, new SimpleMeterRegistry());
	}

	private static String point(Instant at, double tvl, double apy, double apyBase, Double apyReward) {
		return String.format(Locale.ROOT,
				"{\"timestamp\":\"%s\",\"tvlUsd\":%s,\"apy\":%s,\"apyBase\":%s,\"apyReward\":%s,\"il7d\":null,\"apyBase7d\":null}",
				at, tvl, apy, apyBase, apyReward);
	}

	private static String chart(List<String> points) {
		return "{\"status\":\"success\",\"data\":[" + String.join(",", points) + "]}";
	}

}
