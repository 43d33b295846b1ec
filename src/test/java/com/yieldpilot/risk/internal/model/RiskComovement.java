package com.yieldpilot.risk.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ninth-round experiment: peers found from the data when the pool id names none. On each
 * day, a pool's peers are the k pools whose daily log APY changes over the last W days
 * correlate most with its own (data up to the day only). Written into the three slots
 * that are always unknown on opaque ids (stablecoin, protocol incidents), so the trees
 * can use them without a new feature: the peers' early adverse rate, their median 7-day
 * APY change, and the mean correlation with them.
 */
final class RiskComovement {

	private RiskComovement() {
	}

	static void fill(FeatureTable table, int window, int k, String mode) {
		List<PoolHistory> pools = new ArrayList<>();
		for (int r = 0; r < table.size(); r++) {
			while (pools.size() <= table.pool(r)) {
				pools.add(null);
			}
			pools.set(table.pool(r), table.history(r));
		}
		byte[][] earlyAdverse = new byte[pools.size()][];
		byte[][] earlyKnown = new byte[pools.size()][];
		for (int p = 0; p < pools.size(); p++) {
			PoolHistory h = pools.get(p);
			if (h == null) {
				continue;
			}
			int n = (int) (h.lastDay() - h.firstDay() + 1);
			earlyAdverse[p] = new byte[n];
			earlyKnown[p] = new byte[n];
			Outcome.early(h, Long.MIN_VALUE, earlyAdverse[p], earlyKnown[p]);
		}
		float[] x = table.features();
		int overwritten = 0;
		int filled = 0;
		int sparse = 0;
		int few = 0;
		int start = 0;
		while (start < table.size()) {
			int end = start;
			while (end < table.size() && table.day(end) == table.day(start)) {
				end++;
			}
			long t = table.day(start);
			int m = end - start;
			double[][] v = new double[m][];
			for (int i = 0; i < m; i++) {
				v[i] = changes(table.history(start + i), t, window, mode);
			}
			for (int i = 0; i < m; i++) {
				int r = start + i;
				for (Feature f : List.of(Feature.STABLECOIN, Feature.PROTOCOL_INCIDENTS_365D,
						Feature.PROTOCOL_DAYS_SINCE_INCIDENT)) {
					if (!Float.isNaN(x[r * Feature.COUNT + f.ordinal()])) {
						overwritten++;
					}
					x[r * Feature.COUNT + f.ordinal()] = Float.NaN;
				}
				if (v[i] == null) {
					sparse++;
					continue;
				}
				double[] corr = new double[m];
				Integer[] order = new Integer[m];
				int c = 0;
				for (int j = 0; j < m; j++) {
					if (j == i || v[j] == null) {
						continue;
					}
					double dot = 0;
					for (int d = 0; d < window; d++) {
						dot += v[i][d] * v[j][d];
					}
					corr[j] = dot;
					order[c++] = j;
				}
				if (c < k) {
					few++;
					continue;
				}
				Integer[] ranked = Arrays.copyOf(order, c);
				Arrays.sort(ranked, (a, b) -> Double.compare(corr[b], corr[a]));
				int adverse = 0;
				int known = 0;
				double corrSum = 0;
				float[] change = new float[k];
				float[] level = new float[k];
				float[] trend = new float[k];
				for (int q = 0; q < k; q++) {
					int j = ranked[q];
					int peer = table.pool(start + j);
					PoolHistory h = table.history(start + j);
					int idx = (int) (t - h.firstDay());
					adverse += earlyAdverse[peer][idx];
					known += earlyKnown[peer][idx];
					corrSum += corr[j];
					change[q] = x[(start + j) * Feature.COUNT + Feature.APY_CHANGE_7D.ordinal()];
					level[q] = x[(start + j) * Feature.COUNT + Feature.APY_MEAN_7D.ordinal()];
					trend[q] = x[(start + j) * Feature.COUNT + Feature.APY_TREND.ordinal()];
				}
				filled++;
				double early = (known == 0) ? Double.NaN : (double) adverse / known;
				if (mode.endsWith("-relative")) {
					// the pool's 7-day APY against its peers' median, their early rate
					// and
					// their median trend
					double own = x[r * Feature.COUNT + Feature.APY_MEAN_7D.ordinal()];
					double peers = CrossSection.median(level);
					set(x, r, Feature.STABLECOIN, (own > 0 && peers > 0) ? Math.log(own / peers) : Double.NaN);
					set(x, r, Feature.PROTOCOL_INCIDENTS_365D, early);
					set(x, r, Feature.PROTOCOL_DAYS_SINCE_INCIDENT, CrossSection.median(trend));
				}
				else {
					set(x, r, Feature.STABLECOIN, early);
					set(x, r, Feature.PROTOCOL_INCIDENTS_365D, CrossSection.median(change));
					set(x, r, Feature.PROTOCOL_DAYS_SINCE_INCIDENT, corrSum / k);
				}
			}
			start = end;
		}
		System.out.println("comovement W=" + window + " k=" + k + " mode=" + mode + ": " + overwritten
				+ " known values overwritten, filled " + filled + " sparse " + sparse + " few " + few + " of "
				+ table.size());
	}

	private static void set(float[] x, int r, Feature f, double value) {
		x[r * Feature.COUNT + f.ordinal()] = Double.isFinite(value) ? (float) value : Float.NaN;
	}

	/**
	 * Centred, unit-norm daily log changes over (t - window, t], or null if too sparse.
	 */
	private static double[] changes(PoolHistory h, long t, int window, String mode) {
		double[] v = new double[window];
		int known = 0;
		for (int d = 0; d < window; d++) {
			long day = t - window + 1 + d;
			double a = value(h, day, mode);
			double b = value(h, day - 1, mode);
			if (!Double.isNaN(a) && !Double.isNaN(b)) {
				v[d] = a - b;
				known++;
			}
			else {
				v[d] = Double.NaN;
			}
		}
		if (known < window / 2) {
			return null;
		}
		double mean = 0;
		for (double d : v) {
			mean += Double.isNaN(d) ? 0 : d;
		}
		mean /= known;
		double norm = 0;
		for (int d = 0; d < window; d++) {
			v[d] = Double.isNaN(v[d]) ? 0 : v[d] - mean;
			norm += v[d] * v[d];
		}
		if (norm < 1e-12) {
			return null;
		}
		norm = Math.sqrt(norm);
		for (int d = 0; d < window; d++) {
			v[d] /= norm;
		}
		return v;
	}

	private static double value(PoolHistory h, long day, String mode) {
		if (day < h.firstDay() || day > h.lastDay() || !h.observed(day)) {
			return Double.NaN;
		}
		double v = mode.startsWith("tvl") ? h.tvl(day) : h.apy(day);
		if (Double.isNaN(v)) {
			return Double.NaN;
		}
		return mode.startsWith("tvl") ? Math.log(Math.max(v, 1)) : Math.log(Math.max(v, 0) + 0.1);
	}

}
