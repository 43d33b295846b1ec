package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * The rates and volatilities the simulated market is drawn with, shared by every pool,
 * asset and chain. Rates are Poisson rates of independent events: per pool, per
 * stablecoin or per chain, as each component says, so that the rate of one pool does not
 * change when another is added. Tests force rare events by raising a rate, and isolate
 * them with {@link #quiet()}.
 *
 * @param baseApyHalfLife how long a base APY (and a utilization) takes to forget half of
 * a deviation from its mean; real Aave v3 reserves show about three days
 * @param apyJumpsPerYear per pool, sudden moves of the base APY (a rate model change, a
 * large borrower arriving)
 * @param apyJumpSize standard deviation of a jump, as a factor on the log scale (0.25 is
 * about ±25%)
 * @param tvlDriftPerYear the TVL's expected growth, continuously compounded
 * @param tvlVolatility the TVL's volatility per square-root year (0.3 is about 1.6% a
 * day)
 * @param drainsPerYear per pool, sudden withdrawals of 20–60% of the TVL
 * @param drainRecoveryHalfLife how long drained deposits take to half come back, as the
 * higher APY attracts them
 * @param utilizationVolatility long-run standard deviation of a lending pool's
 * utilization on the logit scale
 * @param exploitsPerYear per pool, exploits that take 80–95% of the TVL for good
 * @param depegsPerYear per stablecoin, depegs to 0.85–0.97 USD
 * @param depegRecoveryHalfLife how long a depegged stablecoin takes to win back half of
 * its discount
 * @param stablecoinPriceVolatility long-run standard deviation of a pegged price around
 * 1.00 USD
 * @param volatileAssetDailyVolatility daily volatility of a non-pegged asset's price,
 * e.g. 0.03 for WETH
 * @param gasSpikesPerDay per chain, congestion that multiplies the base fee by 3–10
 * @param gasSpikeHalfLife how long a spike takes to halve on the log scale
 */
