package com.yieldpilot.market.internal.devnet;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.DevnetSteward;
import com.yieldpilot.chain.contracts.MockERC4626;
import com.yieldpilot.chain.contracts.MockPriceFeed;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.onchain.RealizedApy;
import com.yieldpilot.market.internal.simulator.MarketEvent;
import com.yieldpilot.market.internal.simulator.MarketStep;
import com.yieldpilot.market.internal.simulator.PoolTick;
import com.yieldpilot.market.internal.simulator.SimulatedMarket;
import com.yieldpilot.market.internal.simulator.SimulationSettings;
import com.yieldpilot.market.internal.store.PoolContracts;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.Devnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The devnet market on a throw-away anvil: deployment and its reuse, the simulator
 * driving the contracts, and the chain source reading them back. Each test measures what
 * its own drive changed, so the tests do not depend on each other's order.
 */
class DevnetMarketIT {

	private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

	private static final PoolId AAVE_USDC = PoolId.parse("aave-v3:base:USDC");

	private static final PoolId AAVE_WETH = PoolId.parse("aave-v3:base:WETH");

	private static final Map<String, Double> PRICES = Map.of("USDC", 1.0, "WETH", 3000.0, "USDT", 1.0, "DAI", 1.0);

	private static Devnet devnet;

	private static DeployerTransactions transactions;

	private static InMemoryAddressBook book;

	private static SimulatedMarket market;

	private static DevnetPlan plan;

	private static DevnetContracts contracts;

	private static DevnetDriver driver;

	@BeforeAll
	static void deploy() {
		devnet = Devnet.start();
		transactions = new DeployerTransactions(devnet.web3j(), DevAccounts.deployer(), LocalChain.CHAIN_ID);
		market = new SimulatedMarket(11, SimulatedMarket.defaultPools(), T0, SimulationSettings.quiet());
		plan = DevnetPlan.of(market.pools());
		book = new InMemoryAddressBook();
		contracts = deployment(book)
			.ensure(DevnetUpdate.of(market.snapshot(), Duration.ZERO, plan.poolAssets()).prices());
		driver = new DevnetDriver(transactions);
	}

	@AfterAll
	static void stop() {
		if (devnet != null) {
			devnet.close();
		}
	}

	@Test
	void deploysATokenAFeedAndASeededVaultForEverySimulatedPool() throws Exception {
		assertThat(contracts.vaults().keySet())
			.containsExactlyElementsOf(market.pools().stream().map(p -> p.id()).toList());
		assertThat(contracts.assets().keySet()).containsExactly("USDC", "WETH", "USDT", "DAI");
		assertThat(book.attachedVaults).hasSize(12).containsEntry(AAVE_USDC, contracts.vaults().get(AAVE_USDC).vault());
		for (DevnetContracts.PoolVault vault : contracts.vaults().values()) {
			MockERC4626 erc4626 = vault(vault.pool());
			assertThat(erc4626.asset().send()).isEqualToIgnoringCase(contracts.asset(vault.asset()).token());
			assertThat(erc4626.totalSupply().send()).as("the seed deposit's shares, one per unit of the asset")
				.isEqualTo(contracts.asset(vault.asset()).asset().seed());
		}
		assertThat(token("USDC").decimals().send()).isEqualTo(BigInteger.valueOf(6));
		assertThat(token("WETH").decimals().send()).as("the WETH-like token, read through the same ERC-20 ABI")
			.isEqualTo(BigInteger.valueOf(18));
		assertThat(feed("WETH").decimals().send()).isEqualTo(BigInteger.valueOf(8));
		assertThat(feed("WETH").description().send()).isEqualTo("WETH / USD");
	}

	@Test
	void theStewardOwnsEveryTokenFeedAndVaultAndMintsForTheFaucet() throws Exception {
		String steward = contracts.steward();
		assertThat(steward().owner().send()).isEqualToIgnoringCase(DevAccounts.deployer().getAddress());
		assertThat(contracts.owned()).hasSize(4 + 4 + 12);
		for (String mock : contracts.owned()) {
			assertThat(transactions.owner(mock)).as(mock).isEqualToIgnoringCase(steward);
		}
		String someone = DevAccounts.demoFarmer().getAddress();
		BigInteger before = token("DAI").balanceOf(someone).send();

		transactions.send(steward, DevnetCalls.stewardMint(contracts.asset("DAI").token(), someone, BigInteger.TEN),
				transactions.gasPrice());

		assertThat(token("DAI").balanceOf(someone).send()).isEqualTo(before.add(BigInteger.TEN));
	}

