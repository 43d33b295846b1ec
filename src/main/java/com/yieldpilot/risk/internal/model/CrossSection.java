package com.yieldpilot.risk.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.yieldpilot.risk.internal.model.FeatureBuilder.Row;

/**
 * The second pass of the features: each pool-day against its peers (same chain and asset)
 * and against the whole market that day, and the small order statistics they need. Reads
 * only the day's rows, which hold data up to that day.
 */
final class CrossSection {

	/**
	 * Sorted known values of the columns ranked against during one day's pass, by array
	 * identity (arrays do not override equals): each market-wide and peer-group column is
	 * sorted once a day rather than once per pool, which made a day of 20,000 pools take
	 * seconds. Dropped after the day's pass.
	 */
	private static final ThreadLocal<Map<float[], float[]>> SORTED = new ThreadLocal<>();

	private CrossSection() {
	}

	/** Features of one day's rows relative to their peers and to the whole market. */
	static void fill(List<Row> day, MarketOutcomes marketOutcomes) {
		SORTED.set(new HashMap<>());
		try {
			fillDay(day, marketOutcomes);
		}
		finally {
			SORTED.remove();
		}
	}

	private static void fillDay(List<Row> day, MarketOutcomes marketOutcomes) {
		Map<String, List<Row>> groups = new HashMap<>();
		for (Row row : day) {
			groups.computeIfAbsent(row.peerGroup(), k -> new ArrayList<>()).add(row);
		}
		float[] apy7 = column(day, Feature.APY_MEAN_7D);
		float[] variation = column(day, Feature.APY_VARIATION_30D);
		float[] tvl = column(day, Feature.TVL);
		float[] tvlChange = column(day, Feature.TVL_CHANGE_7D);
		float[] trend = column(day, Feature.APY_TREND);
		float[] volatility7 = column(day, Feature.APY_VOLATILITY_7D);
		float[] tvlVolatility = column(day, Feature.TVL_VOLATILITY_30D);
		double marketTvlChange = median(tvlChange);
		double outflows = 0;
		int flows = 0;
		for (float change : tvlChange) {
			if (!Float.isNaN(change)) {
				flows++;
				outflows += (change < Math.log(0.9)) ? 1 : 0;
			}
		}
		long t = day.get(0).day();
		int adverse = 0;
		int known = 0;
		for (long s = t - Outcome.HORIZON_DAYS - 29; s <= t - Outcome.HORIZON_DAYS; s++) {
			adverse += marketOutcomes.adverse(s);
			known += marketOutcomes.known(s);
		}
		double marketTrend = median(trend);
		double pools = Math.log10(day.size());
		double marketRate = (known == 0) ? Double.NaN : (double) adverse / known;
		double earlyRate = marketOutcomes.earlyRate(t);
		// each peer group's columns once, not once per pool of the group
		Map<String, float[][]> peerColumns = new HashMap<>();
		groups.forEach((name, group) -> {
			if (group.size() >= FeatureBuilder.MIN_PEERS && !name.equals("*")) {
				peerColumns.put(name, new float[][] { column(group, Feature.APY_MEAN_7D),
						column(group, Feature.APY_VARIATION_30D), column(group, Feature.TVL) });
			}
		});
		float[][] market = { apy7, variation, tvl };
		for (Row row : day) {
			float[][] peers = peerColumns.getOrDefault(row.peerGroup(), market);
			float[] peerApy = peers[0];
			float[] peerVariation = peers[1];
			float[] peerTvl = peers[2];
			float[] x = row.x();
			double median = median(peerApy);
			FeatureBuilder.set(x, Feature.APY_VS_PEERS, FeatureBuilder.ratio(x[Feature.APY_MEAN_7D.ordinal()], median));
			FeatureBuilder.set(x, Feature.APY_PEER_RANK, rank(peerApy, x[Feature.APY_MEAN_7D.ordinal()]));
			FeatureBuilder.set(x, Feature.VOLATILITY_PEER_RANK,
					rank(peerVariation, x[Feature.APY_VARIATION_30D.ordinal()]));
			FeatureBuilder.set(x, Feature.TVL_PEER_RANK, rank(peerTvl, x[Feature.TVL.ordinal()]));
			FeatureBuilder.set(x, Feature.TVL_CHANGE_VS_MARKET, x[Feature.TVL_CHANGE_7D.ordinal()] - marketTvlChange);
			FeatureBuilder.set(x, Feature.APY_VOLATILITY_RANK,
					rank(volatility7, x[Feature.APY_VOLATILITY_7D.ordinal()]));
			FeatureBuilder.set(x, Feature.APY_TREND_RANK, rank(trend, x[Feature.APY_TREND.ordinal()]));
			FeatureBuilder.set(x, Feature.TVL_VOLATILITY_RANK,
					rank(tvlVolatility, x[Feature.TVL_VOLATILITY_30D.ordinal()]));
			FeatureBuilder.set(x, Feature.MARKET_APY_TREND, marketTrend);
			FeatureBuilder.set(x, Feature.MARKET_TVL_CHANGE_7D, marketTvlChange);
			FeatureBuilder.set(x, Feature.MARKET_OUTFLOW_SHARE, (flows == 0) ? Double.NaN : outflows / flows);
			FeatureBuilder.set(x, Feature.MARKET_POOLS, pools);
			FeatureBuilder.set(x, Feature.MARKET_ADVERSE_RATE, marketRate);
			FeatureBuilder.set(x, Feature.MARKET_EARLY_ADVERSE_RATE, earlyRate);
		}
	}

	private static float[] column(List<Row> rows, Feature feature) {
		float[] values = new float[rows.size()];
		for (int i = 0; i < values.length; i++) {
			values[i] = rows.get(i).x()[feature.ordinal()];
		}
		return values;
	}

	static double median(float[] values) {
		float[] known = sortedKnown(values);
		if (known.length == 0) {
			return Double.NaN;
		}
		int mid = known.length / 2;
		return (known.length % 2 == 1) ? known[mid] : (known[mid - 1] + known[mid]) / 2.0;
	}

	/** The share of known values below v, ties counting half. */
	static double rank(float[] values, float v) {
		if (Float.isNaN(v)) {
			return Double.NaN;
		}
		float[] known = sortedKnown(values);
		int count = known.length;
		// counted with the primitive comparisons, so -0 and 0 tie as they did in a scan
		int below = firstIndex(known, (value) -> !(value < v));
		int equal = firstIndex(known, (value) -> value > v) - below;
		return (count <= 1) ? Double.NaN : (below + 0.5 * (equal - 1)) / (count - 1);
	}

	/**
	 * The first index whose value passes the test, which fails before it and passes
	 * after.
	 */
	private static int firstIndex(float[] sorted, FloatTest test) {
		int low = 0;
		int high = sorted.length;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (test.passes(sorted[mid])) {
				high = mid;
			}
			else {
				low = mid + 1;
			}
		}
		return low;
	}

	/** The known values in ascending order, sorted once per array during a day's pass. */
	private static float[] sortedKnown(float[] values) {
		Map<float[], float[]> sorted = SORTED.get();
		return (sorted != null) ? sorted.computeIfAbsent(values, CrossSection::sort) : sort(values);
	}

	private static float[] sort(float[] values) {
		float[] known = known(values);
		Arrays.sort(known);
		return known;
	}

	private interface FloatTest {

		boolean passes(float value);

	}

	private static float[] known(float[] values) {
		int n = 0;
		float[] known = new float[values.length];
		for (float v : values) {
			if (!Float.isNaN(v)) {
				known[n++] = v;
			}
		}
		return Arrays.copyOf(known, n);
	}

}
