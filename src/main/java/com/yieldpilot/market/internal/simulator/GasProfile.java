package com.yieldpilot.market.internal.simulator;

import java.time.Duration;

/**
 * How a chain's gas fees behave when nothing special happens: the base fee and the
 * priority fee are each log-normal around their means and revert to them with the given
 * half-life. Spikes come on top, at the rate the {@link SimulationSettings} give.
 *
 * @param meanBaseFeeGwei the long-run mean base fee, without spikes
 * @param baseFeeSpread the long-run standard deviation of the log base fee
 * @param halfLife how long a fee takes to forget half of a deviation from its mean
 * @param meanPriorityFeeGwei the long-run mean priority fee
 * @param priorityFeeSpread the long-run standard deviation of the log priority fee
 */
public record GasProfile(double meanBaseFeeGwei, double baseFeeSpread, Duration halfLife, double meanPriorityFeeGwei,
		double priorityFeeSpread) {

	/** Ethereum mainnet: a base fee of about 5–40 gwei, a tip of about 1 gwei. */
	public static final GasProfile ETHEREUM = new GasProfile(15, 0.45, Duration.ofHours(2), 1, 0.5);

	/** A rollup such as Base or Arbitrum: a base fee of about 0.01–0.1 gwei. */
	public static final GasProfile ROLLUP = new GasProfile(0.04, 0.45, Duration.ofHours(2), 0.001, 0.5);

	public GasProfile {
		if (!(meanBaseFeeGwei > 0) || !(meanPriorityFeeGwei > 0) || !(baseFeeSpread >= 0) || !(priorityFeeSpread >= 0)
				|| halfLife.isNegative() || halfLife.isZero()) {
			throw new IllegalArgumentException("A gas profile needs positive means and half-life and non-negative "
					+ "spreads: " + meanBaseFeeGwei + ", " + baseFeeSpread + ", " + halfLife + ", "
					+ meanPriorityFeeGwei + ", " + priorityFeeSpread);
		}
	}

	/** {@link #ETHEREUM} for {@code ethereum}, {@link #ROLLUP} for every other chain. */
	public static GasProfile forChain(String chain) {
		return "ethereum".equals(chain) ? ETHEREUM : ROLLUP;
	}

}