	@Test
	void aStepIsOneTransactionInOneBlockHoweverManyVaultsAndFeedsItMoves() throws Exception {
		Duration step = Duration.ofHours(3);
		DevnetUpdate update = DevnetUpdate.of(market.advance(step), step, plan.poolAssets());
		BigInteger nonce = nonce();
		BigInteger block = devnet.web3j().ethBlockNumber().send().getBlockNumber();
		BigInteger steps = steward().steps().send();

		assertThat(driver.drive(contracts, update).isEmpty()).isTrue();

		assertThat(update.growth()).hasSize(12);
		assertThat(update.prices()).hasSize(4);
		assertThat(nonce()).isEqualTo(nonce.add(BigInteger.ONE));
		assertThat(devnet.web3j().ethBlockNumber().send().getBlockNumber()).isEqualTo(block.add(BigInteger.ONE));
		assertThat(steward().steps().send()).isEqualTo(steps.add(BigInteger.ONE));
	}

	@Test
	void aStepWhoseReceiptWasLostIsAppliedOnceWhenItIsMinedLate() throws Exception {
		DevnetDriver impatient = impatient();
		Duration hour = Duration.ofHours(1);
		MarketStep firstStep = market.advance(hour);
		DevnetUpdate first = DevnetUpdate.of(firstStep, hour, plan.poolAssets());
		MarketStep secondStep = market.advance(hour);
		DevnetUpdate second = DevnetUpdate.of(secondStep, hour, plan.poolAssets());
		Map<PoolId, BigDecimal> before = sharePrices();
		BigInteger steps = steward().steps().send();
		DevnetUpdate merged;
		rpc("evm_setAutomine", false);
		try {
			DevnetUpdate left = impatient.drive(contracts, first);
			assertThat(left).as("no receipt: not counted as applied").isEqualTo(first);
			assertThat(impatient.inDoubt()).isTrue();
			BigInteger pending = pendingNonce();

			merged = left.then(second);
			assertThat(impatient.drive(contracts, merged)).as("waits for the step in anvil's pool").isEqualTo(merged);
			assertThat(pendingNonce()).as("and sends nothing meanwhile").isEqualTo(pending);
			rpc("evm_mine");
		}
		finally {
			rpc("evm_setAutomine", true);
		}

		assertThat(impatient.drive(contracts, merged).isEmpty()).isTrue();

		assertThat(impatient.inDoubt()).isFalse();
		assertThat(steward().steps().send()).isEqualTo(steps.add(BigInteger.TWO));
		Map<PoolId, BigDecimal> after = sharePrices();
		for (PoolId pool : plan.poolAssets().keySet()) {
			assertThat(ratio(after, before, pool)).as(pool + ": both hours, each once")
				.isCloseTo(first.growth().get(pool) * second.growth().get(pool), within(1e-10));
		}
	}

