package com.yieldpilot.risk.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.yieldpilot.market.HistoryImportReport;
import com.yieldpilot.market.MarketHistory;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.market.internal.maintenance.MarketMaintenance;
import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.SignedIn;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.risk.internal.db.Tables.RISK_SCORE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The histories scoring holds between market updates are what a fresh read of the daily
 * rollups returns, and the features built with the pools' kept own features those built
 * afresh from it, after every way a rollup changes: the hourly rollup, a history import,
 * a write this node does not hear of (another node's), a write whose transaction commits
 * after a later one, and the next day.
 */
class HistoryCacheIT extends ApplicationIT {

	private static final Duration WINDOW = RiskScoring.HISTORY;

	private static final int DAYS = 160;

	@Autowired
	HistoryCache cache;

	@Autowired
	PoolHistories histories;

	@Autowired
	FeatureCache features;

	@Autowired
	RiskScoring scoring;

	@Autowired
	MarketHistory marketHistory;

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	MarketMaintenance maintenance;

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ObjectProvider<SecurityContextHolderStrategy> securityContexts;

	private List<PoolId> pools;

	/**
	 * Fresh pools per test (the cache is the shared node's): two with history, one
	 * without.
	 */
	@BeforeEach
	void poolsWithHistory() {
		String run = Long.toString(System.nanoTime(), 36);
		this.pools = List.of(PoolId.parse("cache-risk:base:USDC:a" + run), PoolId.parse("cache-risk:base:USDC:b" + run),
				PoolId.parse("cache-risk:base:USDC:c" + run));
		for (PoolId pool : this.pools) {
			this.dsl.execute("""
					insert into market_pool (id, protocol, chain, asset, stablecoin, origin, created_at)
					values (?, 'cache-risk', 'base', 'USDC', true, 'WATCHED', now())""", pool.toString());
		}
		for (PoolId pool : this.pools.subList(0, 2)) {
			// 160 days up to today, every 9th day without rollups, base APY on even days
			this.dsl.execute("""
					insert into metric_rollup (subject, metric, resolution, bucket, avg_value, min_value, max_value,
					                           last_value, samples)
					select ?, m.metric, 'DAY', date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'
					                           - (? - 1 - d) * interval '1 day', v, v, v, v, 24
					from generate_series(0, ? - 1) as d
					cross join lateral (values ('APY', 4 * (1 + 0.3 * sin(d / 4.0))), ('TVL', 1e7 + d * 1000),
					                           ('APY_BASE', case when d % 2 = 0 then 3 end)) as m(metric, v)
					where d % 9 <> 4 and v is not null""", pool.toString(), DAYS, DAYS);
		}
	}

	@Test
	void servesWhatAFreshReadReturnsAfterRollupsImportsAndOtherNodesWrites() throws Exception {
		Instant now = Instant.now();
		List<PoolHistory> first = this.cache.read(this.pools, now, WINDOW);
		assertThat(first).as("the pool without rollups is left out").hasSize(2);
		assertSameAsFreshRead(now);
		long today = Math.floorDiv(now.getEpochSecond(), 86_400L);
		assertThat(first.get(0).firstDay()).as("150 days").isEqualTo(today - 149);

		// another node rewrites a closed day and gives the third pool its first days
		long closed = today - 100;
		otherNode((db) -> {
			db.execute(
					"update metric_rollup set avg_value = 42 where subject = ? and metric = 'APY' and bucket = ?::timestamptz",
					this.pools.get(0).toString(), day(closed));
			db.execute(
					"""
							insert into metric_rollup (subject, metric, resolution, bucket, avg_value, min_value, max_value,
							                           last_value, samples)
							select ?, 'APY', 'DAY', ?::timestamptz - d * interval '1 day', 5, 5, 5, 5, 1 from generate_series(0, 9) as d""",
					this.pools.get(2).toString(), day(today));
		});
		List<PoolHistory> afterOtherNode = assertSameAsFreshRead(now);
		assertThat(afterOtherNode).hasSize(3);
		assertThat(afterOtherNode.get(0).apy(closed)).isEqualTo(42);
		assertThat(afterOtherNode.get(2).firstDay()).isEqualTo(today - 9);

		// an admin imports a history file: it rewrites three days within the
		// raw retention
		StringBuilder csv = new StringBuilder("timestamp,tvlUsd,apy,apyBase,apyReward\n");
		for (long d = today - 30; d < today - 27; d++) {
			csv.append(Instant.ofEpochSecond(d * 86_400L).plus(12, ChronoUnit.HOURS))
				.append(",2500000,")
				.append(d - today + 40)
				.append(",1,\n");
		}
		HistoryImportReport report = new SignedIn(this.accounts, this.securityContexts)
			.as(credentials().adminUsername(), () -> this.marketHistory.importHistory(this.pools.get(1).toString(),
					"chart.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))));
		assertThat(report.imported()).as(report.toString()).isTrue();
		List<PoolHistory> afterImport = assertSameAsFreshRead(now);
		assertThat(afterImport.get(1).apy(today - 30)).isEqualTo(10);
		assertThat(afterImport.get(1).tvl(today - 28)).isEqualTo(2_500_000);

		// samples of today, then the hourly rollup recomputes today's bucket from them
		Instant observed = now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
		this.ingestion.ingest(new MarketBatch(Source.SIMULATOR, observed, List.of(), List
			.of(new MetricSample(this.pools.get(0).toString(), Metric.APY, observed, 9.5, Source.SIMULATOR, null))));
		this.maintenance.run();
		List<PoolHistory> afterRollup = assertSameAsFreshRead(now);
		assertThat(afterRollup.get(0).apy(today)).isEqualTo(9.5);

		// a day later the window starts a day later; a late call for the day before still
		// gets its own window
		assertSameAsFreshRead(now.plus(1, ChronoUnit.DAYS));
		assertSameAsFreshRead(now);
	}

	@Test
	void aRollupCommittedAfterALaterOneIsNotMissed() throws Exception {
		Instant now = Instant.now();
		long day = Math.floorDiv(now.getEpochSecond(), 86_400L) - 50;
		this.cache.read(this.pools, now, WINDOW);
		try (Connection slow = this.dataSource.getConnection()) {
			slow.setAutoCommit(false);
			DSL.using(slow, SQLDialect.POSTGRES)
				.execute(
						"update metric_rollup set avg_value = 77 where subject = ? and metric = 'APY' and bucket = ?::timestamptz",
						this.pools.get(0).toString(), day(day));
			assertThat(this.cache.read(this.pools, now, WINDOW).get(0).apy(day)).as("not committed yet")
				.isNotEqualTo(77);
			otherNode((db) -> db.execute(
					"update metric_rollup set avg_value = 88 where subject = ? and metric = 'APY' and bucket = ?::timestamptz",
					this.pools.get(1).toString(), day(day)));
			assertThat(this.cache.read(this.pools, now, WINDOW).get(1).apy(day)).as("the later write, committed")
				.isEqualTo(88);
			slow.commit();
		}
		assertThat(this.cache.read(this.pools, now, WINDOW).get(0).apy(day))
			.as("the earlier transaction committed after the cache had read past the later one")
			.isEqualTo(77);
		assertSameAsFreshRead(now);
	}

	@Test
	void scoringReadsAHistoryRewrittenElsewhere() throws Exception {
		PoolId pool = this.pools.get(0);
		StoredScore before = score(pool);
		long today = Math.floorDiv(Instant.now().getEpochSecond(), 86_400L);
		// the last week's TVL halves, written where this node does not hear of it
		otherNode((db) -> db.execute("""
				update metric_rollup set avg_value = avg_value / 2
				where subject = ? and metric = 'TVL' and bucket > ?::timestamptz""", pool.toString(), day(today - 7)));
		StoredScore after = score(pool);
		int tvlChange = Feature.TVL_CHANGE_7D.ordinal();
		assertThat(before.features()[tvlChange]).as("TVL grew").isPositive();
		assertThat(after.features()[tvlChange]).as("the halved TVL").isNegative();
		assertThat(this.dsl.select(RISK_SCORE.SCORE)
			.from(RISK_SCORE)
			.where(RISK_SCORE.POOL_ID.eq(pool))
			.fetchOne(0, Double.class)).isEqualTo(after.assessment().score());
	}

	private StoredScore score(PoolId pool) {
		return this.scoring.score(List.of(pool)).get(0);
	}

	/**
	 * Asserts the cache serves what a fresh read returns, and that the features scoring
	 * builds from it with the pools' kept own features are those built afresh from that
	 * read; returns the histories.
	 */
	private List<PoolHistory> assertSameAsFreshRead(Instant now) {
		List<PoolHistory> held = this.cache.read(this.pools, now, WINDOW);
		List<PoolHistory> fresh = this.transactions
			.execute((tx) -> this.histories.read(this.pools, now.minus(WINDOW), now.plusSeconds(1)));
		assertThat(render(held)).isEqualTo(render(fresh));
		long today = Math.floorDiv(now.getEpochSecond(), 86_400L);
		FeatureTable kept = this.features.build(held, List.of(), 1, today - 1);
		FeatureTable afresh = FeatureBuilder.build(fresh, List.of(), 1, today - 1);
		assertThat(render(kept)).isEqualTo(render(afresh)).isNotEmpty();
		return held;
	}

	private static List<String> render(FeatureTable table) {
		List<String> rows = new ArrayList<>();
		for (int r = 0; r < table.size(); r++) {
			rows.add(table.history(r).pool() + " " + table.day(r) + " " + Arrays.toString(table.row(r)));
		}
		return rows;
	}

	private static List<String> render(List<PoolHistory> histories) {
		List<String> lines = new ArrayList<>();
		for (PoolHistory h : histories) {
			lines.add(h.pool() + " " + h.firstDay() + ".." + h.lastDay());
			for (long d = h.firstDay(); d <= h.lastDay(); d++) {
				lines.add(String.format(Locale.ROOT, "%s %d %s %s %s %s %s", h.pool(), d, h.timestamp(d), h.tvl(d),
						h.apy(d), h.apyBase(d), h.apyReward(d)));
			}
		}
		return lines;
	}

	/** Writes over a connection of its own, committed, as another node would. */
	private void otherNode(Consumer<DSLContext> write) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			write.accept(DSL.using(connection, SQLDialect.POSTGRES));
		}
	}

	/** The day's bucket, as SQL text for a {@code timestamptz}. */
	private static String day(long epochDay) {
		return Instant.ofEpochSecond(epochDay * 86_400L).toString();
	}

}
