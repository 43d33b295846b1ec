package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training distribution of each feature, to tell when live features drift away from
 * it: decile edges of the known values plus the share of missing ones. The population
 * stability index (PSI) compares live shares per bin with these; above {@value #DRIFTING}
 * a feature counts as drifting (the usual rule of thumb: below 0.1 stable, 0.1–0.25
 * moving, above 0.25 shifted).
 *
 * @param edges per feature key, the nine inner decile edges
 * @param shares per feature key, the training share of each of the ten bins and of
 * missing values (eleven numbers)
 */
public record DriftBaseline(Map<String, double[]> edges, Map<String, double[]> shares) {

	public static final double DRIFTING = 0.25;

	private static final double FLOOR = 1e-4;

	public static DriftBaseline of(float[] features, int rows) {
		Map<String, double[]> edges = new LinkedHashMap<>();
		Map<String, double[]> shares = new LinkedHashMap<>();
		for (Feature feature : Feature.values()) {
			double[] known = new double[rows];
			int n = 0;
			for (int r = 0; r < rows; r++) {
				float v = features[r * Feature.COUNT + feature.ordinal()];
				if (!Float.isNaN(v)) {
					known[n++] = v;
				}
			}
			double[] sorted = Arrays.copyOf(known, n);
			Arrays.sort(sorted);
			double[] cut = new double[9];
			for (int q = 1; q <= 9; q++) {
				cut[q - 1] = (n == 0) ? 0 : sorted[Math.min(n - 1, (int) ((long) q * n / 10))];
			}
			edges.put(feature.key(), cut);
			shares.put(feature.key(), histogram(cut, features, rows, feature));
		}
		return new DriftBaseline(edges, shares);
	}

	/** PSI per feature key of the given rows against the training distribution. */
	public Map<String, Double> psi(float[] features, int rows) {
		Map<String, Double> psi = new LinkedHashMap<>();
		for (Feature feature : Feature.values()) {
			double[] cut = this.edges.get(feature.key());
			double[] expected = this.shares.get(feature.key());
			if (cut == null || expected == null || rows == 0) {
				continue;
			}
			double[] actual = histogram(cut, features, rows, feature);
			double sum = 0;
			for (int b = 0; b < actual.length; b++) {
				double a = Math.max(actual[b], FLOOR);
				double e = Math.max(expected[b], FLOOR);
				sum += (a - e) * Math.log(a / e);
			}
			psi.put(feature.key(), sum);
		}
		return psi;
	}

	private static double[] histogram(double[] cut, float[] features, int rows, Feature feature) {
		double[] counts = new double[11];
		for (int r = 0; r < rows; r++) {
			float v = features[r * Feature.COUNT + feature.ordinal()];
			if (Float.isNaN(v)) {
				counts[10]++;
				continue;
			}
			int bin = 0;
			while (bin < 9 && v > cut[bin]) {
				bin++;
			}
			counts[bin]++;
		}
		for (int b = 0; b < counts.length; b++) {
			counts[b] /= Math.max(1, rows);
		}
		return counts;
	}

}