	@Test
	void aStepPricedBelowABaseFeeThatRoseDoesNotStopTheDevnet() throws Exception {
		DevnetDriver impatient = impatient();
		DevnetUpdate first = nextHour();
		DevnetUpdate second = nextHour();
		Map<PoolId, BigDecimal> before = sharePrices();
		BigInteger steps = steward().steps().send();
		BigInteger mined = nonce();
		BigInteger baseFee = devnet.web3j()
			.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
			.send()
			.getBlock()
			.getBaseFeePerGas();
		DevnetUpdate merged;
		rpc("evm_setAutomine", false);
		try {
			DevnetUpdate left = impatient.drive(contracts, first);
			assertThat(impatient.inDoubt()).isTrue();
			// the base fee jumps far above the step's price: the block is mined without
			// it, and anvil lets it go
			rpc("anvil_setNextBlockBaseFeePerGas", "0x" + BigInteger.TEN.pow(12).toString(16));
			rpc("evm_mine");
			assertThat(nonce()).as("left out of the block").isEqualTo(mined);

			// the next drive finds it gone and sends both hours at the chain's price now,
			// at the same nonce
			merged = left.then(second);
			assertThat(impatient.drive(contracts, merged)).as("not applied yet").isEqualTo(merged);
			assertThat(pendingNonce()).isEqualTo(mined.add(BigInteger.ONE));
			rpc("evm_mine");
			assertThat(nonce()).as("mined at that price").isEqualTo(mined.add(BigInteger.ONE));
		}
		finally {
			rpc("evm_setAutomine", true);
			rpc("anvil_setNextBlockBaseFeePerGas", "0x" + baseFee.toString(16));
			rpc("evm_mine");
		}

		assertThat(impatient.drive(contracts, merged).isEmpty()).isTrue();

		assertThat(impatient.inDoubt()).isFalse();
		assertThat(steward().steps().send()).as("one step for both hours").isEqualTo(steps.add(BigInteger.ONE));
		Map<PoolId, BigDecimal> after = sharePrices();
		for (PoolId pool : plan.poolAssets().keySet()) {
			assertThat(ratio(after, before, pool)).as(pool + ": both hours, each once")
				.isCloseTo(first.growth().get(pool) * second.growth().get(pool), within(1e-10));
		}
	}

	@Test
	void aStepWhoseReceiptWasLostAndThatLeftTheChainIsSentAgain() throws Exception {
		DevnetDriver impatient = impatient();
		DevnetUpdate first = nextHour();
		Map<PoolId, BigDecimal> before = sharePrices();
		BigInteger steps = steward().steps().send();
		DevnetUpdate left;
		rpc("evm_setAutomine", false);
		try {
			left = impatient.drive(contracts, first);
			assertThat(impatient.inDoubt()).isTrue();
			rpc("anvil_dropAllTransactions");
		}
		finally {
			rpc("evm_setAutomine", true);
		}

		assertThat(impatient.drive(contracts, left).isEmpty()).isTrue();

		assertThat(steward().steps().send()).isEqualTo(steps.add(BigInteger.ONE));
		Map<PoolId, BigDecimal> after = sharePrices();
		for (PoolId pool : plan.poolAssets().keySet()) {
			assertThat(ratio(after, before, pool)).as(pool.toString())
				.isCloseTo(first.growth().get(pool), within(1e-10));
		}
	}

	@Test
	void aSetRecordedBeforeTheStewardKeepsItsContractsAndHandsThemToANewSteward() throws Exception {
		DevnetDeployer deployer = new DevnetDeployer(devnet.web3j(), transactions);
		DevnetContracts old = deployer.deployMocks(plan, PRICES);
		InMemoryAddressBook legacy = new InMemoryAddressBook();
		legacy.recorded.put(LocalChain.CHAIN_ID, old.mocks());

		DevnetContracts adopted = deployment(legacy).ensure(Map.of());

		assertThat(adopted.mocks()).as("the same mocks, so vaults keep their positions").isEqualTo(old.mocks());
		assertThat(adopted.steward()).isNotEqualToIgnoringCase(DevAccounts.deployer().getAddress());
		assertThat(transactions.hasCode(adopted.steward())).isTrue();
		assertThat(legacy.recorded.get(LocalChain.CHAIN_ID)).isEqualTo(adopted.addresses());
		PoolId pool = AAVE_USDC;
		MockERC4626 vault = MockERC4626.load(adopted.vaults().get(pool).vault(), devnet.web3j(), reader(),
				new DefaultGasProvider());
		assertThat(vault.owner().send()).isEqualToIgnoringCase(adopted.steward());
		BigInteger assets = vault.totalAssets().send();

		DevnetUpdate doubled = new DevnetUpdate(Map.of(pool, 2.0), Map.of());
		assertThat(new DevnetDriver(transactions).drive(adopted, doubled).isEmpty()).isTrue();

		assertThat(vault.totalAssets().send()).isEqualTo(assets.multiply(BigInteger.TWO));
		assertThat(deployment(legacy).ensure(Map.of())).as("recorded with its steward now").isEqualTo(adopted);
	}

