package com.yieldpilot.market.internal.chain;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.chain.RpcEndpointStatus;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketSource;
import com.yieldpilot.market.internal.onchain.BlockReader;
import com.yieldpilot.market.internal.onchain.ChainReadException;
import com.yieldpilot.market.internal.onchain.ChainlinkPrices;
import com.yieldpilot.market.internal.onchain.CometRates;
import com.yieldpilot.market.internal.onchain.Erc4626Reads;
import com.yieldpilot.market.internal.onchain.GasFees;
import com.yieldpilot.market.internal.onchain.Multicall3Locator;
import com.yieldpilot.market.internal.onchain.PoolReader;
import com.yieldpilot.market.internal.onchain.PoolReadings;
import com.yieldpilot.market.internal.onchain.RealizedApy;
import com.yieldpilot.market.internal.store.OnChainPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;

import org.springframework.core.Ordered;

/**
 * One production chain as a market source ({@code chain-<name>}): at the chain's latest
 * block it reads the registry's pools on that chain and the chain's gas fees, through the
 * chain's RPC fallback and Multicall3 where the chain has it.
 * <ul>
 * <li>ERC-4626 vaults: share price; realized base APY once a window of block time has
 * passed; TVL when the asset has a price;</li>
 * <li>Aave v3 reserves: the supply APY as base APY (rewards are not on chain);</li>
 * <li>Comets: supply APY as base APY, utilization, and TVL when priced;</li>
 * <li>Chainlink feeds: the asset's USD price, refused when older than the limit;</li>
 * <li>{@code eth_feeHistory}: the next base fee and the median priority fee.</li>
 * </ul>
 * Every sample comes from {@link Source#CHAIN} with the block it was read at. A read that
 * fails costs its own samples only; the poll fails when nothing could be read. Each chain
 * is its own source, so one failing chain never stops the others, and each has its own
 * status, switch and health.
 */
final class ChainSource implements MarketSource, Ordered {

	private static final Logger log = LoggerFactory.getLogger(ChainSource.class);

	private static final int FEE_HISTORY_BLOCKS = 5;

	/** How long a Multicall3 lookup is trusted, either way. */
	private static final Duration MULTICALL_RECHECK = Duration.ofHours(1);

	private final String chain;

	private final ChainClients clients;

	private final Supplier<List<OnChainPool>> pools;

	private final PoolReader reader;

	private final RealizedApy realizedApy;

	private @Nullable Instant multicallCheckedAt;

	private Optional<String> multicall3 = Optional.empty();

	ChainSource(String chain, ChainClients clients, Supplier<List<OnChainPool>> pools, Duration maxPriceAge,
			Duration apyWindow) {
		this.chain = chain;
		this.clients = clients;
		this.pools = pools;
		this.reader = new PoolReader(maxPriceAge);
		this.realizedApy = new RealizedApy(apyWindow);
	}

	@Override
	public String name() {
		return "chain-" + this.chain;
	}

	/** After DefiLlama and the simulator: the slowest source goes last. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * CLOSED while some URL takes requests, HALF_OPEN while one is on trial, else OPEN.
	 */
	@Override
	public String circuitState() {
		List<String> circuits = this.clients.endpoints(this.chain)
			.stream()
			.filter(e -> e.verification() != RpcEndpointStatus.Verification.REJECTED)
			.map(RpcEndpointStatus::circuit)
			.toList();
		if (circuits.contains("CLOSED")) {
			return "CLOSED";
		}
		return circuits.contains("HALF_OPEN") ? "HALF_OPEN" : "OPEN";
	}

	/** The Multicall3 the last poll found, if any. */
	Optional<String> multicall3() {
		return this.multicall3;
	}

