package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The USD price of one asset, shared by every pool of that asset on every chain (a USDC
 * depeg hits USDC everywhere). A stablecoin's price is {@code 1 + noise + discount}: the
 * noise is a fast Ornstein–Uhlenbeck wobble of a few basis points, and the discount is 0
 * until a depeg sets it to 3–15%, after which it shrinks with the depeg recovery
 * half-life. Any other asset follows a geometric random walk with its daily volatility,
 * anchored to its reference price by a pull with a half-life of half a year, so a long
 * demo stays around the prices people expect. Not thread-safe.
 */
final class AssetPath {

	/** A stablecoin within this distance of the peg has recovered. */
	static final double PEG_TOLERANCE = 0.005;

	private static final Map<String, Double> REFERENCE_PRICES = Map.of("WETH", 3000.0, "ETH", 3000.0, "WBTC", 60_000.0,
			"cbBTC", 60_000.0);

	// the peg noise forgets itself within hours, like arbitrage on a deep pool
	private static final double PEG_NOISE_HALF_LIFE = SimulatedTime.years(Duration.ofHours(2));

	// a pull weak enough to be invisible day to day, strong enough to keep a year-long
	// run within about ±35% of the reference price
	private static final double PRICE_ANCHOR_HALF_LIFE = SimulatedTime.years(Duration.ofDays(180));

	private final String asset;

	private final boolean stablecoin;

	private final OrnsteinUhlenbeck noise;

	private final OrnsteinUhlenbeck discountRecovery;

	private final RandomGenerator noiseRandom;

	private final RandomGenerator marks;

	private final PoissonClock depegs;

	private double t;

	// stablecoin: offset from 1; other assets: log of the price
	private double state;

	private double discount;

	AssetPath(long seed, String asset, boolean stablecoin, SimulationSettings settings) {
		this.asset = asset;
		this.stablecoin = stablecoin;
		double reference = referencePrice(asset, stablecoin);
		SplittableRandom root = Seeds.generator(seed, "asset:" + asset);
		this.noiseRandom = root.split();
		this.marks = root.split();
		this.depegs = new PoissonClock(root.split(), stablecoin ? settings.depegsPerYear() : 0);
		this.noise = stablecoin
				? OrnsteinUhlenbeck.stationary(0, PEG_NOISE_HALF_LIFE, settings.stablecoinPriceVolatility())
				: OrnsteinUhlenbeck.diffusion(Math.log(reference), PRICE_ANCHOR_HALF_LIFE,
						settings.volatileAssetDailyVolatility() * Math.sqrt(365));
		this.discountRecovery = OrnsteinUhlenbeck.relaxation(0, SimulatedTime.years(settings.depegRecoveryHalfLife()));
		this.state = stablecoin ? 0 : Math.log(reference);
	}

	/**
	 * The price an asset starts at: 1 for a stablecoin, else a typical recent price.
	 * @throws IllegalArgumentException for an asset the simulator has no price for
	 */
	static double referencePrice(String asset, boolean stablecoin) {
		if (stablecoin) {
			return 1;
		}
		Double price = REFERENCE_PRICES.get(asset);
		if (price == null) {
			throw new IllegalArgumentException("The simulator has no reference price for " + asset
					+ "; it knows the stablecoins and " + REFERENCE_PRICES.keySet().stream().sorted().toList());
		}
		return price;
	}

	boolean stablecoin() {
		return this.stablecoin;
	}

	void advance(StepWindow window, List<MarketEvent> events) {
		while (this.depegs.next() <= window.toYears()) {
			double at = this.depegs.fire();
			evolve(at - this.t);
			this.t = at;
			double trough = 0.85 + 0.12 * this.marks.nextDouble();
			// a second depeg while still off the peg only matters when it goes deeper
			this.discount = Math.min(this.discount, trough - 1 - this.state);
			events.add(new MarketEvent.Depegged(window.instant(at), this.asset, priceUsd()));
		}
		evolve(window.toYears() - this.t);
		this.t = window.toYears();
	}

	double priceUsd() {
		return this.stablecoin ? 1 + this.state + this.discount : Math.exp(this.state);
	}

	boolean depegged() {
		return this.discount < -PEG_TOLERANCE;
	}

	private void evolve(double years) {
		this.state = this.noise.advance(this.state, years, this.noiseRandom);
		this.discount = this.discountRecovery.relax(this.discount, years);
	}

}