	@Test
	void reusesTheRecordedContractsWhileTheChainStillHasThem() throws Exception {
		BigInteger nonce = nonce();

		DevnetContracts again = deployment(book).ensure(Map.of());

		assertThat(again).isEqualTo(contracts);
		assertThat(nonce()).as("no transaction sent").isEqualTo(nonce);
		assertThat(book.deployments).isEqualTo(1);
	}

	@Test
	void redeploysWhenTheRecordedAddressesHaveNoCodeOnTheChain() throws Exception {
		InMemoryAddressBook stale = new InMemoryAddressBook();
		Map<String, String> elsewhere = new HashMap<>();
		contracts.addresses().keySet().forEach(name -> elsewhere.put(name, address(name)));
		stale.recorded.put(LocalChain.CHAIN_ID, elsewhere);

		DevnetContracts fresh = deployment(stale).ensure(Map.of("USDC", 1.0, "WETH", 3000.0, "USDT", 1.0, "DAI", 1.0));

		assertThat(fresh.addresses().values()).doesNotContainAnyElementsOf(elsewhere.values())
			.doesNotContainAnyElementsOf(contracts.addresses().values());
		assertThat(stale.recorded.get(LocalChain.CHAIN_ID)).isEqualTo(fresh.addresses());
		assertThat(stale.attachedVaults).containsEntry(AAVE_USDC, fresh.vaults().get(AAVE_USDC).vault());
		assertThat(transactions.hasCode(fresh.vaults().get(AAVE_USDC).vault())).isTrue();
		assertThat(stale.deployments).isEqualTo(1);
	}

	@Test
	void sharePricesGrowWithTheSimulatedBaseApyStepAfterStep() throws Exception {
		Duration step = Duration.ofHours(6);
		for (int i = 0; i < 4; i++) {
			Map<PoolId, BigDecimal> before = sharePrices();
			MarketStep moved = market.advance(step);

			assertThat(driver.drive(contracts, DevnetUpdate.of(moved, step, plan.poolAssets())).isEmpty()).isTrue();

			Map<PoolId, BigDecimal> after = sharePrices();
			for (PoolTick tick : moved.pools()) {
				double expected = Math.pow(1 + tick.apyBase() / 100, step.toSeconds() / (365 * 86_400.0));
				assertThat(after.get(tick.pool())).as(tick.pool() + " step " + i)
					.isGreaterThan(before.get(tick.pool()));
				assertThat(ratio(after, before, tick.pool())).as(tick.pool() + " step " + i)
					.isCloseTo(expected, within(1e-11));
			}
		}
	}

	@Test
	void anExploitMakesTheSharePriceFallByItsFraction() throws Exception {
		Duration hour = Duration.ofHours(1);
		MarketStep moved = market.advance(hour);
		MarketStep exploited = new MarketStep(moved.at(), moved.pools(), moved.chains(),
				List.of(new MarketEvent.Exploited(moved.at(), AAVE_WETH, 0.9)));
		Map<PoolId, BigDecimal> before = sharePrices();

		assertThat(driver.drive(contracts, DevnetUpdate.of(exploited, hour, plan.poolAssets())).isEmpty()).isTrue();

		Map<PoolId, BigDecimal> after = sharePrices();
		PoolTick weth = tick(moved, AAVE_WETH);
		double growth = Math.pow(1 + weth.apyBase() / 100, 1 / (365 * 24.0));
		assertThat(after.get(AAVE_WETH)).isLessThan(before.get(AAVE_WETH));
		assertThat(ratio(after, before, AAVE_WETH)).isCloseTo(growth * 0.1, within(1e-11));
		assertThat(after.get(AAVE_USDC)).as("other pools are not hit").isGreaterThan(before.get(AAVE_USDC));
	}

	@Test
	void priceFeedsTakeTheSimulatedPrices() throws Exception {
		Duration day = Duration.ofDays(1);
		MarketStep moved = market.advance(day);

		driver.drive(contracts, DevnetUpdate.of(moved, day, plan.poolAssets()));

		for (String asset : List.of("USDC", "WETH", "USDT", "DAI")) {
			double simulated = moved.pools()
				.stream()
				.filter(t -> asset.equals(plan.poolAssets().get(t.pool())))
				.findFirst()
				.orElseThrow()
				.assetPriceUsd();
			double onChain = new BigDecimal(feed(asset).latestAnswer().send()).movePointLeft(8).doubleValue();
			assertThat(onChain).as(asset).isCloseTo(simulated, within(0.5e-8));
		}
	}

