package com.yieldpilot.market.internal.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.chain.contracts.MockAavePool;
import com.yieldpilot.chain.contracts.MockComet;
import com.yieldpilot.chain.contracts.MockERC4626;
import com.yieldpilot.chain.contracts.MockPriceFeed;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.chain.contracts.Multicall3;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.ReadKind;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.onchain.ChainReadException;
import com.yieldpilot.market.internal.onchain.Multicall3Locator;
import com.yieldpilot.market.internal.store.OnChainPool;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.Devnet;
import com.yieldpilot.support.MockMarket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A production chain source against mock protocol contracts on an anvil node that reports
 * Base's chain id: every read kind, the block every sample carries, stale prices, a
 * registry entry naming the wrong asset, realized APY over block time, and Multicall3
 * absent and then present at its canonical address.
 */
class ChainSourceIT {

	private static final long BASE = 8453;

	private static final BigInteger USDC = MockMarket.USDC;

	private static final PoolId VAULT = PoolId.parse("morpho:base:USDC:test");

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	private static final PoolId COMET = PoolId.parse("compound-v3:base:USDC");

	private static Devnet devnet;

	private static MockStablecoin usdc;

	private static MockERC4626 vault;

	private static MockPriceFeed feed;

	private static MockAavePool aave;

	private static MockComet comet;

	@BeforeAll
	static void deploy() throws Exception {
		devnet = Devnet.start(BASE);
		MockMarket deployed = MockMarket.deploy(devnet);
		usdc = deployed.usdc();
		vault = deployed.vault();
		feed = deployed.feed();
		aave = deployed.aave();
		comet = deployed.comet();
	}

	@AfterAll
	static void stop() {
		if (devnet != null) {
			devnet.close();
		}
	}

	@Test
	void readsEveryKindOfPoolAndTheGasAtOneBlock() throws Exception {
		try (CountingChainClients clients = clients(devnet)) {
			ChainSource source = source(clients, pools(), Duration.ofHours(1));
			Instant now = Instant.now();

			MarketBatch batch = source.poll(now).orElseThrow();

			assertThat(batch.source()).isEqualTo(Source.CHAIN);
			List<MetricSample> poolSamples = batch.samples()
				.stream()
				.filter(s -> !s.subject().startsWith("chain:"))
				.toList();
			assertThat(poolSamples).extracting(MetricSample::blockNumber)
				.containsOnly(poolSamples.get(0).blockNumber());
			assertThat(batch.samples()).allSatisfy(s -> {
				assertThat(s.source()).isEqualTo(Source.CHAIN);
				assertThat(s.observedAt()).isEqualTo(now);
				assertThat(s.blockNumber()).isNotNull();
			});
			vault.setDefaultBlockParameter(org.web3j.protocol.core.DefaultBlockParameter
				.valueOf(BigInteger.valueOf(poolSamples.get(0).blockNumber())));
			double sharePrice = new BigDecimal(vault.convertToAssets(BigInteger.TEN.pow(18)).send()).movePointLeft(18)
				.doubleValue();
			double totalAssets = new BigDecimal(vault.totalAssets().send()).movePointLeft(6).doubleValue();
			vault.setDefaultBlockParameter(org.web3j.protocol.core.DefaultBlockParameterName.LATEST);
			assertThat(value(batch, VAULT, Metric.SHARE_PRICE)).isCloseTo(sharePrice, within(1e-15));
			assertThat(value(batch, VAULT, Metric.TVL)).isCloseTo(totalAssets * 1.0001, within(1e-6));
			assertThat(value(batch, AAVE, Metric.APY_BASE)).isCloseTo(5.1271, within(1e-4));
			assertThat(value(batch, COMET, Metric.APY_BASE)).isCloseTo(5.1271, within(1e-4));
			assertThat(value(batch, COMET, Metric.UTILIZATION)).isEqualTo(0.9);
			assertThat(value(batch, COMET, Metric.TVL)).isCloseTo(2_000_000 * 1.0001, within(1e-6));
			for (PoolId pool : List.of(VAULT, AAVE, COMET)) {
				assertThat(value(batch, pool, Metric.PRICE)).as(pool.toString()).isEqualTo(1.0001);
			}
			assertThat(batch.samples()).filteredOn(s -> s.subject().equals("chain:base"))
				.extracting(MetricSample::metric)
				.containsExactlyInAnyOrder(Metric.GAS, Metric.GAS_PRIORITY);
			assertThat(source.name()).isEqualTo("chain-base");
			assertThat(source.circuitState()).isEqualTo("CLOSED");
		}
	}

