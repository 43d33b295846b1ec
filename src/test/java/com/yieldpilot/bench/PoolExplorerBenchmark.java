package com.yieldpilot.bench;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.PoolFilter;
import com.yieldpilot.market.PoolSort;
import com.yieldpilot.market.internal.store.JooqStores;
import com.yieldpilot.market.internal.store.PoolQuery;
import org.jooq.DSLContext;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The pools explorer's query: one page of 50 pools and the total, as the grid and the
 * REST API ask for them, over a DefiLlama-sized registry.
 * <p>
 * The registry holds {@value #POOLS} pools on 12 chains, 400 protocols and 2,000 assets
 * (a tenth of the pools hold USDC). Each pool has APY, base and reward APY and TVL from
 * DefiLlama, every tenth also a base APY, share price and price read on chain, and every
 * other one a risk score: 96,000 latest values.
 * <ul>
 * <li>{@link #firstPage}: no filter, by id (the explorer opening);</li>
 * <li>{@link #allByApy}: no filter, highest APY first (a click on the APY header);</li>
 * <li>{@link #chainAndAsset}: {@code chain=base&asset=usdc}, by id;</li>
 * <li>{@link #apyRangeByApy}: {@code minApy=5&maxApy=15}, highest APY first;</li>
 * <li>{@link #everyFilterByTvl}: chain, minimum APY and TVL, maximum risk and a search
 * text, largest TVL first.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class PoolExplorerBenchmark {

	static final int POOLS = 20_000;

	private static final int PAGE = 50;

	/**
	 * Pools, then their latest values: ids follow the pool id grammar; values wander so
	 * the filters cut at different places.
	 */
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

	private static final String LOAD_LATEST = """
			insert into metric_latest (subject, metric, source, observed_at, value)
			select p.id, m.metric, m.source, now() - (random() * interval '10 minutes'),
			       case m.metric when 'TVL' then exp(random() * 20) when 'RISK' then random()
			                     when 'SHARE_PRICE' then 1 + random() / 10 when 'PRICE' then 1
			                     else random() * 30 end
			from (select id, row_number() over (order by id) as n from market_pool) p
			cross join (values ('APY', 'DEFILLAMA', 1), ('APY_BASE', 'DEFILLAMA', 1), ('APY_REWARD', 'DEFILLAMA', 1),
			                   ('TVL', 'DEFILLAMA', 1), ('APY_BASE', 'CHAIN', 10), ('SHARE_PRICE', 'CHAIN', 10),
			                   ('PRICE', 'CHAIN', 10), ('RISK', 'RISK_MODEL', 2)) as m(metric, source, every)
			where p.n % m.every = 0
			""";

	/**
	 * "V13" runs on the migrated schema; "without-V13" drops the indexes V13 adds for the
	 * explorer, to show what they are worth.
	 */
	@Param({ "V13", "without-V13" })
	public String indexes;

	private BenchDatabase database;

	private PoolQuery query;

	@Setup(Level.Trial)
	public void load() {
		this.database = BenchDatabase.start(false);
		DSLContext dsl = this.database.dsl();
		long started = System.nanoTime();
		int pools = dsl.execute(LOAD_POOLS, POOLS);
		int values = dsl.execute(LOAD_LATEST);
		if ("without-V13".equals(this.indexes)) {
			dsl.execute("drop index market_pool_chain_ix, market_pool_protocol_ix, market_pool_asset_ix");
		}
		dsl.execute("vacuum analyze market_pool");
		dsl.execute("vacuum analyze metric_latest");
		System.out.printf(Locale.ROOT, "%nloaded %,d pools and %,d latest values in %.1f s%n", pools, values,
				(System.nanoTime() - started) / 1e9);
		this.query = JooqStores.poolQuery(dsl);
		requireSome(this.query.find(chainAndAssetFilter(), PoolSort.BY_ID, 0, PAGE));
		requireSome(this.query.find(apyRangeFilter(), new PoolSort(PoolSort.Key.APY, true), 0, PAGE));
		requireSome(this.query.find(everyFilter(), new PoolSort(PoolSort.Key.TVL, true), 0, PAGE));
	}

	@TearDown(Level.Trial)
	public void stop() throws IOException {
		this.database.close();
	}

	@Benchmark
	public void firstPage(Blackhole hole) {
		page(PoolFilter.any(), PoolSort.BY_ID, hole);
	}

	@Benchmark
	public void allByApy(Blackhole hole) {
		page(PoolFilter.any(), new PoolSort(PoolSort.Key.APY, true), hole);
	}

	@Benchmark
	public void chainAndAsset(Blackhole hole) {
		page(chainAndAssetFilter(), PoolSort.BY_ID, hole);
	}

	@Benchmark
	public void apyRangeByApy(Blackhole hole) {
		page(apyRangeFilter(), new PoolSort(PoolSort.Key.APY, true), hole);
	}

	@Benchmark
	public void everyFilterByTvl(Blackhole hole) {
		page(everyFilter(), new PoolSort(PoolSort.Key.TVL, true), hole);
	}

	private void page(PoolFilter filter, PoolSort sort, Blackhole hole) {
		hole.consume(this.query.find(filter, sort, 0, PAGE));
		hole.consume(this.query.count(filter));
	}

	private static PoolFilter chainAndAssetFilter() {
		return new PoolFilter("base", null, "usdc", null, null, null, null, null);
	}

	private static PoolFilter apyRangeFilter() {
		return new PoolFilter(null, null, null, 5.0, 15.0, null, null, null);
	}

	private static PoolFilter everyFilter() {
		return new PoolFilter("ethereum", null, null, 2.0, null, 1_000_000.0, 0.5, "proto-1");
	}

	private static void requireSome(List<PoolDescriptor> pools) {
		if (pools.isEmpty()) {
			throw new IllegalStateException("the data set should match every benchmark's filter");
		}
	}

}