	@Test
	void feedAppliesStepsOffTheCallersThreadAndLosesNoneWhenTheyArriveFasterThanItDrives() {
		DevnetClock clock = new DevnetClock();
		Map<PoolId, BigDecimal> before = sharePrices();
		Map<PoolId, Double> expected = new HashMap<>();
		Instant last = T0;
		try (DevnetFeed feed = new DevnetFeed(deployment(book), driver, devnet.web3j(), clock)) {
			for (int i = 0; i < 6; i++) {
				Duration step = Duration.ofMinutes(30);
				MarketStep moved = market.advance(step);
				// faster than the drives: most steps arrive while one runs and are merged
				feed.stepped(moved, step);
				moved.pools()
					.forEach(t -> expected.merge(t.pool(), Math.pow(1 + t.apyBase() / 100, 0.5 / (365 * 24.0)),
							(a, b) -> a * b));
				last = moved.at();
			}
			Instant until = last;
			await().atMost(Duration.ofSeconds(30))
				.until(() -> clock.last().map(DevnetClock.Tick::simulatedAt).filter(until::equals).isPresent());
		}

		Map<PoolId, BigDecimal> after = sharePrices();
		expected.forEach((pool, factor) -> assertThat(ratio(after, before, pool)).as(pool.toString())
			.isCloseTo(factor, within(1e-10)));
	}

	@Test
	void chainSourceReportsWhatTheLastCompleteDriveLeftAtItsBlock() throws Exception {
		DevnetClock clock = new DevnetClock();
		ChainLocalSource source = source(clock);
		Duration step = Duration.ofHours(2);
		drive(market.advance(step), step, clock);
		source.poll(Instant.now());
		MarketStep moved = market.advance(step);
		BigInteger block = drive(moved, step, clock);
		// a later transaction must not show: the source reads at the drive's block
		driver.drive(contracts, DevnetUpdate.of(market.advance(step), step, plan.poolAssets()));
		Instant now = Instant.now();

		MarketBatch batch = source.poll(now).orElseThrow();

		assertThat(batch.source()).isEqualTo(Source.CHAIN);
		assertThat(batch.samples()).filteredOn(s -> !s.subject().startsWith("chain:")).allSatisfy(s -> {
			assertThat(s.source()).isEqualTo(Source.CHAIN);
			assertThat(s.observedAt()).isEqualTo(now);
			assertThat(s.blockNumber()).isEqualTo(block.longValueExact());
		});
		for (PoolTick tick : moved.pools()) {
			String pool = tick.pool().toString();
			MockERC4626 vault = vault(tick.pool());
			vault.setDefaultBlockParameter(org.web3j.protocol.core.DefaultBlockParameter.valueOf(block));
			double sharePrice = new BigDecimal(vault.totalAssets().send().add(BigInteger.ONE))
				.divide(new BigDecimal(vault.totalSupply().send().add(BigInteger.ONE)), java.math.MathContext.DECIMAL64)
				.doubleValue();
			assertThat(value(batch, pool, Metric.SHARE_PRICE)).as(pool).isCloseTo(sharePrice, within(1e-14));
			assertThat(value(batch, pool, Metric.PRICE)).as(pool).isCloseTo(tick.assetPriceUsd(), within(0.5e-8));
			assertThat(value(batch, pool, Metric.APY_BASE)).as(pool + " realized over two simulated hours")
				.isCloseTo(tick.apyBase(), within(1e-6));
		}
		assertThat(batch.samples()).filteredOn(s -> s.subject().equals(MetricSample.chainSubject("local")))
			.extracting(MetricSample::metric)
			.containsExactlyInAnyOrder(Metric.GAS, Metric.GAS_PRIORITY);
	}

