package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Isotonic calibration: the monotone step function that best fits held-out outcomes
 * against raw model scores (pool-adjacent violators), interpolated linearly between the
 * centres of its blocks so that close raw scores keep their order. Fitted on a slice the
 * trees never saw, it makes a score of 0.3 mean about 30 %.
 *
 * @param raw the raw scores at the block centres, increasing
 * @param calibrated the calibrated probability at each of them, non-decreasing
 */
public record IsotonicCalibration(double[] raw, double[] calibrated) {

	/**
	 * Blocks are merged until each holds at least this many samples or this share of all
	 * (whichever is more), so a handful of pool-days cannot set an extreme level.
	 */
	static final int MIN_BLOCK = 25;

	static final double MIN_BLOCK_SHARE = 0.02;

	public IsotonicCalibration {
		if (raw.length == 0 || raw.length != calibrated.length) {
			throw new IllegalArgumentException("A calibration needs as many points as levels, at least one");
		}
		raw = raw.clone();
		calibrated = calibrated.clone();
	}

	/**
	 * This calibration with every level moved towards {@code base}, keeping {@code keep}
	 * of its distance.
	 */
	public IsotonicCalibration shrunk(double base, double keep) {
		double[] levels = new double[this.calibrated.length];
		for (int i = 0; i < levels.length; i++) {
			levels[i] = base + keep * (this.calibrated[i] - base);
		}
		return new IsotonicCalibration(this.raw, levels);
	}

	public static IsotonicCalibration fit(double[] scores, double[] outcomes) {
		int n = scores.length;
		int minBlock = Math.max(MIN_BLOCK, (int) (n * MIN_BLOCK_SHARE));
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
		double[] sumY = new double[n];
		double[] sumX = new double[n];
		int[] weight = new int[n];
		int blocks = 0;
		for (int k = 0; k < n; k++) {
			int i = order[k];
			sumY[blocks] = outcomes[i];
			sumX[blocks] = scores[i];
			weight[blocks] = 1;
			blocks++;
			while (blocks > 1 && sumY[blocks - 2] / weight[blocks - 2] >= sumY[blocks - 1] / weight[blocks - 1]) {
				sumY[blocks - 2] += sumY[blocks - 1];
				sumX[blocks - 2] += sumX[blocks - 1];
				weight[blocks - 2] += weight[blocks - 1];
				blocks--;
			}
		}
		// merge blocks that are too small into their neighbour, keeping monotonicity
		double[] x = new double[blocks];
		double[] y = new double[blocks];
		int[] w = new int[blocks];
		int m = 0;
		for (int b = 0; b < blocks; b++) {
			x[m] = sumX[b];
			y[m] = sumY[b];
			w[m] = weight[b];
			if (m > 0 && (w[m - 1] < minBlock || w[m] < minBlock && b == blocks - 1)) {
				x[m - 1] += x[m];
				y[m - 1] += y[m];
				w[m - 1] += w[m];
			}
			else {
				m++;
			}
		}
		double[] raw = new double[m];
		double[] calibrated = new double[m];
		for (int b = 0; b < m; b++) {
			raw[b] = x[b] / w[b];
			calibrated[b] = y[b] / w[b];
		}
		for (int b = 1; b < m; b++) {
			calibrated[b] = Math.max(calibrated[b], calibrated[b - 1]);
		}
		return new IsotonicCalibration(raw, calibrated);
	}

	public double apply(double score) {
		if (score <= this.raw[0]) {
			return this.calibrated[0];
		}
		int last = this.raw.length - 1;
		if (score >= this.raw[last]) {
			return this.calibrated[last];
		}
		int i = Arrays.binarySearch(this.raw, score);
		if (i >= 0) {
			return this.calibrated[i];
		}
		int hi = -i - 1;
		int lo = hi - 1;
		double f = (score - this.raw[lo]) / (this.raw[hi] - this.raw[lo]);
		return this.calibrated[lo] + f * (this.calibrated[hi] - this.calibrated[lo]);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IsotonicCalibration that && Arrays.equals(this.raw, that.raw)
				&& Arrays.equals(this.calibrated, that.calibrated);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.raw) + Arrays.hashCode(this.calibrated);
	}

	@Override
	public String toString() {
		return "IsotonicCalibration[" + this.raw.length + " levels]";
	}

}
