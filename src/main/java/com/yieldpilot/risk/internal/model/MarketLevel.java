package com.yieldpilot.risk.internal.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Moves a calibrated score with the market's level: the calibration is fitted on outcomes
 * that matured one to three months ago, so its mean is that period's adverse rate. The
 * market's early adverse rate ({@link Feature#MARKET_EARLY_ADVERSE_RATE}, outcomes of the
 * last four weeks that have already turned on the data so far) says how the rate has
 * moved since; the score's log-odds move by {@code weight} × (logit of the day's early
 * rate − {@code reference}), where the reference is the mean early rate on the
 * calibration slice's days. A day whose early rate is unknown keeps the calibrated score.
 * Decision record 0011, fourth round.
 *
 * @param weight how far the log-odds follow the early rate (1: one for one)
 * @param reference the logit of the calibration slice's mean early rate
 */
public record MarketLevel(double weight, double reference) {

	/** The early rate is clamped to this distance from 0 and 1 before its logit. */
	static final double CLAMP = 0.05;

	public MarketLevel {
		if (!Double.isFinite(weight) || !Double.isFinite(reference)) {
			throw new IllegalArgumentException("A market level needs a finite weight and reference");
		}
	}

	/** The level fitted on the calibration slice's rows, or null when none knows it. */
	static @Nullable MarketLevel fit(FeatureTable table, List<Integer> slice, double weight) {
		double sum = 0;
		int known = 0;
		for (int r : slice) {
			float rate = table.feature(r, Feature.MARKET_EARLY_ADVERSE_RATE);
			if (!Float.isNaN(rate)) {
				sum += rate;
				known++;
			}
		}
		return (known == 0 || weight == 0) ? null : new MarketLevel(weight, logit(sum / known));
	}

	/** The log-odds the level adds to a row's calibrated score (0 when unknown). */
	double shift(float[] features, int row) {
		float rate = features[row * Feature.COUNT + Feature.MARKET_EARLY_ADVERSE_RATE.ordinal()];
		return Float.isNaN(rate) ? 0 : this.weight * (logit(rate) - this.reference);
	}

	/** The calibrated score moved by the level. */
	double apply(double calibrated, float[] features, int row) {
		double shift = shift(features, row);
		return (shift == 0) ? calibrated : LinearFloor.sigmoid(LinearFloor.logit(calibrated) + shift);
	}

	private static double logit(double rate) {
		double p = Math.min(1 - CLAMP, Math.max(CLAMP, rate));
		return Math.log(p / (1 - p));
	}

}