	@Test
	void chainSourceReadsTheLatestBlockWhenTheChainNoLongerHasTheDrivenOne() throws Exception {
		DevnetClock clock = new DevnetClock();
		Duration step = Duration.ofHours(2);
		MarketStep moved = market.advance(step);
		BigInteger latest = drive(moved, step, clock);
		// as after a revert, or once anvil dropped the state of a block pinned long ago
		clock.driven(latest.add(BigInteger.valueOf(1_000)), moved.at());

		MarketBatch batch = source(clock).poll(Instant.now()).orElseThrow();

		List<MetricSample> pools = batch.samples().stream().filter(s -> !s.subject().startsWith("chain:")).toList();
		assertThat(pools).extracting(MetricSample::metric)
			.contains(Metric.SHARE_PRICE, Metric.PRICE)
			.doesNotContain(Metric.APY_BASE);
		assertThat(pools).allSatisfy(s -> assertThat(s.blockNumber()).isEqualTo(latest.longValueExact()));
	}

	@Test
	void chainSourceRefusesFeedsNotUpdatedWithinTheLimit() {
		MarketBatch batch = source(new DevnetClock()).poll(Instant.now().plus(Duration.ofHours(1))).orElseThrow();

		assertThat(batch.samples()).extracting(MetricSample::metric)
			.contains(Metric.SHARE_PRICE, Metric.GAS)
			.doesNotContain(Metric.PRICE, Metric.APY_BASE);
	}

	private static ChainLocalSource source(DevnetClock clock) {
		return new ChainLocalSource(devnet.web3j(), DevnetMarketIT::poolContracts,
				() -> Optional.of(contracts.multicall3()), Duration.ofMinutes(10), new RealizedApy(Duration.ofHours(1)),
				clock);
	}

	// drives one step completely, as the feed does, and tells the clock
	private static BigInteger drive(MarketStep step, Duration simulated, DevnetClock clock) throws Exception {
		assertThat(driver.drive(contracts, DevnetUpdate.of(step, simulated, plan.poolAssets())).isEmpty()).isTrue();
		BigInteger block = devnet.web3j().ethBlockNumber().send().getBlockNumber();
		clock.driven(block, step.at());
		return block;
	}

	private static DevnetDeployment deployment(DevnetAddressBook book) {
		return new DevnetDeployment(LocalChain.CHAIN_ID, plan, new DevnetDeployer(devnet.web3j(), transactions), book);
	}

	private static List<PoolContracts> poolContracts() {
		return contracts.vaults()
			.values()
			.stream()
			.map(v -> new PoolContracts(v.pool(), v.vault(), contracts.asset(v.asset()).priceFeed(),
					contracts.asset(v.asset()).asset().decimals()))
			.toList();
	}

	// share prices at 18 decimals, as the chain source reads them
	private static Map<PoolId, BigDecimal> sharePrices() {
		Map<PoolId, BigDecimal> prices = new HashMap<>();
		for (DevnetContracts.PoolVault vault : contracts.vaults().values()) {
			int decimals = contracts.asset(vault.asset()).asset().decimals();
			try {
				BigInteger assets = vault(vault.pool()).convertToAssets(BigInteger.TEN.pow(decimals + 12)).send();
				prices.put(vault.pool(), new BigDecimal(assets).movePointLeft(decimals + 12));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return prices;
	}

	private static double ratio(Map<PoolId, BigDecimal> after, Map<PoolId, BigDecimal> before, PoolId pool) {
		return after.get(pool).divide(before.get(pool), java.math.MathContext.DECIMAL64).doubleValue();
	}

	private static PoolTick tick(MarketStep step, PoolId pool) {
		return step.pools().stream().filter(t -> t.pool().equals(pool)).findFirst().orElseThrow();
	}

	private static double value(MarketBatch batch, String subject, Metric metric) {
		return batch.samples()
			.stream()
			.filter(s -> s.subject().equals(subject) && s.metric() == metric)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + metric + " sample for " + subject))
			.value();
	}