public record SimulationSettings(Duration baseApyHalfLife, double apyJumpsPerYear, double apyJumpSize,
		double tvlDriftPerYear, double tvlVolatility, double drainsPerYear, Duration drainRecoveryHalfLife,
		double utilizationVolatility, double exploitsPerYear, double depegsPerYear, Duration depegRecoveryHalfLife,
		double stablecoinPriceVolatility, double volatileAssetDailyVolatility, double gasSpikesPerDay,
		Duration gasSpikeHalfLife) {

	public SimulationSettings {
		positive(baseApyHalfLife, "baseApyHalfLife");
		positive(drainRecoveryHalfLife, "drainRecoveryHalfLife");
		positive(depegRecoveryHalfLife, "depegRecoveryHalfLife");
		positive(gasSpikeHalfLife, "gasSpikeHalfLife");
		nonNegative(apyJumpsPerYear, "apyJumpsPerYear");
		nonNegative(apyJumpSize, "apyJumpSize");
		nonNegative(tvlVolatility, "tvlVolatility");
		nonNegative(drainsPerYear, "drainsPerYear");
		nonNegative(utilizationVolatility, "utilizationVolatility");
		nonNegative(exploitsPerYear, "exploitsPerYear");
		nonNegative(depegsPerYear, "depegsPerYear");
		nonNegative(stablecoinPriceVolatility, "stablecoinPriceVolatility");
		nonNegative(volatileAssetDailyVolatility, "volatileAssetDailyVolatility");
		nonNegative(gasSpikesPerDay, "gasSpikesPerDay");
		if (!Double.isFinite(tvlDriftPerYear)) {
			throw new IllegalArgumentException("tvlDriftPerYear must be finite, got " + tvlDriftPerYear);
		}
	}

	/**
	 * Plausible defaults. Across the default dozen pools (three stablecoins, three
	 * chains) they give about two dozen drains, three exploits and three depegs a year,
	 * and two gas spikes a day on every chain.
	 */
	public static SimulationSettings defaults() {
		return new SimulationSettings(Duration.ofDays(3), 12, 0.25, 0.05, 0.3, 2, Duration.ofDays(30), 0.3, 0.25, 1,
				Duration.ofDays(7), 0.0005, 0.03, 2, Duration.ofMinutes(20));
	}

	/**
	 * The defaults without any noise or event: every value stays where it starts until a
	 * test raises the rate of the event it is about. (A pool's own base APY volatility
	 * still applies.)
	 */
	public static SimulationSettings quiet() {
		return new SimulationSettings(Duration.ofDays(3), 0, 0.25, 0, 0, 0, Duration.ofDays(30), 0, 0, 0,
				Duration.ofDays(7), 0, 0, 0, Duration.ofMinutes(20));
	}

	public SimulationSettings withApyJumpsPerYear(double rate) {
		return new SimulationSettings(this.baseApyHalfLife, rate, this.apyJumpSize, this.tvlDriftPerYear,
				this.tvlVolatility, this.drainsPerYear, this.drainRecoveryHalfLife, this.utilizationVolatility,
				this.exploitsPerYear, this.depegsPerYear, this.depegRecoveryHalfLife, this.stablecoinPriceVolatility,
				this.volatileAssetDailyVolatility, this.gasSpikesPerDay, this.gasSpikeHalfLife);
	}

	public SimulationSettings withDrainsPerYear(double rate) {
		return new SimulationSettings(this.baseApyHalfLife, this.apyJumpsPerYear, this.apyJumpSize,
				this.tvlDriftPerYear, this.tvlVolatility, rate, this.drainRecoveryHalfLife, this.utilizationVolatility,
				this.exploitsPerYear, this.depegsPerYear, this.depegRecoveryHalfLife, this.stablecoinPriceVolatility,
				this.volatileAssetDailyVolatility, this.gasSpikesPerDay, this.gasSpikeHalfLife);
	}

	public SimulationSettings withExploitsPerYear(double rate) {
		return new SimulationSettings(this.baseApyHalfLife, this.apyJumpsPerYear, this.apyJumpSize,
				this.tvlDriftPerYear, this.tvlVolatility, this.drainsPerYear, this.drainRecoveryHalfLife,
				this.utilizationVolatility, rate, this.depegsPerYear, this.depegRecoveryHalfLife,
				this.stablecoinPriceVolatility, this.volatileAssetDailyVolatility, this.gasSpikesPerDay,
				this.gasSpikeHalfLife);
	}

	public SimulationSettings withDepegsPerYear(double rate) {
		return new SimulationSettings(this.baseApyHalfLife, this.apyJumpsPerYear, this.apyJumpSize,
				this.tvlDriftPerYear, this.tvlVolatility, this.drainsPerYear, this.drainRecoveryHalfLife,
				this.utilizationVolatility, this.exploitsPerYear, rate, this.depegRecoveryHalfLife,
				this.stablecoinPriceVolatility, this.volatileAssetDailyVolatility, this.gasSpikesPerDay,
				this.gasSpikeHalfLife);
	}

	public SimulationSettings withGasSpikesPerDay(double rate) {
		return new SimulationSettings(this.baseApyHalfLife, this.apyJumpsPerYear, this.apyJumpSize,
				this.tvlDriftPerYear, this.tvlVolatility, this.drainsPerYear, this.drainRecoveryHalfLife,
				this.utilizationVolatility, this.exploitsPerYear, this.depegsPerYear, this.depegRecoveryHalfLife,
				this.stablecoinPriceVolatility, this.volatileAssetDailyVolatility, rate, this.gasSpikeHalfLife);
	}

	private static void positive(Duration duration, String name) {
		Objects.requireNonNull(duration, name);
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + duration);
		}
	}

	private static void nonNegative(double value, String name) {
		if (!(value >= 0) || !Double.isFinite(value)) {
			throw new IllegalArgumentException(name + " must be finite and not negative, got " + value);
		}
	}

}