	@Override
	public synchronized Optional<MarketBatch> poll(Instant now) {
		Web3j web3j = this.clients.client(this.chain);
		BlockReader blocks = new BlockReader(web3j, multicall3(web3j, now).orElse(null));
		BigInteger block = blocks.latestBlock();
		Long blockNumber = block.longValueExact();
		List<MetricSample> samples = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		List<OnChainPool> pools = this.pools.get();
		if (!pools.isEmpty()) {
			PoolReadings readings = this.reader.read(blocks, pools, block, now);
			failures.addAll(readings.failures());
			Instant blockTime = blockTime(web3j, block);
			for (PoolReadings.Reading reading : readings.pools()) {
				samples.addAll(samples(reading, now, blockTime, blockNumber));
			}
		}
		try {
			GasFees.Fees fees = GasFees.read(web3j, FEE_HISTORY_BLOCKS);
			String subject = MetricSample.chainSubject(this.chain);
			long feeBlock = fees.newestBlock().longValueExact();
			samples.add(sample(subject, Metric.GAS, now, fees.nextBaseFeeGwei(), feeBlock));
			samples.add(sample(subject, Metric.GAS_PRIORITY, now, fees.priorityFeeGwei(), feeBlock));
		}
		catch (ChainReadException ex) {
			failures.add("gas: " + ex.getMessage());
		}
		if (samples.isEmpty()) {
			throw new ChainReadException(name() + ": every read at block " + block + " failed, e.g. "
					+ (failures.isEmpty() ? "nothing to read" : failures.get(0)));
		}
		if (!failures.isEmpty()) {
			log.warn("{}: {} of the reads at block {} failed, e.g. {}", name(), failures.size(), block,
					failures.get(0));
		}
		return Optional.of(new MarketBatch(Source.CHAIN, now, List.of(), samples));
	}

	private List<MetricSample> samples(PoolReadings.Reading reading, Instant now, @Nullable Instant blockTime,
			Long block) {
		List<MetricSample> samples = new ArrayList<>();
		OnChainPool pool = reading.pool();
		String subject = pool.pool().toString();
		ChainlinkPrices.Price price = reading.price();
		if (price != null) {
			samples.add(sample(subject, Metric.PRICE, now, price.value().doubleValue(), block));
		}
		Erc4626Reads.VaultState vault = reading.vault();
		if (vault != null) {
			samples.add(sample(subject, Metric.SHARE_PRICE, now, vault.sharePrice().doubleValue(), block));
			if (blockTime != null) {
				this.realizedApy.observe(pool.pool(), vault.sharePrice(), blockTime)
					.ifPresent(apy -> samples.add(sample(subject, Metric.APY_BASE, now, apy, block)));
			}
			tvl(vault.totalAssets(), pool.assetDecimals(), price)
				.ifPresent(tvl -> samples.add(sample(subject, Metric.TVL, now, tvl, block)));
		}
		if (reading.aave() != null) {
			samples.add(sample(subject, Metric.APY_BASE, now, reading.aave().supplyApyPercent(), block));
		}
		CometRates.Market comet = reading.comet();
		if (comet != null) {
			samples.add(sample(subject, Metric.APY_BASE, now, comet.supplyApyPercent(), block));
			samples.add(sample(subject, Metric.UTILIZATION, now, comet.utilizationRatio(), block));
			tvl(comet.totalSupply(), pool.assetDecimals(), price)
				.ifPresent(tvl -> samples.add(sample(subject, Metric.TVL, now, tvl, block)));
		}
		return samples;
	}

	private static Optional<Double> tvl(BigInteger amount, int decimals, ChainlinkPrices.@Nullable Price price) {
		if (price == null) {
			return Optional.empty();
		}
		return Optional.of(new BigDecimal(amount).movePointLeft(decimals)
			.multiply(price.value(), MathContext.DECIMAL64)
			.doubleValue());
	}

	// the timestamp of the block read: realized APYs are annualised over block time
	private @Nullable Instant blockTime(Web3j web3j, BigInteger block) {
		try {
			EthBlock answer = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(block), false).send();
			if (answer.hasError() || answer.getBlock() == null) {
				log.warn("{}: no timestamp for block {}; realized APYs wait for the next poll", name(), block);
				return null;
			}
			return Instant.ofEpochSecond(answer.getBlock().getTimestamp().longValueExact());
		}
		catch (IOException ex) {
			throw new ChainReadException("RPC unreachable while reading block " + block + ": " + ex.getMessage(), ex);
		}
	}

	private Optional<String> multicall3(Web3j web3j, Instant now) {
		if (this.multicallCheckedAt == null || now.isAfter(this.multicallCheckedAt.plus(MULTICALL_RECHECK))
				|| now.isBefore(this.multicallCheckedAt)) {
			Optional<String> found = Multicall3Locator.find(web3j);
			if (!found.equals(this.multicall3) || this.multicallCheckedAt == null) {
				log.info("{}: {}", name(), found.map(a -> "batching reads through Multicall3 at " + a)
					.orElse("no Multicall3 at " + Multicall3Locator.CANONICAL + "; one eth_call per read"));
			}
			this.multicall3 = found;
			this.multicallCheckedAt = now;
		}
		return this.multicall3;
	}

	private static MetricSample sample(String subject, Metric metric, Instant at, double value, Long block) {
		return new MetricSample(subject, metric, at, value, Source.CHAIN, block);
	}

}
