package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.contracts.MockAavePool;
import com.yieldpilot.chain.contracts.MockERC4626;
import com.yieldpilot.chain.contracts.MockPriceFeed;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.chain.contracts.Multicall3;
import com.yieldpilot.support.Devnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Decoding of every on-chain read against contracts this test deploys on anvil. */
class OnChainReadsIT {

	private static final BigInteger USDC = BigInteger.valueOf(1_000_000);

	private static Devnet devnet;

	private static MockStablecoin usdc;

	private static MockERC4626 vault;

	private static MockPriceFeed feed;

	private static MockAavePool aave;

	private static String multicall;

	@BeforeAll
	static void deploy() throws Exception {
		devnet = Devnet.start();
		var web3j = devnet.web3j();
		usdc = MockStablecoin.deploy(web3j, devnet.deployer(), devnet.gas(), "USD Coin", "USDC").send();
		vault = MockERC4626
			.deploy(web3j, devnet.deployer(), devnet.gas(), usdc.getContractAddress(), "Vault USDC", "vUSDC")
			.send();
		feed = MockPriceFeed
			.deploy(web3j, devnet.deployer(), devnet.gas(), BigInteger.valueOf(8), "USDC / USD",
					BigInteger.valueOf(100_010_000))
			.send();
		aave = MockAavePool.deploy(web3j, devnet.deployer(), devnet.gas()).send();
		multicall = Multicall3.deploy(web3j, devnet.deployer(), devnet.gas()).send().getContractAddress();

		String me = DevAccounts.deployer().getAddress();
		usdc.mint(me, USDC.multiply(BigInteger.valueOf(10_000))).send();
		usdc.approve(vault.getContractAddress(), USDC.multiply(BigInteger.valueOf(10_000))).send();
		vault.deposit(USDC.multiply(BigInteger.valueOf(1_000)), me).send();
	}

	@AfterAll
	static void stop() {
		if (devnet != null) {
			devnet.close();
		}
	}

	@Test
	void erc4626SharePriceGrowsWhenTheVaultAccruesAndOldBlocksKeepOldValues() throws Exception {
		BlockReader reader = new BlockReader(devnet.web3j(), multicall);
		BigInteger before = reader.latestBlock();
		Erc4626Reads.VaultState start = Erc4626Reads.read(reader, vault.getContractAddress(), 6, 6, before);

		vault.accrue(USDC.multiply(BigInteger.valueOf(10))).send();
		BigInteger after = reader.latestBlock();
		Erc4626Reads.VaultState end = Erc4626Reads.read(reader, vault.getContractAddress(), 6, 6, after);

		assertThat(end.totalAssets()).isEqualTo(start.totalAssets().add(USDC.multiply(BigInteger.TEN)));
		assertThat(end.sharePrice().doubleValue()).isCloseTo(start.sharePrice().doubleValue() * 1.01, within(1e-6));
		assertThat(Erc4626Reads.read(reader, vault.getContractAddress(), 6, 6, before)).isEqualTo(start);
	}

	@Test
	void aaveLiquidityRateIsDecodedFromTheRealReturnLayoutAndCompoundedToApy() throws Exception {
		BigInteger fivePercent = new BigDecimal("0.05").movePointRight(27).toBigIntegerExact();
		BigInteger sevenPercent = new BigDecimal("0.07").movePointRight(27).toBigIntegerExact();
		aave.setRates(usdc.getContractAddress(), fivePercent, sevenPercent).send();
		BlockReader reader = new BlockReader(devnet.web3j(), multicall);

		AaveRates.ReserveRates rates = AaveRates.read(reader, aave.getContractAddress(), usdc.getContractAddress(),
				reader.latestBlock());

		assertThat(rates.liquidityRateRay()).isEqualTo(fivePercent);
		assertThat(rates.variableBorrowRateRay()).isEqualTo(sevenPercent);
		assertThat(rates.supplyApyPercent()).isCloseTo(5.1271, within(1e-4));
	}

	@Test
	void aaveReadOfAnUnknownReserveIsAnError() {
		BlockReader reader = new BlockReader(devnet.web3j(), multicall);
		assertThatThrownBy(() -> AaveRates.read(reader, aave.getContractAddress(), feed.getContractAddress(),
				reader.latestBlock()))
			.isInstanceOf(ChainReadException.class)
			.hasMessageContaining("no reserve");
	}

	@Test
	void chainlinkPriceIsScaledByTheFeedDecimalsAndAStalePriceIsRefused() throws Exception {
		BlockReader reader = new BlockReader(devnet.web3j(), multicall);
		feed.setAnswer(BigInteger.valueOf(99_980_000)).send();
		Instant now = Instant.now();
		ChainlinkPrices.Price price = ChainlinkPrices.read(reader, feed.getContractAddress(), 8, Duration.ofHours(1),
				now, reader.latestBlock());
		assertThat(price.value()).isEqualByComparingTo("0.9998");

		long twoHoursAgo = now.minus(Duration.ofHours(2)).getEpochSecond();
		feed.setAnswerAt(BigInteger.valueOf(99_990_000), BigInteger.valueOf(twoHoursAgo)).send();
		assertThatThrownBy(() -> ChainlinkPrices.read(reader, feed.getContractAddress(), 8, Duration.ofHours(1), now,
				reader.latestBlock()))
			.isInstanceOf(ChainlinkPrices.StalePriceException.class)
			.hasMessageContaining("last updated");
		feed.setAnswer(BigInteger.valueOf(100_000_000)).send();
	}

	@Test
	void gasFeesComeFromFeeHistory() {
		GasFees.Fees fees = GasFees.read(devnet.web3j(), 5);
		assertThat(fees.nextBaseFee()).isPositive();
		assertThat(fees.newestBlock()).isPositive();
		assertThat(fees.nextBaseFeeGwei()).isLessThan(10);
	}

	@Test
	void multicallBatchEqualsSingleCallsAndIsolatesAFailingRead() {
		BlockReader batched = new BlockReader(devnet.web3j(), multicall);
		BlockReader single = new BlockReader(devnet.web3j(), null);
		BigInteger block = batched.latestBlock();
		List<ChainCall> calls = List.of(new ChainCall(vault.getContractAddress(), Erc4626Reads.totalAssets()),
				new ChainCall(feed.getContractAddress(), ChainlinkPrices.latestRoundData()),
				// the price feed has no totalAssets(): this read fails, the others
				// must not
				new ChainCall(feed.getContractAddress(), Erc4626Reads.totalAssets()));

		var viaMulticall = batched.batch(calls, block);
		var oneByOne = single.batch(calls, block);

		assertThat(viaMulticall).hasSize(3);
		assertThat(viaMulticall.get(0)).isEqualTo(oneByOne.get(0)).isNotNull();
		assertThat(viaMulticall.get(1)).isEqualTo(oneByOne.get(1)).isNotNull();
		assertThat(viaMulticall.get(2)).isNull();
		assertThat(oneByOne.get(2)).isNull();
	}

}
