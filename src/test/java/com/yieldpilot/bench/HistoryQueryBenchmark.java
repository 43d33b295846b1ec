package com.yieldpilot.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.store.JooqStores;
import com.yieldpilot.market.internal.store.SampleStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target: a 30-day hourly history query for one pool in under 20 ms.
 * <p>
 * The table holds {@value #POOLS} pools × 4 metrics × one year of hourly samples (3.5
 * million rows in 13 monthly partitions), written time-major as polling writes them: one
 * hour's rows of all pools together, so a pool's 720 rows of a month lie on 720 different
 * pages, not side by side. Each invocation asks for the next pool.
 * <ul>
 * <li>{@link #series30Days}: {@link SampleStore#series} for 30 days of APY, 720
 * rows;</li>
 * <li>{@link #jdbc30Days}: the same SQL through plain JDBC into the same records, the
 * baseline that shows what jOOQ and the mapping add to the database's own time;</li>
 * <li>{@link #series1Year}: a one-year chart, 8,760 rows, the largest history the API
 * serves for one metric, to show how the cost grows with the rows returned.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class HistoryQueryBenchmark {

	static final int POOLS = 100;

	private static final String[] METRICS = { Metric.APY.name(), Metric.APY_BASE.name(), Metric.APY_REWARD.name(),
			Metric.TVL.name() };

	/** Hour-major, like a year of hourly polls; values wander so no page compresses. */
	private static final String LOAD = """
			insert into metric_sample (subject, metric, observed_at, value, source)
			select s.subject, m.metric, t.at, 3 + 2 * sin(extract(epoch from t.at) / 86400.0 + s.n) + random(), ?
			from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') as t(at)
			cross join (select n, format('lend-%s:ethereum:USDC', n) as subject from generate_series(1, ?) as n) as s
			cross join unnest(?::varchar[]) as m(metric)
			order by t.at, s.n, m.metric
			""";

	private static final String SERIES = """
			select subject, metric, observed_at, value, source, block_number from metric_sample
			where subject = ? and metric = ? and observed_at >= ? and observed_at < ?
			order by observed_at
			""";

	private BenchDatabase database;

	private SampleStore store;

	private Instant end;

	private int next;

	@Setup(Level.Trial)
	public void load() {
		this.database = BenchDatabase.start(false);
		this.store = JooqStores.sampleStore(this.database.dsl());
		this.end = Instant.now().truncatedTo(ChronoUnit.HOURS);
		Instant first = this.end.minus(Duration.ofDays(365));
		long started = System.nanoTime();
		this.store.ensurePartitions(first, this.end);
		int rows = this.database.dsl()
			.execute(LOAD, Source.DEFILLAMA.name(), OffsetDateTime.ofInstant(first, ZoneOffset.UTC),
					OffsetDateTime.ofInstant(this.end.minus(Duration.ofHours(1)), ZoneOffset.UTC), POOLS, METRICS);
		this.database.dsl().execute("vacuum analyze metric_sample");
		System.out.printf(Locale.ROOT, "%nloaded %,d rows in %.1f s%n", rows, (System.nanoTime() - started) / 1e9);
		requireRows(series(this.store, 0, Duration.ofDays(30)), 720);
		requireRows(series(this.store, 0, Duration.ofDays(365)), 8_760);
		requireRows(jdbc(0, Duration.ofDays(30)), 720);
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.database.close();
	}

	@Benchmark
	public List<MetricSample> series30Days() {
		return series(this.store, nextPool(), Duration.ofDays(30));
	}

	@Benchmark
	public List<MetricSample> jdbc30Days() {
		return jdbc(nextPool(), Duration.ofDays(30));
	}

	@Benchmark
	public List<MetricSample> series1Year() {
		return series(this.store, nextPool(), Duration.ofDays(365));
	}

	private int nextPool() {
		this.next = (this.next + 1) % POOLS;
		return this.next;
	}

	private List<MetricSample> series(SampleStore samples, int pool, Duration span) {
		return samples.series(subject(pool), Metric.APY, this.end.minus(span), this.end);
	}

	private List<MetricSample> jdbc(int pool, Duration span) {
		try (Connection connection = this.database.dataSource().getConnection();
				PreparedStatement query = connection.prepareStatement(SERIES)) {
			query.setString(1, subject(pool));
			query.setString(2, Metric.APY.name());
			query.setObject(3, OffsetDateTime.ofInstant(this.end.minus(span), ZoneOffset.UTC));
			query.setObject(4, OffsetDateTime.ofInstant(this.end, ZoneOffset.UTC));
			List<MetricSample> samples = new ArrayList<>(800);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					long block = rows.getLong(6);
					samples.add(new MetricSample(rows.getString(1), Metric.valueOf(rows.getString(2)),
							rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getDouble(4),
							Source.valueOf(rows.getString(5)), rows.wasNull() ? null : block));
				}
			}
			return samples;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(int pool) {
		return "lend-" + (pool + 1) + ":ethereum:USDC";
	}

	private static void requireRows(List<MetricSample> samples, int expected) {
		if (samples.size() != expected) {
			throw new IllegalStateException("expected " + expected + " rows, got " + samples.size());
		}
	}

}
