package com.yieldpilot.market.internal.onchain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.yieldpilot.market.ReadKind;
import com.yieldpilot.market.internal.store.OnChainPool;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

/**
 * Reads the state of many pools at one block in few round trips, through Multicall3 when
 * the {@link BlockReader} has it:
 * <ol>
 * <li>once per contract: the decimals of each vault and price feed, and the asset of each
 * vault and Comet the registry names an asset for;</li>
 * <li>every vault's total assets and share price, every Aave reserve, every Comet's
 * utilization and supply, and every price feed once however many pools share it;</li>
 * <li>each Comet's supply rate at the utilization just read.</li>
 * </ol>
 * A read that fails costs its own part of its pool only. A vault or Comet whose asset is
 * not the one the registry names is not read at all: its entry is wrong, and its numbers
 * would describe another market. Prices older than {@code maxPriceAge} are refused.
 * Callers serialise their polls; the caches are safe to share.
 */
public final class PoolReader {

	/** Extra decimals of share prices beyond the asset's ({@link Erc4626Reads}). */
	public static final int SHARE_PRICE_EXTRA_DIGITS = 12;

	private final Duration maxPriceAge;

	/** Decimals of vaults and feeds: they never change. */
	private final Map<String, Integer> decimals = new ConcurrentHashMap<>();

	/** The asset each vault or Comet holds, as the chain says. */
	private final Map<String, String> assets = new ConcurrentHashMap<>();

	public PoolReader(Duration maxPriceAge) {
		if (maxPriceAge.isNegative() || maxPriceAge.isZero()) {
			throw new IllegalArgumentException("The maximum price age must be positive, not " + maxPriceAge);
		}
		this.maxPriceAge = maxPriceAge;
	}

	/**
	 * The pools' state at the block; {@code now} judges the prices' age.
	 * @throws ChainReadException when the chain could not be asked at all
	 */
	public PoolReadings read(BlockReader reader, List<OnChainPool> pools, BigInteger block, Instant now) {
		List<String> failures = new ArrayList<>();
		learn(reader, pools, block);
		Batch batch = new Batch();
		Map<String, Integer> feeds = new LinkedHashMap<>();
		List<Plan> plans = new ArrayList<>();
		for (OnChainPool pool : pools) {
			String refusal = refusal(pool);
			if (refusal != null) {
				failures.add(pool.pool() + ": " + refusal);
				continue;
			}
			Plan plan = new Plan(pool);
			String contract = pool.contract();
			switch (pool.kind()) {
				case ERC4626 -> {
					plan.first = batch.add(contract, Erc4626Reads.totalAssets());
					plan.second = batch.add(contract, Erc4626Reads.convertToAssets(
							Erc4626Reads.sharesForPrice(this.decimals.get(contract), SHARE_PRICE_EXTRA_DIGITS)));
				}
				case AAVE_V3 ->
					plan.first = batch.add(contract, AaveRates.getReserveData(String.valueOf(pool.asset())));
				case COMPOUND_V3 -> {
					plan.first = batch.add(contract, CometRates.getUtilization());
					plan.second = batch.add(contract, CometRates.totalSupply());
				}
				default -> throw new IllegalStateException("Not an on-chain pool: " + pool);
			}
			String feed = pool.priceFeed();
			if (feed != null) {
				if (this.decimals.containsKey(feed)) {
					plan.feed = feeds.computeIfAbsent(feed, f -> batch.add(f, ChainlinkPrices.latestRoundData()));
				}
				else {
					failures.add(pool.pool() + " price: the decimals of feed " + feed + " could not be read");
				}
			}
			plans.add(plan);
		}
		List<@Nullable List<Type>> results = reader.batch(batch.calls, block);
		List<@Nullable List<Type>> rates = cometRates(reader, plans, results, block);
		Map<String, ChainlinkPrices.Price> prices = new LinkedHashMap<>();
		Map<String, String> priceFailures = new LinkedHashMap<>();
		feeds.forEach((feed, index) -> {
			try {
				prices.put(feed, ChainlinkPrices.price(feed, this.decimals.get(feed), this.maxPriceAge, now, block,
						present(results.get(index), "latestRoundData of feed " + feed)));
			}
			catch (ChainReadException ex) {
				priceFailures.put(feed, ex.getMessage());
			}
		});
		List<PoolReadings.Reading> readings = new ArrayList<>();
		for (Plan plan : plans) {
			readings.add(decode(plan, results, rates, prices, priceFailures, block, failures));
		}
		return new PoolReadings(block, readings, failures);
	}

