package com.yieldpilot.risk.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
		Incidents incidentIndex = new Incidents(incidents);
		IntStream indexes = IntStream.range(0, pools.size());
		if (pools.size() >= PARALLEL_FROM) {
			indexes = indexes.parallel();
		}
		// encounter order is kept, and each pool's result is independent of the others'
		return indexes.mapToObj((p) -> own(pools.get(p), incidentIndex, minHistoryDays, fromDay)).toList();
	}

	private static PoolFeatures own(PoolHistory history, Incidents incidentIndex, int minHistoryDays, long fromDay) {
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
			own(history, d, x);
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

	/** The pool's own APY, reward and TVL features from its data up to day t. */
	private static void own(PoolHistory h, long t, float[] x) {
		double apy = h.apy(t);
		Stats apy7 = Stats.apy(h, t, 7);
		Stats apy30 = Stats.apy(h, t, 30);
		Stats apyPrevious7 = Stats.apy(h, t - 7, 7);
		set(x, Feature.APY, apy);
		set(x, Feature.APY_MEAN_7D, apy7.mean());
		set(x, Feature.APY_MEAN_30D, apy30.mean());
		set(x, Feature.APY_VOLATILITY_7D, apy7.std());
		set(x, Feature.APY_VOLATILITY_30D, apy30.std());
		set(x, Feature.APY_VARIATION_30D, apy30.std() / Math.max(Math.abs(apy30.mean()), 0.01));
		set(x, Feature.APY_TREND, ratio(apy7.mean(), apy30.mean()));
		set(x, Feature.APY_CHANGE_7D, ratio(apy7.mean(), apyPrevious7.mean()));
		set(x, Feature.APY_VS_MEDIAN_90D, ratio(apy7.mean(), Stats.apyMedian(h, t, 90)));
		set(x, Feature.APY_SPIKE, ratio(apy, apy7.mean()));
		set(x, Feature.APY_PEAK_30D, ratio(apy30.max(), apy7.mean()));
		set(x, Feature.APY_LOG_VOLATILITY_7D, logVolatility(h, t, 7));
		set(x, Feature.APY_LOG_VOLATILITY_30D, logVolatility(h, t, 30));
		set(x, Feature.APY_VS_MEAN_90D, ratio(apy7.mean(), Stats.apy(h, t, 90).mean()));
		set(x, Feature.APY_HELD_28D, ratio(Stats.apy(h, t, 28).mean(), Stats.apy(h, t - 28, 7).mean()));
		set(x, Feature.APY_DROP_FREQUENCY, dropFrequency(h, t));
		double share = rewardShare(h, t);
		double shareSum = 0;
		int shareCount = 0;
		for (long d = t - 29; d <= t; d++) {
			double s = rewardShare(h, d);
			if (!Double.isNaN(s)) {
				shareSum += s;
				shareCount++;
			}
		}
		double share30 = (shareCount == 0) ? Double.NaN : shareSum / shareCount;
		set(x, Feature.REWARD_SHARE, share);
		set(x, Feature.REWARD_SHARE_30D, share30);
		set(x, Feature.REWARD_SHARE_CHANGE, share - share30);
		set(x, Feature.BASE_APY_MEAN_7D, Stats.base(h, t, 7).mean());

		double tvl = h.tvl(t);
		set(x, Feature.TVL, (tvl >= 0) ? Math.log10(tvl + 1) : Double.NaN);
		set(x, Feature.TVL_CHANGE_1D, logChange(tvl, h.tvl(t - 1)));
		set(x, Feature.TVL_CHANGE_7D, logChange(tvl, tvlAtOrBefore(h, t - 7, 3)));
		set(x, Feature.TVL_CHANGE_30D, logChange(tvl, tvlAtOrBefore(h, t - 30, 7)));
		double max90 = Double.NaN;
		for (long d = t - 89; d <= t; d++) {
			double v = h.tvl(d);
			if (!Double.isNaN(v) && (Double.isNaN(max90) || v > max90)) {
				max90 = v;
			}
		}
		set(x, Feature.TVL_DRAWDOWN_90D, (max90 > 0 && tvl >= 0) ? tvl / max90 - 1 : Double.NaN);
		double sum = 0;
		double sumSq = 0;
		double worst = Double.NaN;
		int count = 0;
		int inflows = 0;
		int flows14 = 0;
		for (long d = t - 29; d <= t; d++) {
			double change = logChange(h.tvl(d), h.tvl(d - 1));
			if (Double.isNaN(change)) {
				continue;
			}
			sum += change;
			sumSq += change * change;
			count++;
			worst = Double.isNaN(worst) ? change : Math.min(worst, change);
			if (d > t - 14) {
				flows14++;
				inflows += (change > 0) ? 1 : 0;
			}
		}
		set(x, Feature.TVL_VOLATILITY_30D,
				(count >= 3) ? Math.sqrt(Math.max(0, sumSq / count - (sum / count) * (sum / count))) : Double.NaN);
		set(x, Feature.TVL_WORST_DAY_30D, worst);
		set(x, Feature.TVL_VOLATILITY_7D, tvlVolatility(h, t, 7));
		set(x, Feature.TVL_INFLOW_DAYS_14D, (flows14 > 0) ? (double) inflows / flows14 : Double.NaN);
		set(x, Feature.TVL_FLOW_ACCELERATION,
				x[Feature.TVL_CHANGE_7D.ordinal()] - x[Feature.TVL_CHANGE_30D.ordinal()] * 7.0 / 30.0);

		set(x, Feature.DAYS_OF_HISTORY, t - h.firstDay());
		int observed = 0;
		for (long d = t - 29; d <= t; d++) {
			observed += h.observed(d) ? 1 : 0;
		}
		set(x, Feature.COVERAGE_30D, observed / 30.0);
		set(x, Feature.APY_ZSCORE_30D,
				(apy30.std() > 1e-9) ? (apy - apy30.mean()) / apy30.std() : (apy30.count() > 1 ? 0 : Double.NaN));
		set(x, Feature.APY_OUTLIER, Double.isNaN(apy) ? Double.NaN : (apy > 100 ? 1 : 0));
	}

	/** Standard deviation of the daily change of log APY over the window. */
	private static double logVolatility(PoolHistory h, long t, int days) {
		double sum = 0;
		double sumSq = 0;
		int count = 0;
		for (long d = t - days + 1; d <= t; d++) {
			double a = h.apy(d);
			double b = h.apy(d - 1);
			if (a > 0 && b > 0) {
				double change = Math.log(a / b);
				sum += change;
				sumSq += change * change;
				count++;
			}
		}
		return (count >= 3) ? Math.sqrt(Math.max(0, sumSq / count - (sum / count) * (sum / count))) : Double.NaN;
	}

	private static double tvlVolatility(PoolHistory h, long t, int days) {
		double sum = 0;
		double sumSq = 0;
		int count = 0;
		for (long d = t - days + 1; d <= t; d++) {
			double change = logChange(h.tvl(d), h.tvl(d - 1));
			if (!Double.isNaN(change)) {
				sum += change;
				sumSq += change * change;
				count++;
			}
		}
		return (count >= 3) ? Math.sqrt(Math.max(0, sumSq / count - (sum / count) * (sum / count))) : Double.NaN;
	}

	/**
	 * A short analogue of the adverse event that is already known on day t: among the
	 * days s of the last three weeks whose following week has passed, the share where the
	 * mean APY of that week fell below 0.8 × the mean of the 7 days up to s.
	 */
	private static double dropFrequency(PoolHistory h, long t) {
		int drops = 0;
		int count = 0;
		for (long s = t - 27; s <= t - 7; s++) {
			double before = Stats.apy(h, s, 7).mean();
			double after = Stats.apy(h, s + 7, 7).mean();
			if (before > 0 && !Double.isNaN(after)) {
				count++;
				drops += (after < Outcome.APY_HOLD * before) ? 1 : 0;
			}
		}
		return (count >= 5) ? (double) drops / count : Double.NaN;
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

	private static double rewardShare(PoolHistory h, long d) {
		double apy = h.apy(d);
		if (Double.isNaN(apy) || apy <= 1e-9) {
			return Double.NaN;
		}
		double reward = h.apyReward(d);
		if (Double.isNaN(reward)) {
			double base = h.apyBase(d);
			reward = Double.isNaN(base) ? Double.NaN : Math.max(0, apy - base);
		}
		return Double.isNaN(reward) ? Double.NaN : Math.min(1, Math.max(0, reward / apy));
	}

	private static double tvlAtOrBefore(PoolHistory h, long day, int tolerance) {
		for (long d = day; d > day - tolerance; d--) {
			double v = h.tvl(d);
			if (!Double.isNaN(v)) {
				return v;
			}
		}
		return Double.NaN;
	}

	private static double logChange(double now, double before) {
		return (now > 0 && before > 0) ? Math.log(now / before) : Double.NaN;
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

	/** Running statistics of a window of a pool's values. */
	private record Stats(double mean, double std, double max, int count) {

		static Stats apy(PoolHistory h, long t, int days) {
			return of(h, t, days, false);
		}

		static Stats base(PoolHistory h, long t, int days) {
			return of(h, t, days, true);
		}

		private static Stats of(PoolHistory h, long t, int days, boolean base) {
			double sum = 0;
			double sumSq = 0;
			double max = Double.NaN;
			int count = 0;
			for (long d = t - days + 1; d <= t; d++) {
				double v = base ? h.apyBase(d) : h.apy(d);
				if (Double.isNaN(v)) {
					continue;
				}
				sum += v;
				sumSq += v * v;
				count++;
				max = Double.isNaN(max) ? v : Math.max(max, v);
			}
			if (count == 0) {
				return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
			}
			double mean = sum / count;
			double std = (count > 1) ? Math.sqrt(Math.max(0, sumSq / count - mean * mean)) : Double.NaN;
			return new Stats(mean, std, max, count);
		}

		static double apyMedian(PoolHistory h, long t, int days) {
			float[] values = new float[days];
			for (int i = 0; i < days; i++) {
				values[i] = (float) h.apy(t - i);
			}
			return CrossSection.median(values);
		}

	}

	/** Incidents by protocol and by day. */
	private static final class Incidents {

		private final Map<String, long[]> byProtocol = new HashMap<>();

		private final long[] days;

		private final double[] losses;

		Incidents(List<Incident> incidents) {
			Map<String, List<Long>> grouped = new HashMap<>();
			this.days = new long[incidents.size()];
			this.losses = new double[incidents.size()];
			for (int i = 0; i < incidents.size(); i++) {
				Incident incident = incidents.get(i);
				this.days[i] = incident.date().toEpochDay();
				this.losses[i] = incident.lossUsd();
				grouped.computeIfAbsent(incident.key(), k -> new ArrayList<>()).add(this.days[i]);
			}
			grouped.forEach((k, v) -> this.byProtocol.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
		}

		void fill(@Nullable String protocol, long t, float[] x) {
			if (this.days.length == 0) {
				return;
			}
			int count = 0;
			double loss = 0;
			for (int i = 0; i < this.days.length; i++) {
				if (this.days[i] <= t && this.days[i] > t - 30) {
					count++;
					loss += Double.isNaN(this.losses[i]) ? 0 : this.losses[i];
				}
			}
			set(x, Feature.MARKET_INCIDENTS_30D, count);
			set(x, Feature.MARKET_LOSS_30D, Math.log10(loss + 1));
			if (protocol == null) {
				return;
			}
			long[] own = this.byProtocol.getOrDefault(protocol, new long[0]);
			int year = 0;
			long last = Long.MIN_VALUE;
			for (long d : own) {
				if (d <= t) {
					last = d;
					year += (d > t - 365) ? 1 : 0;
				}
			}
			set(x, Feature.PROTOCOL_INCIDENTS_365D, year);
			set(x, Feature.PROTOCOL_DAYS_SINCE_INCIDENT, (last == Long.MIN_VALUE) ? Double.NaN : t - last);
		}

	}

}
