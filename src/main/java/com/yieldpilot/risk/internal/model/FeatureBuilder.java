package com.yieldpilot.risk.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * Computes the {@link Feature features} of every pool-day with enough history. Each row
 * reads its own pool's data up to its day, other pools' data up to the same day (peers
 * and market regime), incidents dated up to that day, and outcomes that matured by then:
 * nothing later, so a score never depends on the future (the no-look-ahead test changes
 * later values and compares).
 */
public final class FeatureBuilder {

	/** Observed days a pool needs before it is scored. */
	public static final int MIN_HISTORY_DAYS = 7;

	/**
	 * Pools of the same chain and asset needed on a day for a peer group of their own.
	 */
	static final int MIN_PEERS = 5;

	private static final Set<String> STABLECOINS = Set.of("USDC", "USDT", "DAI", "USDS", "USDE", "SUSDE", "FRAX",
			"LUSD", "GHO", "PYUSD", "USDC.E", "USDBC", "CRVUSD", "TUSD", "BUSD", "USD0", "USDM", "RLUSD", "FDUSD",
			"USDT0", "SDAI", "SUSDS", "EURC", "DOLA", "MIM", "USDX", "BOLD", "USD1", "USDG");

	private static final int F = Feature.COUNT;

	/** Pools from which the first pass runs on every core. */
	private static final int PARALLEL_FROM = 256;

	private FeatureBuilder() {
	}

	public static FeatureTable build(List<PoolHistory> pools, List<Incident> incidents) {
		return build(pools, incidents, MIN_HISTORY_DAYS);
	}

	/**
	 * The same with another minimum of observed days: scoring in the app builds rows for
	 * pools too young for the model, which the cold-start heuristic scores.
	 */
	public static FeatureTable build(List<PoolHistory> pools, List<Incident> incidents, int minHistoryDays) {
		return build(pools, incidents, minHistoryDays, Long.MIN_VALUE);
	}

	/**
	 * Rows only for the days from {@code fromDay} on, and for each pool's last observed
	 * day: what scoring needs, which reads 150 days of history to score one. The rows
	 * from {@code fromDay} on are the same as a full build's (their days' peers are all
	 * there); the cross-section features of a pool's last day before it are computed
	 * among the pools whose last day it also is.
	 */
	public static FeatureTable build(List<PoolHistory> pools, List<Incident> incidents, int minHistoryDays,
			long fromDay) {
		return assemble(pools, own(pools, incidents, minHistoryDays, fromDay));
	}

	/**
	 * The first pass of {@link #build(List, List, int, long)}: each pool's features that
	 * read only its own history (and the incidents), with its outcomes, computed on both
	 * cores for many pools. The result depends on nothing else, so it can be kept while
	 * the pool's history, the incidents and the arguments stay the same.
	 */
	public static List<PoolFeatures> own(List<PoolHistory> pools, List<Incident> incidents, int minHistoryDays,
			long fromDay) {
		IncidentIndex incidentIndex = new IncidentIndex(incidents);
		IntStream indexes = IntStream.range(0, pools.size());
		if (pools.size() >= PARALLEL_FROM) {
			indexes = indexes.parallel();
		}
		// encounter order is kept, and each pool's result is independent of the others'
		return indexes.mapToObj((p) -> own(pools.get(p), incidentIndex, minHistoryDays, fromDay)).toList();
	}

	private static PoolFeatures own(PoolHistory history, IncidentIndex incidentIndex, int minHistoryDays,
			long fromDay) {
		double[] outcomes = new double[(int) (history.lastDay() - history.firstDay() + 1)];
		for (long d = history.firstDay(); d <= history.lastDay(); d++) {
			outcomes[(int) (d - history.firstDay())] = history.observed(d) ? Outcome.of(history, d) : Double.NaN;
		}
		Descriptor descriptor = Descriptor.of(history.pool());
		List<float[]> rows = new ArrayList<>();
		List<Long> days = new ArrayList<>();
		int seen = 0;
		for (long d = history.firstDay(); d <= history.lastDay(); d++) {
			if (!history.observed(d)) {
				continue;
			}
			seen++;
			if (seen < minHistoryDays || (d < fromDay && d != history.lastDay())) {
				continue;
			}
			float[] x = new float[F];
			Arrays.fill(x, Float.NaN);
			OwnHistoryFeatures.fill(history, d, x);
			pastOutcomes(history, outcomes, d, x);
			incidentIndex.fill(descriptor.protocolKey(), d, x);
			set(x, Feature.STABLECOIN, descriptor.stablecoin());
			rows.add(x);
			days.add(d);
		}
		float[] features = new float[rows.size() * F];
		for (int r = 0; r < rows.size(); r++) {
			System.arraycopy(rows.get(r), 0, features, r * F, F);
		}
		return new PoolFeatures(history, minHistoryDays, fromDay, descriptor.peerGroup(),
				days.stream().mapToLong(Long::longValue).toArray(), features, outcomes);
	}