	@Test
	void aHandOverThatStoppedHalfWayIsFinishedWithTheStewardThatBegunIt() throws Exception {
		DevnetContracts old = new DevnetDeployer(devnet.web3j(), transactions).deployMocks(plan, PRICES);
		BigInteger gasPrice = transactions.gasPrice();
		String begun = DevnetSteward.deploy(devnet.web3j(), transactions.manager(), transactions.deployGas(gasPrice))
			.send()
			.getContractAddress();
		transactions.send(old.vaults().get(AAVE_USDC).vault(), DevnetCalls.transferOwnership(begun), gasPrice);
		transactions.send(old.asset("USDC").token(), DevnetCalls.transferOwnership(begun), gasPrice);
		InMemoryAddressBook legacy = new InMemoryAddressBook();
		legacy.recorded.put(LocalChain.CHAIN_ID, old.mocks());

		DevnetContracts adopted = deployment(legacy).ensure(Map.of());

		assertThat(adopted.steward()).isEqualToIgnoringCase(begun);
		for (String mock : adopted.owned()) {
			assertThat(transactions.owner(mock)).as(mock).isEqualToIgnoringCase(begun);
		}
	}

	@Test
	void mocksThatBelongToSomeoneElseAreRefusedWithWhatToDo() throws Exception {
		DevnetContracts old = new DevnetDeployer(devnet.web3j(), transactions).deployMocks(plan, PRICES);
		String stranger = DevAccounts.demoFarmer().getAddress();
		transactions.send(old.asset("DAI").priceFeed(), DevnetCalls.transferOwnership(stranger),
				transactions.gasPrice());
		InMemoryAddressBook legacy = new InMemoryAddressBook();
		legacy.recorded.put(LocalChain.CHAIN_ID, old.mocks());

		assertThatThrownBy(() -> deployment(legacy).ensure(Map.of())).isInstanceOf(DevnetException.class)
			.hasMessageContaining(stranger)
			.hasMessageContaining("delete the local chain's state file");
		assertThat(legacy.deployments).as("nothing recorded").isZero();
	}

	/** A driver that gives up on a receipt after two polls, 100 ms. */
	private static DevnetDriver impatient() {
		return new DevnetDriver(
				new DeployerTransactions(devnet.web3j(), DevAccounts.deployer(), LocalChain.CHAIN_ID, 2));
	}

	private static DevnetUpdate nextHour() {
		Duration hour = Duration.ofHours(1);
		return DevnetUpdate.of(market.advance(hour), hour, plan.poolAssets());
	}

	private static BigInteger pendingNonce() throws Exception {
		return devnet.web3j()
			.ethGetTransactionCount(DevAccounts.deployer().getAddress(), DefaultBlockParameterName.PENDING)
			.send()
			.getTransactionCount();
	}

	private static void rpc(String method, Object... params) throws Exception {
		Response<?> response = new Request<>(method, List.of(params), new HttpService(devnet.rpcUrl()),
				VoidResponse.class)
			.send();
		assertThat(response.hasError()).as(method).isFalse();
	}

	private static DevnetSteward steward() {
		return DevnetSteward.load(contracts.steward(), devnet.web3j(), reader(), new DefaultGasProvider());
	}

	private static BigInteger nonce() throws Exception {
		return devnet.web3j()
			.ethGetTransactionCount(DevAccounts.deployer().getAddress(), DefaultBlockParameterName.LATEST)
			.send()
			.getTransactionCount();
	}

	// an address derived from the name, where nothing is deployed
	private static String address(String name) {
		return org.web3j.crypto.Keys.toChecksumAddress(org.web3j.utils.Numeric.toHexStringWithPrefixZeroPadded(
				BigInteger.valueOf(name.hashCode() & 0xffffffffL).add(BigInteger.TWO.pow(150)), 40));
	}

	private static MockERC4626 vault(PoolId pool) {
		return MockERC4626.load(contracts.vaults().get(pool).vault(), devnet.web3j(), reader(),
				new DefaultGasProvider());
	}

	// MockToken and MockStablecoin share the ERC-20 read ABI
	private static MockStablecoin token(String asset) {
		return MockStablecoin.load(contracts.asset(asset).token(), devnet.web3j(), reader(), new DefaultGasProvider());
	}

	private static MockPriceFeed feed(String asset) {
		return MockPriceFeed.load(contracts.asset(asset).priceFeed(), devnet.web3j(), reader(),
				new DefaultGasProvider());
	}

	private static ReadonlyTransactionManager reader() {
		return new ReadonlyTransactionManager(devnet.web3j(), DevAccounts.deployer().getAddress());
	}

}