	private PoolReadings.Reading decode(Plan plan, List<@Nullable List<Type>> results, List<@Nullable List<Type>> rates,
			Map<String, ChainlinkPrices.Price> prices, Map<String, String> priceFailures, BigInteger block,
			List<String> failures) {
		OnChainPool pool = plan.pool;
		Erc4626Reads.VaultState vault = null;
		AaveRates.ReserveRates aave = null;
		CometRates.Market comet = null;
		try {
			switch (pool.kind()) {
				case ERC4626 -> vault = Erc4626Reads.state(pool.contract(), block,
						uint(results.get(plan.first), "totalAssets"), uint(results.get(plan.second), "convertToAssets"),
						pool.assetDecimals(), SHARE_PRICE_EXTRA_DIGITS);
				case AAVE_V3 -> aave = AaveRates.rates(pool.contract(), String.valueOf(pool.asset()), block,
						present(results.get(plan.first), "getReserveData"));
				case COMPOUND_V3 -> comet = new CometRates.Market(pool.contract(), block,
						uint(results.get(plan.first), "getUtilization"), uint(results.get(plan.second), "totalSupply"),
						uint((plan.rate >= 0) ? rates.get(plan.rate) : null, "getSupplyRate"));
				default -> throw new IllegalStateException("Not an on-chain pool: " + pool);
			}
		}
		catch (ChainReadException ex) {
			failures.add(pool.pool() + " " + pool.kind().label() + " at " + pool.contract() + ": " + ex.getMessage());
		}
		ChainlinkPrices.Price price = null;
		if (plan.feed >= 0) {
			String feed = String.valueOf(pool.priceFeed());
			price = prices.get(feed);
			if (price == null) {
				failures.add(pool.pool() + " price: " + priceFailures.get(feed));
			}
		}
		return new PoolReadings.Reading(pool, vault, aave, comet, price);
	}

	// round 3: Comet's supply rate depends on the utilization read in round 2
	private List<@Nullable List<Type>> cometRates(BlockReader reader, List<Plan> plans,
			List<@Nullable List<Type>> results, BigInteger block) {
		Batch rates = new Batch();
		for (Plan plan : plans) {
			List<Type> utilization = (plan.pool.kind() == ReadKind.COMPOUND_V3) ? results.get(plan.first) : null;
			if (utilization != null) {
				plan.rate = rates.add(plan.pool.contract(),
						CometRates.getSupplyRate((BigInteger) utilization.get(0).getValue()));
			}
		}
		return rates.calls.isEmpty() ? List.of() : reader.batch(rates.calls, block);
	}

	// round 1: what never changes, read once per contract
	private void learn(BlockReader reader, List<OnChainPool> pools, BigInteger block) {
		Map<String, ChainCall> decimalReads = new LinkedHashMap<>();
		Map<String, ChainCall> assetReads = new LinkedHashMap<>();
		for (OnChainPool pool : pools) {
			String contract = pool.contract();
			if (pool.kind() == ReadKind.ERC4626 && !this.decimals.containsKey(contract)) {
				decimalReads.putIfAbsent(contract, new ChainCall(contract, Erc4626Reads.decimals()));
			}
			if (pool.asset() != null && !this.assets.containsKey(contract)) {
				if (pool.kind() == ReadKind.ERC4626) {
					assetReads.putIfAbsent(contract, new ChainCall(contract, Erc4626Reads.asset()));
				}
				else if (pool.kind() == ReadKind.COMPOUND_V3) {
					assetReads.putIfAbsent(contract, new ChainCall(contract, CometRates.baseToken()));
				}
			}
			String feed = pool.priceFeed();
			if (feed != null && !this.decimals.containsKey(feed)) {
				decimalReads.putIfAbsent(feed, new ChainCall(feed, Erc4626Reads.decimals()));
			}
		}
		List<ChainCall> calls = new ArrayList<>(decimalReads.values());
		calls.addAll(assetReads.values());
		if (calls.isEmpty()) {
			return;
		}
		List<@Nullable List<Type>> results = reader.batch(calls, block);
		int i = 0;
		for (String contract : decimalReads.keySet()) {
			List<Type> value = results.get(i++);
			if (value != null) {
				this.decimals.put(contract, ((BigInteger) value.get(0).getValue()).intValueExact());
			}
		}
		for (String contract : assetReads.keySet()) {
			List<Type> value = results.get(i++);
			if (value != null) {
				this.assets.put(contract, (String) value.get(0).getValue());
			}
		}
	}

	/** Why the pool cannot be read now, or null. */
	private @Nullable String refusal(OnChainPool pool) {
		String contract = pool.contract();
		if (pool.kind() == ReadKind.ERC4626 && !this.decimals.containsKey(contract)) {
			return "the decimals of vault " + contract + " could not be read (is it an ERC-4626 vault?)";
		}
		String expected = pool.asset();
		if (expected != null && pool.kind() != ReadKind.AAVE_V3) {
			String actual = this.assets.get(contract);
			if (actual == null) {
				return "the asset of " + contract + " could not be read (is it " + pool.kind().contractMeaning() + "?)";
			}
			if (!actual.equalsIgnoreCase(expected)) {
				return contract + " holds " + actual + ", not the registry's asset " + expected
						+ "; it is not read until the registry entry is fixed";
			}
		}
		return null;
	}

	@SuppressWarnings("rawtypes")
	private static List<Type> present(@Nullable List<Type> values, String what) {
		if (values == null) {
			throw new ChainReadException(what + " failed (reverted, or not this kind of contract)");
		}
		return values;
	}

	@SuppressWarnings("rawtypes")
	private static BigInteger uint(@Nullable List<Type> values, String what) {
		return (BigInteger) present(values, what).get(0).getValue();
	}

	/** The reads of one round, in order. */
	private static final class Batch {

		private final List<ChainCall> calls = new ArrayList<>();

		int add(String target, Function function) {
			this.calls.add(new ChainCall(target, function));
			return this.calls.size() - 1;
		}

	}

	/** Where one pool's reads sit in the rounds' results; -1 when not read. */
	private static final class Plan {

		private final OnChainPool pool;

		private int first = -1;

		private int second = -1;

		private int feed = -1;

		private int rate = -1;

		Plan(OnChainPool pool) {
			this.pool = pool;
		}

	}

}