	@Test
	void batchesThroughMulticall3OnceItIsDeployedAtItsCanonicalAddress() throws Exception {
		try (Devnet fresh = Devnet.start(BASE); CountingChainClients clients = clients(fresh)) {
			MockMarket market = MockMarket.deploy(fresh);
			List<OnChainPool> pools = pools(market);
			assertThat(Multicall3Locator.find(fresh.web3j())).isEmpty();

			ChainSource withoutMulticall = source(clients, pools, Duration.ofHours(1));
			withoutMulticall.poll(Instant.now());
			int before = clients.requests();
			MarketBatch oneByOne = withoutMulticall.poll(Instant.now()).orElseThrow();
			int oneByOneRequests = clients.requests() - before;

			String runtime = fresh.web3j()
				.ethGetCode(Multicall3.deploy(fresh.web3j(), fresh.deployer(), fresh.gas()).send().getContractAddress(),
						org.web3j.protocol.core.DefaultBlockParameterName.LATEST)
				.send()
				.getCode();
			new Request<>("anvil_setCode", List.of(Multicall3Locator.CANONICAL, runtime),
					new HttpService(fresh.rpcUrl()), VoidResponse.class)
				.send();
			ChainSource withMulticall = source(clients, pools, Duration.ofHours(1));
			withMulticall.poll(Instant.now());
			before = clients.requests();
			MarketBatch batched = withMulticall.poll(Instant.now()).orElseThrow();
			int batchedRequests = clients.requests() - before;

			assertThat(withoutMulticall.multicall3()).isEmpty();
			assertThat(withMulticall.multicall3()).hasValue(Multicall3Locator.CANONICAL);
			// block number, pools, Comet rates, block time, fee history; one by one, the
			// pools take six calls (vault 2, Aave 1, Comet 2, feed 1) and the Comet
			// rate one
			assertThat(batchedRequests).as("requests per batched poll").isEqualTo(5);
			assertThat(oneByOneRequests).as("requests per poll, one call per read").isEqualTo(10);
			for (PoolId pool : List.of(VAULT, AAVE, COMET)) {
				for (Metric metric : List.of(Metric.SHARE_PRICE, Metric.APY_BASE, Metric.PRICE, Metric.TVL)) {
					assertThat(find(batched, pool, metric)).as(pool + " " + metric)
						.isEqualTo(find(oneByOne, pool, metric));
				}
			}
		}
	}

	@Test
	void refusesAPriceOlderThanTheLimitAndKeepsTheRest() throws Exception {
		try (CountingChainClients clients = clients(devnet)) {
			Instant now = Instant.now();
			feed.setAnswerAt(BigInteger.valueOf(100_010_000),
					BigInteger.valueOf(now.minus(Duration.ofHours(2)).getEpochSecond()))
				.send();
			try {
				MarketBatch batch = source(clients, pools(), Duration.ofHours(1), Duration.ofHours(1)).poll(now)
					.orElseThrow();

				assertThat(batch.samples()).extracting(MetricSample::metric)
					.doesNotContain(Metric.PRICE, Metric.TVL)
					.contains(Metric.SHARE_PRICE, Metric.APY_BASE, Metric.UTILIZATION, Metric.GAS);
			}
			finally {
				feed.setAnswer(BigInteger.valueOf(100_010_000)).send();
			}
		}
	}

