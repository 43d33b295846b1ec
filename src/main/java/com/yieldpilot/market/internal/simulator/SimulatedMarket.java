package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.yieldpilot.shared.PoolId;

/**
 * A seeded, reproducible simulation of a DeFi lending market, advanced in steps of
 * simulated time. It holds one path per pool, per asset (prices, depegs) and per chain
 * (gas), each drawn from its own generator derived from the seed and its name; so the
 * same seed, pools, start and sequence of steps give exactly the same ticks, and adding
 * or removing a pool changes no other pool's path.
 *
 * <p>
 * All processes are continuous in time (exact Ornstein–Uhlenbeck transitions, Poisson
 * clocks that draw event times in advance), so a path's statistics, and the times of its
 * events, do not depend on the step size: one step of an hour and twelve of five minutes
 * are the same model. What the step size decides is only what is observed.
 *
 * <p>
 * Not thread-safe: one caller advances it.
 */
public final class SimulatedMarket {

	private final long seed;

	private final Instant start;

	private final SimulationSettings settings;

	private final List<SimulatedPool> pools;

	private final List<PoolPath> poolPaths = new ArrayList<>();

	private final Map<String, AssetPath> assets = new LinkedHashMap<>();

	private final Map<String, ChainPath> chains = new LinkedHashMap<>();

	private Duration elapsed = Duration.ZERO;

	/**
	 * A market of {@code pools} with the {@linkplain SimulationSettings#defaults()
	 * default settings}.
	 */
	public SimulatedMarket(long seed, List<SimulatedPool> pools, Instant start) {
		this(seed, pools, start, SimulationSettings.defaults());
	}

	/**
	 * A market of {@code pools}, observed first at {@code start}.
	 * @throws IllegalArgumentException when there is no pool, a pool id appears twice,
	 * one asset is a stablecoin in one pool and not in another, or a volatile asset has
	 * no reference price
	 */
	public SimulatedMarket(long seed, List<SimulatedPool> pools, Instant start, SimulationSettings settings) {
		this.seed = seed;
		this.start = Objects.requireNonNull(start, "start");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.pools = List.copyOf(pools);
		if (this.pools.isEmpty()) {
			throw new IllegalArgumentException("A simulated market needs at least one pool");
		}
		Set<PoolId> ids = new HashSet<>();
		for (SimulatedPool pool : this.pools) {
			if (!ids.add(pool.id())) {
				throw new IllegalArgumentException("Pool " + pool.id() + " is listed twice");
			}
			AssetPath asset = this.assets.computeIfAbsent(pool.asset(),
					(symbol) -> new AssetPath(seed, symbol, pool.stablecoin(), settings));
			if (asset.stablecoin() != pool.stablecoin()) {
				throw new IllegalArgumentException("Pool " + pool.id() + " says " + pool.asset() + " is "
						+ (pool.stablecoin() ? "" : "not ") + "a stablecoin; another pool says otherwise");
			}
			this.chains.computeIfAbsent(pool.chain(),
					(chain) -> new ChainPath(seed, chain, GasProfile.forChain(chain), settings));
			this.poolPaths.add(new PoolPath(seed, pool, asset, settings, start));
		}
	}

	/**
	 * The default dozen: lending pools for USDC, USDT, DAI and WETH on Base, Ethereum and
	 * Arbitrum, with means and spreads like those of the real pools (Aave v3 reserves
	 * showed 3–4% with a standard deviation of a third to a half of that, and a half-life
	 * of about three days, over 2025–2026), TVLs from $25M to $1.9B, and six pools with
	 * reward emissions that end within the first four months.
	 */
	public static List<SimulatedPool> defaultPools() {
		return List.of(SimulatedPool.of("aave-v3:base:USDC", true, 4.0, 1.2, 0, null, 450e6, 0.85),
				SimulatedPool.of("compound-v3:base:USDC", true, 4.6, 1.4, 1.5, Duration.ofDays(60), 180e6, 0.88),
				SimulatedPool.of("morpho:base:USDC-prime", true, 5.8, 1.5, 2.5, Duration.ofDays(30), 95e6, null),
				SimulatedPool.of("aave-v3:base:WETH", false, 1.8, 0.4, 0, null, 600e6, 0.55),
				SimulatedPool.of("morpho:base:WETH-core", false, 2.6, 0.6, 1.0, Duration.ofDays(45), 60e6, null),
				SimulatedPool.of("aave-v3:ethereum:USDC", true, 3.8, 1.2, 0, null, 1.9e9, 0.84),
				SimulatedPool.of("compound-v3:ethereum:USDC", true, 4.3, 1.2, 1.2, Duration.ofDays(120), 520e6, 0.86),
				SimulatedPool.of("aave-v3:ethereum:USDT", true, 3.9, 1.3, 0, null, 1.4e9, 0.86),
				SimulatedPool.of("spark:ethereum:DAI", true, 5.5, 0.6, 0, null, 800e6, 0.7),
				SimulatedPool.of("aave-v3:arbitrum:USDC", true, 3.6, 1.2, 2.0, Duration.ofDays(21), 140e6, 0.83),
				SimulatedPool.of("aave-v3:arbitrum:USDT", true, 4.2, 1.3, 0, null, 65e6, 0.82),
				SimulatedPool.of("fluid:arbitrum:USDC", true, 6.8, 1.8, 3.5, Duration.ofDays(14), 25e6, 0.9));
	}

	/**
	 * Moves every pool, asset and chain forward by {@code step} of simulated time.
	 * @return every pool and chain as observed at the end of the step, and what happened
	 * during it
	 * @throws IllegalArgumentException when {@code step} is not positive
	 */
	public MarketStep advance(Duration step) {
		if (step.isNegative() || step.isZero()) {
			throw new IllegalArgumentException("A step of simulated time must be positive, got " + step);
		}
		Instant from = now();
		Duration before = this.elapsed;
		this.elapsed = this.elapsed.plus(step);
		// years from the exact elapsed duration, so rounding does not pile up over steps
		StepWindow window = new StepWindow(this.start, from, now(), SimulatedTime.years(before),
				SimulatedTime.years(this.elapsed));
		List<MarketEvent> events = new ArrayList<>();
		// assets first: the pools' ticks read the prices at the end of the step
		this.assets.values().forEach((asset) -> asset.advance(window, events));
		this.poolPaths.forEach((pool) -> pool.advance(window, events));
		this.chains.values().forEach((chain) -> chain.advance(window, events));
		// a stable sort: simultaneous events keep the order asset, pool, chain
		events.sort(Comparator.comparing(MarketEvent::at));
		return observe(events);
	}

	/** Every pool and chain as it stands now, without advancing; no events. */
	public MarketStep snapshot() {
		return observe(List.of());
	}

	/** The simulated time of the last step's end, or the start before the first step. */
	public Instant now() {
		return this.start.plus(this.elapsed);
	}

	public Instant start() {
		return this.start;
	}

	public long seed() {
		return this.seed;
	}

	public List<SimulatedPool> pools() {
		return this.pools;
	}

	public SimulationSettings settings() {
		return this.settings;
	}

	private MarketStep observe(List<MarketEvent> events) {
		Instant at = now();
		List<PoolTick> ticks = this.poolPaths.stream().map((pool) -> pool.tick(at)).toList();
		List<ChainTick> chainTicks = this.chains.values().stream().map((chain) -> chain.tick(at)).toList();
		return new MarketStep(at, ticks, chainTicks, events);
	}

}
