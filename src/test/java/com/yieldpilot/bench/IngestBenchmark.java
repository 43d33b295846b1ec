package com.yieldpilot.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.internal.db.Tables;
import com.yieldpilot.market.internal.defillama.DefiLlamaClient;
import com.yieldpilot.market.internal.defillama.DefiLlamaPool;
import com.yieldpilot.market.internal.defillama.DefiLlamaProperties;
import com.yieldpilot.market.internal.defillama.DefiLlamaSource;
import com.yieldpilot.market.internal.defillama.PoolsParser;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.market.internal.store.JooqStores;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.market.internal.store.SampleStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target: ingest at least 10,000 metric updates per second end to end (parsed, stored and
 * published) on a 2-core machine. Scores are samples per second
 * ({@link OperationsPerInvocation} is the batch size).
 * <p>
 * {@code endToEnd*}: a DefiLlama-shaped body of N pools with four metrics each is parsed
 * by {@link PoolsParser}, mapped by {@link DefiLlamaSource#toBatch} (which reads the
 * registry's DefiLlama ids) and ingested by {@link MarketIngestion#ingest} in one
 * transaction: partitions checked, samples inserted, latest values upserted,
 * {@link MarketUpdated} published. {@code store*}: only {@link SampleStore#append} of the
 * same samples in one transaction. Every invocation observes a new instant, so every
 * insert is new and every latest value is replaced, as in steady polling. The pools are
 * registered in the setup: this is a steady-state poll, not the first one.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(3)
public class IngestBenchmark {

	/** The database and the market module's real write path. */
	@State(Scope.Benchmark)
	public static class Market {

		BenchDatabase database;

		SampleStore store;

		MarketIngestion ingestion;

		DefiLlamaSource source;

		final PoolsParser parser = new PoolsParser();

		private DefiLlamaClient unusedClient;

		private Instant clock;

		long published;

		@Setup(Level.Trial)
		public void start() {
			this.database = BenchDatabase.start(true);
			this.store = JooqStores.sampleStore(this.database.dsl());
			PoolRegistry registry = JooqStores.poolRegistry(this.database.dsl(), Clock.systemUTC());
			this.ingestion = new MarketIngestion(registry, this.store, (event) -> {
				if (event instanceof MarketUpdated) {
					this.published++;
				}
			});
			// the source needs a client; the benchmark feeds toBatch directly and never
			// calls it
			this.unusedClient = new DefiLlamaClient(DefiLlamaProperties.defaults(URI.create("http://127.0.0.1:9")),
					null);
			this.source = new DefiLlamaSource(this.unusedClient, registry, Duration.ofMinutes(10));
			this.clock = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		}

		/**
		 * A new instant on every call, so no sample of one batch repeats an earlier one.
		 */
		Instant next() {
			this.clock = this.clock.plusMillis(1);
			return this.clock;
		}

		@TearDown(Level.Trial)
		public void stop() throws IOException {
			int rows = this.database.dsl().fetchCount(Tables.METRIC_SAMPLE);
			System.out.printf("%nmetric_sample rows: %d, MarketUpdated events: %d%n", rows, this.published);
			this.unusedClient.close();
			this.database.close();
		}

		MarketBatch parseAndMap(byte[] body) {
			List<DefiLlamaPool> pools = new ArrayList<>();
			this.parser.parse(new ByteArrayInputStream(body), pools::add);
			return this.source.toBatch(pools, next());
		}

		int ingest(MarketBatch batch) {
			MarketUpdated updated = this.database.transactions().execute((tx) -> this.ingestion.ingest(batch));
			return updated.samples();
		}

		int append(List<MetricSample> samples) {
			Integer stored = this.database.transactions().execute((tx) -> this.store.append(samples));
			return stored;
		}

	}

	/** A body of {@code pools} pools, already seen once so its pools are registered. */
	public abstract static class Feed {

		private final int pools;

		byte[] body = new byte[0];

		List<MetricSample> samples = List.of();

		Feed(int pools) {
			this.pools = pools;
		}

		@Setup(Level.Trial)
		public void prepare(Market market) {
			this.body = PoolsBodies.body(this.pools, this.pools);
			long started = System.nanoTime();
			MarketBatch first = market.parseAndMap(this.body);
			int stored = market.ingest(first);
			// not measured: the first poll also registers every pool, one INSERT each
			System.out.printf(Locale.ROOT, "%nfirst poll, registering %d pools: %.0f ms%n", first.pools().size(),
					(System.nanoTime() - started) / 1e6);
			MarketBatch steady = market.parseAndMap(this.body);
			if (stored != this.pools * 4 || !steady.pools().isEmpty() || steady.samples().size() != stored) {
				throw new IllegalStateException("expected " + this.pools * 4 + " samples of registered pools, got "
						+ stored + " and " + steady.pools().size() + " new pools");
			}
			this.samples = steady.samples();
		}

		/** The same samples observed at a new instant. */
		List<MetricSample> restamped(Instant at) {
			List<MetricSample> fresh = new ArrayList<>(this.samples.size());
			for (MetricSample s : this.samples) {
				fresh.add(new MetricSample(s.subject(), s.metric(), at, s.value(), s.source(), s.blockNumber()));
			}
			return fresh;
		}

	}

	/** 250 pools, 1,000 samples. */
	@State(Scope.Thread)
	public static class Feed1k extends Feed {

		public Feed1k() {
			super(250);
		}

	}

	/** 2,500 pools, 10,000 samples. */
	@State(Scope.Thread)
	public static class Feed10k extends Feed {

		public Feed10k() {
			super(2_500);
		}

	}

	@Benchmark
	@OperationsPerInvocation(1_000)
	public int endToEnd1k(Market market, Feed1k feed) {
		return market.ingest(market.parseAndMap(feed.body));
	}

	@Benchmark
	@OperationsPerInvocation(10_000)
	public int endToEnd10k(Market market, Feed10k feed) {
		return market.ingest(market.parseAndMap(feed.body));
	}

	@Benchmark
	@OperationsPerInvocation(1_000)
	public int store1k(Market market, Feed1k feed) {
		return market.append(feed.restamped(market.next()));
	}

	@Benchmark
	@OperationsPerInvocation(10_000)
	public int store10k(Market market, Feed10k feed) {
		return market.append(feed.restamped(market.next()));
	}

}