	/**
	 * The second pass: the pools' rows of {@link #own} (in the same order as the pools)
	 * against their peers and the market of each day, as one table.
	 */
	public static FeatureTable assemble(List<PoolHistory> pools, List<PoolFeatures> own) {
		if (pools.size() != own.size()) {
			throw new IllegalArgumentException(pools.size() + " pools, " + own.size() + " sets of features");
		}
		List<Row> rows = new ArrayList<>();
		long firstDay = Long.MAX_VALUE;
		long lastDay = Long.MIN_VALUE;
		for (int p = 0; p < pools.size(); p++) {
			PoolFeatures features = own.get(p);
			if (features.history() != pools.get(p)) {
				throw new IllegalArgumentException(
						"The features of " + features.history() + " are not those of " + pools.get(p));
			}
			for (int r = 0; r < features.rows(); r++) {
				// a copy: the cross-section fills it, and the pool's own part may be kept
				rows.add(new Row(p, features.day(r), features.peerGroup(), features.row(r), features.rowOutcome(r)));
			}
			firstDay = Math.min(firstDay, pools.get(p).firstDay());
			lastDay = Math.max(lastDay, pools.get(p).lastDay());
		}
		MarketOutcomes marketOutcomes = MarketOutcomes.of(own, firstDay, lastDay);
		rows.sort(Comparator.comparingLong(Row::day).thenComparingInt(Row::pool));
		List<List<Row>> days = new ArrayList<>();
		int start = 0;
		while (start < rows.size()) {
			int end = start;
			while (end < rows.size() && rows.get(end).day() == rows.get(start).day()) {
				end++;
			}
			days.add(rows.subList(start, end));
			start = end;
		}
		// a day's pass reads and fills only that day's rows
		Stream<List<Row>> passes = days.stream();
		if (rows.size() >= PARALLEL_FROM) {
			passes = passes.parallel();
		}
		passes.forEach((dayRows) -> CrossSection.fill(dayRows, marketOutcomes));
		int n = rows.size();
		int[] pool = new int[n];
		long[] day = new long[n];
		float[] features = new float[n * F];
		double[] outcome = new double[n];
		for (int r = 0; r < n; r++) {
			Row row = rows.get(r);
			pool[r] = row.pool();
			day[r] = row.day();
			outcome[r] = row.outcome();
			System.arraycopy(row.x(), 0, features, r * F, F);
		}
		return new FeatureTable(List.copyOf(pools), pool, day, features, outcome);
	}

	/** The pool's outcomes that matured by day t: its recent record of turning bad. */
	private static void pastOutcomes(PoolHistory h, double[] outcomes, long t, float[] x) {
		long newest = t - Outcome.HORIZON_DAYS;
		set(x, Feature.POOL_ADVERSE_RATE_90D, rate(h, outcomes, newest - 89, newest));
		set(x, Feature.POOL_ADVERSE_RECENT, rate(h, outcomes, newest - 6, newest));
	}

	private static double rate(PoolHistory h, double[] outcomes, long from, long to) {
		double sum = 0;
		int count = 0;
		for (long d = Math.max(from, h.firstDay()); d <= Math.min(to, h.lastDay()); d++) {
			double o = outcomes[(int) (d - h.firstDay())];
			if (!Double.isNaN(o)) {
				sum += o;
				count++;
			}
		}
		return (count == 0) ? Double.NaN : sum / count;
	}

	static double ratio(double value, double reference) {
		return (Math.abs(reference) > 1e-6 && !Double.isNaN(value)) ? value / reference - 1 : Double.NaN;
	}

	static void set(float[] x, Feature feature, double value) {
		x[feature.ordinal()] = Double.isFinite(value) ? (float) value : Float.NaN;
	}

	/**
	 * One pool-day: its features, filled in two passes (own history, then cross-section).
	 */
	record Row(int pool, long day, String peerGroup, float[] x, double outcome) {
	}

	/**
	 * What a pool's id tells: its protocol, peer group (chain and asset) and stablecoin
	 * exposure.
	 */
	private record Descriptor(@Nullable String protocolKey, String peerGroup, double stablecoin) {

		static Descriptor of(String pool) {
			return PoolId.tryParse(pool).map(id -> {
				String[] assets = id.asset().toUpperCase(Locale.ROOT).split("[-/]");
				boolean stable = Arrays.stream(assets).allMatch(STABLECOINS::contains);
				return new Descriptor(Incident.key(id.protocol()),
						id.chain() + ":" + id.asset().toUpperCase(Locale.ROOT), stable ? 1.0 : 0.0);
			}).orElse(new Descriptor(null, "*", Double.NaN));
		}

	}

}