	@Test
	void doesNotReadAVaultWhoseAssetIsNotTheRegistrysAndReadsTheOthers() throws Exception {
		try (CountingChainClients clients = clients(devnet)) {
			List<OnChainPool> pools = new ArrayList<>(pools());
			pools.set(0, new OnChainPool(VAULT, ReadKind.ERC4626, vault.getContractAddress(), feed.getContractAddress(),
					6, feed.getContractAddress()));

			MarketBatch batch = source(clients, pools, Duration.ofHours(1)).poll(Instant.now()).orElseThrow();

			assertThat(batch.samples()).noneMatch(s -> s.subject().equals(VAULT.toString()));
			assertThat(find(batch, AAVE, Metric.APY_BASE)).isPresent();
		}
	}

	@Test
	void realizesTheVaultsApyOverBlockTime() throws Exception {
		try (CountingChainClients clients = clients(devnet)) {
			ChainSource source = source(clients, List.of(pools().get(0)), Duration.ofHours(1));
			MarketBatch first = source.poll(Instant.now()).orElseThrow();
			double before = value(first, VAULT, Metric.SHARE_PRICE);
			long t0 = timestamp();

			vault.accrue(USDC).send();
			new Request<>("evm_increaseTime", List.of(7200), new HttpService(devnet.rpcUrl()), VoidResponse.class)
				.send();
			new Request<>("evm_mine", List.of(), new HttpService(devnet.rpcUrl()), VoidResponse.class).send();
			MarketBatch second = source.poll(Instant.now()).orElseThrow();

			double after = value(second, VAULT, Metric.SHARE_PRICE);
			double seconds = timestamp() - t0;
			double expected = Math.expm1(Math.log(after / before) * 365 * 86_400 / seconds) * 100;
			assertThat(find(first, VAULT, Metric.APY_BASE)).as("no window yet").isEmpty();
			assertThat(after).isGreaterThan(before);
			assertThat(value(second, VAULT, Metric.APY_BASE)).isCloseTo(expected, within(expected * 0.01));
		}
	}

	@Test
	void aChainThatCannotBeReachedFailsItsPoll() {
		try (CountingChainClients clients = new CountingChainClients("base", BASE, "http://127.0.0.1:9")) {
			assertThatThrownBy(() -> source(clients, pools(), Duration.ofHours(1)).poll(Instant.now()))
				.isInstanceOf(ChainReadException.class);
		}
	}

	private static ChainSource source(CountingChainClients clients, List<OnChainPool> pools, Duration apyWindow) {
		return source(clients, pools, apyWindow, Duration.ofHours(25));
	}

	private static ChainSource source(CountingChainClients clients, List<OnChainPool> pools, Duration apyWindow,
			Duration maxPriceAge) {
		return new ChainSource("base", clients, () -> pools, maxPriceAge, apyWindow);
	}

	private static CountingChainClients clients(Devnet chain) {
		return new CountingChainClients("base", BASE, chain.rpcUrl());
	}

	private static List<OnChainPool> pools() {
		return pools(new MockMarket(usdc, vault, feed, aave, comet));
	}

	private static List<OnChainPool> pools(MockMarket market) {
		String token = market.usdc().getContractAddress();
		String price = market.feed().getContractAddress();
		return List.of(new OnChainPool(VAULT, ReadKind.ERC4626, market.vault().getContractAddress(), token, 6, price),
				new OnChainPool(AAVE, ReadKind.AAVE_V3, market.aave().getContractAddress(), token, 6, price),
				new OnChainPool(COMET, ReadKind.COMPOUND_V3, market.comet().getContractAddress(), token, 6, price));
	}

	private static long timestamp() throws Exception {
		return devnet.web3j()
			.ethGetBlockByNumber(org.web3j.protocol.core.DefaultBlockParameterName.LATEST, false)
			.send()
			.getBlock()
			.getTimestamp()
			.longValueExact();
	}

	private static double value(MarketBatch batch, PoolId pool, Metric metric) {
		return find(batch, pool, metric).orElseThrow(() -> new AssertionError("no " + metric + " for " + pool));
	}

	private static Optional<Double> find(MarketBatch batch, PoolId pool, Metric metric) {
		return batch.samples()
			.stream()
			.filter(s -> s.subject().equals(pool.toString()) && s.metric() == metric)
			.map(MetricSample::value)
			.findFirst();
	}

}
