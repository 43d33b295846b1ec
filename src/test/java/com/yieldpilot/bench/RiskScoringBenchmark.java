package com.yieldpilot.bench;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.MarketBench;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskScored;
import com.yieldpilot.risk.internal.RiskBench;
import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.HistoryCsv;
import com.yieldpilot.risk.internal.model.Hyperparameters;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.risk.internal.model.RiskTrainer;
import com.yieldpilot.risk.internal.model.SyntheticHistory;
import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target: score 20,000 pools in under 1 s. The setup loads {@code pools} pools into a
 * durable embedded PostgreSQL (as local mode runs it) with {@code days} days of daily
 * rollups of TVL, APY, base and reward APY each (12 million rows at the defaults), and
 * promotes a model with the default hyperparameters (400 trees of depth 3, the logistic
 * floor, isotonic calibration) trained on seeded synthetic history.
 * <ul>
 * <li>{@link #update}: what a market update touching every pool costs, through the
 * application's classes: the 150-day history read, features, model, the scores and
 * feature rows upserted, the scores stored as {@code risk} samples, {@code RiskScored}
 * published; one transaction.</li>
 * <li>{@link #read}: its first step alone, the history read.</li>
 * <li>{@link #baselinePreviousPath}: the first {@code baselinePools} pools scored the way
 * they were before (one rollup query per pool and metric, features for every day of the
 * 150, every pool explained), without the store.</li>
 * <li>{@link #explainPage}: what a grid page of 50 model scores now costs when shown:
 * read the stored scores and explain them in one model pass (pages taken in turn, so each
 * is explained afresh).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 4)
@Fork(value = 1, jvmArgsAppend = { "--enable-native-access=ALL-UNNAMED", "-Xmx6g" })
public class RiskScoringBenchmark {

	private static final int PAGE = 50;

	private static final String LOAD_POOLS = """
			insert into market_pool (id, protocol, chain, asset, stablecoin, origin, created_at)
			select format('%s:%s:%s:p%s', protocol, chain, asset, n), protocol, chain, asset, asset like 'USD%', 'WATCHED',
			       now()
			from (select n,
			             'proto-' || (n % 400) as protocol,
			             (array['ethereum','base','arbitrum','optimism','polygon','bsc','avalanche','solana','linea',
			                    'scroll','blast','mode'])[1 + least(11, (n % 97) / 8)] as chain,
			             case when n % 10 = 0 then 'USDC' else 'TOK' || (n % 2000) end as asset
			      from generate_series(1, ?) as n) p
			""";

	/**
	 * Daily means up to today: APYs that wave around each pool's level with noise, half
	 * the pools paid partly in rewards, TVL that drifts, and every 50th pool draining in
	 * its last ten days.
	 */
	private static final String LOAD_ROLLUPS = """
			insert into metric_rollup (subject, metric, resolution, bucket, avg_value, min_value, max_value, last_value,
			                           samples)
			select id, metric, 'DAY', day, v, v, v, v, 24
			from (select p.id, p.n, d,
			             date_trunc('day', now() at time zone 'UTC') at time zone 'UTC' - (? - 1 - d) * interval '1 day'
			                 as day,
			             (2 + p.n % 13) * (1 + 0.25 * sin(d / (3.0 + p.n % 11)) + 0.2 * (random() - 0.5)) as apy,
			             exp(12 + p.n % 9) * (1 + 0.2 * sin(d / (5.0 + p.n % 7)) + 0.05 * random())
			                 * (case when p.n % 50 = 0 and d > ? - 10 then 0.5 else 1 end) as tvl
			      from (select id, row_number() over (order by id) as n from market_pool) p
			      cross join generate_series(0, ? - 1) as d) s
			cross join lateral (values ('APY', apy), ('APY_BASE', apy * 0.7), ('APY_REWARD', apy * 0.3),
			                           ('TVL', tvl)) as m(metric, v)
			where n % 2 = 0 or metric not in ('APY_BASE', 'APY_REWARD')
			""";

	@Param("20000")
	int pools;

	@Param("150")
	int days;

	/**
	 * Pools the baseline scores: the previous path takes about 25 ms per pool, so 20,000
	 * would outlast JMH's 10-minute timeout.
	 */
	@Param("2000")
	int baselinePools;

	private BenchDatabase database;

	private RiskBench risk;

	private MarketData market;

	private RiskModel model;

	private List<PoolId> ids;

	private long published;

	private int page;

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.database = BenchDatabase.start(true);
		DSLContext dsl = this.database.dsl();
		long started = System.nanoTime();
		dsl.execute("select setseed(0.42)");
		int registered = dsl.execute(LOAD_POOLS, this.pools);
		dsl.execute("alter table metric_rollup drop constraint metric_rollup_pkey");
		int rollups = dsl.execute(LOAD_ROLLUPS, this.days, this.days, this.days);
		dsl.execute("alter table metric_rollup add primary key (subject, metric, resolution, bucket)");
		dsl.execute("vacuum analyze metric_rollup");
		dsl.execute("vacuum analyze market_pool");
		System.out.printf(Locale.ROOT, "%nloaded %,d pools and %,d daily rollups in %.1f s%n", registered, rollups,
				(System.nanoTime() - started) / 1e9);
		this.ids = dsl.select(DSL.field("id", String.class))
			.from("market_pool")
			.orderBy(DSL.field("id"))
			.fetch(r -> PoolId.parse(r.value1()));
		Clock clock = Clock.systemUTC();
		this.market = MarketBench.marketData(dsl, clock);
		this.risk = new RiskBench(dsl, clock, (event) -> {
			if (event instanceof RiskScored) {
				this.published++;
			}
		});
		FeatureTable training = FeatureBuilder
			.build(HistoryCsv.read(new StringReader(SyntheticHistory.csv(60, 300, 1))), List.of());
		this.model = RiskTrainer.train(training, LocalDate.of(2024, 1, 1).plusDays(299).toEpochDay(),
				Hyperparameters.DEFAULTS);
		this.database.transactions().executeWithoutResult((tx) -> this.risk.register(this.model, training));
		// one update before measuring: every pool has a stored score for explainPage, and
		// a check that the model (not the heuristic) scores them
		int scored = update();
		List<RiskAssessment> sample = explainPage();
		if (scored != this.pools || sample.stream().anyMatch(a -> a.heuristic() || a.explanation().isEmpty())) {
			throw new IllegalStateException("expected " + this.pools + " model scores with explanations, got " + scored
					+ " and " + sample.get(0));
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		System.out.printf(Locale.ROOT, "%nRiskScored events: %,d%n", this.published);
		this.database.close();
	}

	@Benchmark
	public int update() {
		return this.database.transactions().execute((tx) -> this.risk.score(this.ids));
	}

	@Benchmark
	public List<PoolHistory> read() {
		Instant now = Instant.now();
		return this.database.transactions()
			.execute((tx) -> this.risk.read(this.ids, now.minus(Duration.ofDays(150)), now.plusSeconds(1)));
	}

	@Benchmark
	@Warmup(iterations = 0)
	@Measurement(iterations = 2)
	public List<RiskModel.Explained> baselinePreviousPath() {
		Instant now = Instant.now();
		List<PoolHistory> read = this.database.transactions()
			.execute((tx) -> readPerPool(this.ids.subList(0, Math.min(this.baselinePools, this.ids.size())), now));
		FeatureTable table = FeatureBuilder.build(read, List.of(), 1);
		float[] newest = newestRows(table);
		return this.model.explain(newest, newest.length / Feature.COUNT);
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public List<RiskAssessment> explainPage() {
		int from = (this.page * PAGE) % this.ids.size();
		this.page++;
		return this.risk.explainedPage(this.ids.subList(from, Math.min(this.ids.size(), from + PAGE)));
	}

	/** The history read as it was: one rollup query per pool and metric. */
	private List<PoolHistory> readPerPool(List<PoolId> pools, Instant now) {
		Metric[] metrics = { Metric.TVL, Metric.APY, Metric.APY_BASE, Metric.APY_REWARD };
		List<PoolHistory> read = new ArrayList<>(pools.size());
		for (PoolId pool : pools) {
			Map<Instant, double[]> days = new TreeMap<>();
			for (int m = 0; m < metrics.length; m++) {
				for (HistoryPoint point : this.market.history(pool, metrics[m], Resolution.DAY,
						now.minus(Duration.ofDays(150)), now.plusSeconds(1))) {
					days.computeIfAbsent(point.at(),
							k -> new double[] { Double.NaN, Double.NaN, Double.NaN, Double.NaN })[m] = point.value();
				}
			}
			PoolHistory.Builder builder = new PoolHistory.Builder(pool.toString());
			days.forEach((at, v) -> builder.add(at, at.toString(), v[0], v[1], v[2], v[3]));
			if (!builder.isEmpty()) {
				read.add(builder.build());
			}
		}
		return read;
	}

	/** Each pool's newest row, as scoring picks them. */
	private static float[] newestRows(FeatureTable table) {
		Map<String, Integer> newest = new HashMap<>();
		for (int r = 0; r < table.size(); r++) {
			newest.merge(table.history(r).pool(), r, (a, b) -> (table.day(b) > table.day(a)) ? b : a);
		}
		float[] rows = new float[newest.size() * Feature.COUNT];
		int i = 0;
		for (int r : newest.values()) {
			System.arraycopy(table.features(), r * Feature.COUNT, rows, i++ * Feature.COUNT, Feature.COUNT);
		}
		return rows;
	}

}
