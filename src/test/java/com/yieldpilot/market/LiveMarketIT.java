package com.yieldpilot.market;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.Samples;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The live market follows the database's change feed and keeps windows current: what the
 * rules engine reads on any node.
 */
class LiveMarketIT extends ApplicationIT {

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	LiveMarket live;

	@Autowired
	TransactionTemplate transactions;

	private final PoolId pool = PoolId.parse("live-" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");

	private final SeriesKey apy = new SeriesKey(this.pool.toString(), Metric.APY);

	@Test
	void followsNewValuesThroughTheChangeFeed() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ingest(Source.SIMULATOR, now.minusSeconds(30), 4.0);
		// the rules engine follows the same feed on every market update, so its sync may
		// be the one that reports the change: what counts is that the value arrives
		this.live.sync();
		assertThat(this.live.latest(this.apy)).hasValueSatisfying((v) -> {
			assertThat(v.value()).isEqualTo(4.0);
			assertThat(v.stale()).isFalse();
		});

		ingest(Source.SIMULATOR, now, 4.5);
		this.live.sync();
		assertThat(this.live.latest(this.apy)).map(LiveValue::value).contains(4.5);
		assertThat(this.live.sync()).doesNotContain(this.apy);
	}

	@Test
	void prefersAFreshSourceOverAStaleOneAndMarksAllStaleWhenNoneIsFresh() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		ingest(Source.DEFILLAMA, now.minus(Duration.ofHours(3)), 3.0);
		this.live.sync();
		assertThat(this.live.latest(this.apy)).hasValueSatisfying((v) -> assertThat(v.stale()).isTrue());

		ingest(Source.SIMULATOR, now.minus(Duration.ofMinutes(1)), 5.0);
		this.live.sync();
		assertThat(this.live.latest(this.apy)).hasValueSatisfying((v) -> {
			assertThat(v.value()).isEqualTo(5.0);
			assertThat(v.source()).isEqualTo(Source.SIMULATOR);
			assertThat(v.stale()).isFalse();
		});
	}

	@Test
	void aWindowLoadsStoredHistoryOnceAndThenFollowsNewSamples() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		for (int minutes = 50; minutes >= 10; minutes -= 10) {
			ingest(Source.SIMULATOR, now.minus(Duration.ofMinutes(minutes)), 100 - minutes); // 50..90
		}
		this.live.sync();
		assertThat(this.live.window(this.apy, WindowAggregate.AVG, Duration.ofHours(1))).map(LiveValue::value)
			.hasValueSatisfying((v) -> assertThat(v).isCloseTo(70, within(1e-9)));
		assertThat(this.live.window(this.apy, WindowAggregate.MIN, Duration.ofMinutes(35))).map(LiveValue::value)
			.contains(70.0);

		ingest(Source.SIMULATOR, now, 130);
		this.live.sync();
		assertThat(this.live.window(this.apy, WindowAggregate.AVG, Duration.ofHours(1))).map(LiveValue::value)
			.hasValueSatisfying((v) -> assertThat(v).isCloseTo(80, within(1e-9)));
		assertThat(this.live.window(this.apy, WindowAggregate.PCT_CHANGE, Duration.ofHours(1))).map(LiveValue::value)
			.hasValueSatisfying((v) -> assertThat(v).isCloseTo(160, within(1e-9)));

		this.live.retainWindows(Map.of());
		assertThat(this.live.window(this.apy, WindowAggregate.MAX, Duration.ofHours(1))).map(LiveValue::value)
			.contains(130.0);
	}

	/**
	 * Two ingests whose change numbers are taken in one order must not commit in the
	 * other: a reader between the commits would move past the first one's values and
	 * never read them (a rule would miss the move that makes it fire).
	 */
	@Test
	void anIngestThatTookItsNumberFirstIsNeverSkipped() throws Exception {
		PoolId other = PoolId.parse("live-" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
		SeriesKey otherApy = new SeriesKey(other.toString(), Metric.APY);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		this.live.sync();
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> first = threads.submit(() -> this.transactions.executeWithoutResult((status) -> {
				ingest(Source.SIMULATOR, now, 4.0);
				written.countDown();
				hold(commit);
			}));
			assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
			Future<?> second = threads
				.submit(() -> Samples.ingest(this.ingestion, other, Metric.APY, 7.0, Source.SIMULATOR, now));
			// the second either committed already or waits for its turn
			await().atMost(Duration.ofSeconds(30)).until(() -> second.isDone() || waitsForAnAdvisoryLock());
			this.live.sync();
			commit.countDown();
			first.get(30, TimeUnit.SECONDS);
			second.get(30, TimeUnit.SECONDS);
		}
		finally {
			commit.countDown();
			threads.shutdownNow();
		}
		this.live.sync();
		assertThat(this.live.latest(this.apy)).map(LiveValue::value).contains(4.0);
		assertThat(this.live.latest(otherApy)).map(LiveValue::value).contains(7.0);
	}

	private boolean waitsForAnAdvisoryLock() {
		return this.dsl
			.fetchExists(org.jooq.impl.DSL.selectOne().from("pg_locks").where("locktype = 'advisory' and not granted"));
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void ingest(Source source, Instant at, double apy) {
		Samples.ingest(this.ingestion, this.pool, Metric.APY, apy, source, at);
	}

}
