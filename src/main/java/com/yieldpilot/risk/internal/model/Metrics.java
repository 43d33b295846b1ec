package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How good scores are against outcomes (1 adverse, 0 not).
 *
 * @param auc area under the ROC curve, ties counting half
 * @param brier mean squared error of the probabilities
 * @param ece expected calibration error over ten equal-width bins
 * @param baseRate the share of adverse outcomes
 * @param count the number of scored outcomes
 */
public record Metrics(double auc, double brier, double ece, double baseRate, int count) {

	public static final int ECE_BINS = 10;

	public static Metrics of(double[] scores, double[] outcomes) {
		if (scores.length != outcomes.length) {
			throw new IllegalArgumentException("scores and outcomes differ in length");
		}
		double brier = 0;
		double positives = 0;
		for (int i = 0; i < scores.length; i++) {
			brier += (scores[i] - outcomes[i]) * (scores[i] - outcomes[i]);
			positives += outcomes[i];
		}
		int n = scores.length;
		return new Metrics(auc(scores, outcomes), (n == 0) ? Double.NaN : brier / n, ece(scores, outcomes),
				(n == 0) ? Double.NaN : positives / n, n);
	}

	/** Mann–Whitney AUC; {@code NaN} without both classes. */
	public static double auc(double[] scores, double[] outcomes) {
		int n = scores.length;
		Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
		double rankSum = 0;
		long positives = 0;
		int i = 0;
		while (i < n) {
			int j = i;
			while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				if (outcomes[order[k]] > 0.5) {
					rankSum += rank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = n - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	/**
	 * The weighted mean gap between mean score and outcome rate in ten equal-width bins.
	 */
	public static double ece(double[] scores, double[] outcomes) {
		double[] sum = new double[ECE_BINS];
		double[] hits = new double[ECE_BINS];
		int[] count = new int[ECE_BINS];
		for (int i = 0; i < scores.length; i++) {
			int bin = Math.min(ECE_BINS - 1, Math.max(0, (int) (scores[i] * ECE_BINS)));
			sum[bin] += scores[i];
			hits[bin] += outcomes[i];
			count[bin]++;
		}
		double ece = 0;
		for (int b = 0; b < ECE_BINS; b++) {
			if (count[b] > 0) {
				ece += Math.abs(sum[b] - hits[b]) / scores.length;
			}
		}
		return (scores.length == 0) ? Double.NaN : ece;
	}

	/** Per bin: mean score, outcome rate and count, for a reliability diagram. */
	public static double[][] reliability(double[] scores, double[] outcomes) {
		double[][] bins = new double[ECE_BINS][3];
		for (int i = 0; i < scores.length; i++) {
			int bin = Math.min(ECE_BINS - 1, Math.max(0, (int) (scores[i] * ECE_BINS)));
			bins[bin][0] += scores[i];
			bins[bin][1] += outcomes[i];
			bins[bin][2]++;
		}
		for (double[] bin : bins) {
			if (bin[2] > 0) {
				bin[0] /= bin[2];
				bin[1] /= bin[2];
			}
		}
		return bins;
	}

}
