package com.yieldpilot.market.internal.devnet;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketSource;
import com.yieldpilot.market.internal.onchain.BlockReader;
import com.yieldpilot.market.internal.onchain.ChainReadException;
import com.yieldpilot.market.internal.onchain.Erc4626Reads;
import com.yieldpilot.market.internal.onchain.GasFees;
import com.yieldpilot.market.internal.onchain.PoolReader;
import com.yieldpilot.market.internal.onchain.PoolReadings;
import com.yieldpilot.market.internal.onchain.RealizedApy;
import com.yieldpilot.market.internal.store.OnChainPool;
import com.yieldpilot.market.internal.store.PoolContracts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

import org.springframework.core.Ordered;

/**
 * The local chain as a market source ({@code chain-local}). At one pinned block it reads,
 * with the {@link PoolReader} the production chains use, every pool's vault share price
 * (to 18 decimals) and its asset's price feed, refusing a feed older than
 * {@code maxPriceAge}; then the chain's gas fees. Every sample carries the block number
 * it was read at and comes from {@link Source#CHAIN}. The block is the one the devnet's
 * last complete drive ended at ({@link DevnetClock}), so a read never catches a drive
 * half done; before the first drive of a run it is the latest block, and the realized
 * base APY ({@link RealizedApy}), which needs the block's simulated instant, is left out.
 * So it is when the chain no longer has the driven block's state: anvil keeps only recent
 * states in memory, and a devnet whose drives keep failing (receipts timing out under
 * load) would otherwise pin a block that every read fails at. A read that fails costs its
 * own sample only; the poll fails when every read did.
 */
final class ChainLocalSource implements MarketSource, Ordered {

	/** The chain subject of the local chain's gas samples. */
	static final String CHAIN = "local";

	private static final Logger log = LoggerFactory.getLogger(ChainLocalSource.class);

	private static final int FEE_HISTORY_BLOCKS = 5;

	private final Web3j web3j;

	private final Supplier<List<PoolContracts>> pools;

	private final Supplier<Optional<String>> multicall3;

	private final PoolReader reader;

	private final RealizedApy realizedApy;

	private final DevnetClock clock;

	/**
	 * @param pools the pools to read, looked up at each poll
	 * @param multicall3 the chain's Multicall3, if deployed yet, looked up at each poll
	 */
	ChainLocalSource(Web3j web3j, Supplier<List<PoolContracts>> pools, Supplier<Optional<String>> multicall3,
			Duration maxPriceAge, RealizedApy realizedApy, DevnetClock clock) {
		this.web3j = web3j;
		this.pools = pools;
		this.multicall3 = multicall3;
		this.reader = new PoolReader(maxPriceAge);
		this.realizedApy = realizedApy;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "chain-local";
	}

	/** After the simulator, whose step the devnet starts driving. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public synchronized Optional<MarketBatch> poll(Instant now) {
		List<OnChainPool> pools = this.pools.get().stream().map(OnChainPool::of).toList();
		if (pools.isEmpty()) {
			return Optional.empty();
		}
		BlockReader reader = new BlockReader(this.web3j, this.multicall3.get().orElse(null));
		Optional<DevnetClock.Tick> driven = this.clock.last();
		BigInteger block = driven.isPresent() ? driven.get().block() : reader.latestBlock();
		PoolReadings readings;
		try {
			readings = this.reader.read(reader, pools, block, now);
		}
		catch (ChainReadException ex) {
			if (driven.isEmpty()) {
				throw ex;
			}
			readings = new PoolReadings(block, List.of(), List.of(ex.getMessage()));
		}
		if (driven.isPresent() && nothingRead(readings)) {
			BigInteger latest = reader.latestBlock();
			if (!latest.equals(block)) {
				log.warn(
						"chain-local: no read at the last driven block {} succeeded ({}); the chain no longer has "
								+ "that block's state (dropped or reverted), so this poll reads the latest block {}, "
								+ "without the realized APY",
						block, readings.failures().isEmpty() ? "no reason given" : readings.failures().get(0), latest);
				driven = Optional.empty();
				block = latest;
				readings = this.reader.read(reader, pools, block, now);
			}
		}
		Long blockNumber = block.longValueExact();
		List<MetricSample> samples = new ArrayList<>();
		List<String> failures = new ArrayList<>(readings.failures());
		for (PoolReadings.Reading reading : readings.pools()) {
			String subject = reading.pool().pool().toString();
			Erc4626Reads.VaultState vault = reading.vault();
			if (vault != null) {
				samples.add(sample(subject, Metric.SHARE_PRICE, now, vault.sharePrice().doubleValue(), blockNumber));
				if (driven.isPresent()) {
					this.realizedApy.observe(reading.pool().pool(), vault.sharePrice(), driven.get().simulatedAt())
						.ifPresent(apy -> samples.add(sample(subject, Metric.APY_BASE, now, apy, blockNumber)));
				}
			}
			if (reading.price() != null) {
				samples.add(sample(subject, Metric.PRICE, now, reading.price().value().doubleValue(), blockNumber));
			}
		}
		try {
			GasFees.Fees fees = GasFees.read(this.web3j, FEE_HISTORY_BLOCKS);
			String subject = MetricSample.chainSubject(CHAIN);
			long feeBlock = fees.newestBlock().longValueExact();
			samples.add(sample(subject, Metric.GAS, now, fees.nextBaseFeeGwei(), feeBlock));
			samples.add(sample(subject, Metric.GAS_PRIORITY, now, fees.priorityFeeGwei(), feeBlock));
		}
		catch (ChainReadException ex) {
			failures.add("gas: " + ex.getMessage());
		}
		if (samples.isEmpty()) {
			throw new ChainReadException("Every read at block " + block + " failed, e.g. " + failures.get(0));
		}
		if (!failures.isEmpty()) {
			log.warn("chain-local: {} of the reads at block {} failed, e.g. {}", failures.size(), block,
					failures.get(0));
		}
		return Optional.of(new MarketBatch(Source.CHAIN, now, List.of(), samples));
	}

	private static boolean nothingRead(PoolReadings readings) {
		return readings.pools()
			.stream()
			.allMatch((r) -> r.vault() == null && r.price() == null && r.aave() == null && r.comet() == null);
	}

	private static MetricSample sample(String subject, Metric metric, Instant at, double value, @Nullable Long block) {
		return new MetricSample(subject, metric, at, value, Source.CHAIN, block);
	}

}
