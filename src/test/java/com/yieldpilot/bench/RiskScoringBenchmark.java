package com.yieldpilot.bench;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskScored;
import com.yieldpilot.risk.internal.RiskBench;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.HistoryCsv;
import com.yieldpilot.risk.internal.model.Hyperparameters;
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
 * rollups of TVL, APY, base and reward APY each (9 million rows at the defaults), and
 * promotes a model with the default hyperparameters (400 trees of depth 3, the logistic
 * floor, isotonic calibration) trained on seeded synthetic history. It then runs one
 * update, which reads every pool's history into the node's cache (what the first update
 * after a start costs; printed).
 * <ul>
 * <li>{@link #update}: what a market update touching every pool costs, through the
 * application's classes: the daily rollups' change feed read (nothing changed), features,
 * model, the stored scores compared and only changed ones rewritten (here none), the
 * scores stored as {@code risk} samples, {@code RiskScored} published; one
 * transaction.</li>
 * <li>{@link #updateRewritingEveryRow}: the same update rewriting every score's row, as
 * before the sixth round of decision record 0011 (the same-run baseline).</li>
 * <li>{@link #updateAfterRollup}: the same, the first time after the hourly rollup
 * rewrote today's daily means of every pool (60,000 rollups through the feed), so every
 * score changes and every row is rewritten.</li>
 * <li>{@link #baselineWithoutCache}: the same update with the histories read from the
 * database as before the cache (one query per 1,000 pools, every pool's 150 days).</li>
 * <li>{@link #explainPage}: what a grid page of 50 model scores costs when shown: read
 * the stored scores and explain them in one model pass (pages taken in turn, so each is
 * explained afresh).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 6)
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

	/**
	 * What the hourly rollup does to today's daily means as the day's samples come in.
	 */
	private static final String ROLL_UP_TODAY = """
			update metric_rollup
			set avg_value = avg_value * (0.99 + 0.02 * random()), samples = samples + 1
			where resolution = 'DAY' and bucket = date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'
			""";

	@Param("20000")
	int pools;

	@Param("150")
	int days;

	private BenchDatabase database;

	private RiskBench risk;

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
		// loaded as rows written before V38 are: without change marks
		dsl.execute("alter table metric_rollup disable trigger metric_rollup_changed");
		dsl.execute("alter table metric_rollup drop constraint metric_rollup_pkey");
		int rollups = dsl.execute(LOAD_ROLLUPS, this.days, this.days, this.days);
		dsl.execute("alter table metric_rollup add primary key (subject, metric, resolution, bucket)");
		dsl.execute("alter table metric_rollup enable trigger metric_rollup_changed");
		dsl.execute("vacuum analyze metric_rollup");
		dsl.execute("vacuum analyze market_pool");
		System.out.printf(Locale.ROOT, "%nloaded %,d pools and %,d daily rollups in %.1f s%n", registered, rollups,
				(System.nanoTime() - started) / 1e9);
		this.ids = dsl.select(DSL.field("id", String.class))
			.from("market_pool")
			.orderBy(DSL.field("id"))
			.fetch(r -> PoolId.parse(r.value1()));
		Clock clock = Clock.systemUTC();
		this.risk = new RiskBench(dsl, this.database.transactions().getTransactionManager(), clock, (event) -> {
			if (event instanceof RiskScored) {
				this.published++;
			}
		});
		FeatureTable training = FeatureBuilder
			.build(HistoryCsv.read(new StringReader(SyntheticHistory.csv(60, 300, 1))), List.of());
		RiskModel model = RiskTrainer.train(training, LocalDate.of(2024, 1, 1).plusDays(299).toEpochDay(),
				Hyperparameters.DEFAULTS);
		this.database.transactions().executeWithoutResult((tx) -> this.risk.register(model, training));
		// the first update after a start reads every history into the cache; then a check
		// that the model (not the heuristic) scored every pool, and that the scores are
		// those of a fresh read
		started = System.nanoTime();
		int scored = update();
		System.out.printf(Locale.ROOT, "first update (reads every history into the cache): %.1f s%n",
				(System.nanoTime() - started) / 1e9);
		List<RiskAssessment> sample = explainPage();
		if (scored != this.pools || sample.stream().anyMatch(a -> a.heuristic() || a.explanation().isEmpty())) {
			throw new IllegalStateException("expected " + this.pools + " model scores with explanations, got " + scored
					+ " and " + sample.get(0));
		}
		this.risk.cacheServesWhatTheDatabaseHolds(this.ids);
		for (int i = 0; i < 3; i++) {
			System.out.println("stages of an update, one by one: " + this.risk.stages(this.ids));
			dsl.execute(ROLL_UP_TODAY);
			System.out.println("the same after the hourly rollup: " + this.risk.stages(this.ids));
		}
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.risk.cacheServesWhatTheDatabaseHolds(this.ids);
		System.out.printf(Locale.ROOT, "%nRiskScored events: %,d%n", this.published);
		this.database.close();
	}

	@Benchmark
	public int update() {
		return this.database.transactions().execute((tx) -> this.risk.score(this.ids));
	}

	@Benchmark
	public int updateAfterRollup(HourlyRollup rollup) {
		return update();
	}

	@Benchmark
	public int updateRewritingEveryRow() {
		return this.database.transactions().execute((tx) -> this.risk.scoreRewritingEveryRow(this.ids));
	}

	@Benchmark
	@Warmup(iterations = 1)
	@Measurement(iterations = 3)
	public int baselineWithoutCache() {
		return this.database.transactions().execute((tx) -> this.risk.scoreWithoutCache(this.ids));
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

	/** Before each invocation, today's daily means of every pool change. */
	@State(Scope.Benchmark)
	public static class HourlyRollup {

		@Setup(Level.Invocation)
		public void rollUpToday(RiskScoringBenchmark bench) {
			bench.database.dsl().execute(ROLL_UP_TODAY);
		}

	}

}
