package com.yieldpilot.risk.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The tuning harness (not a test): walks forward once from {@code trainUntil} over a
 * history cut at {@code dataUntil} and reports each tuning split on its own, so a choice
 * can be judged on several periods at once. Scores of a month do not depend on where the
 * walk started (each month's model is trained as of the month before), so one walk serves
 * every split that starts later. Each split also reports its young pools (under 120 days
 * of history) apart, the kind that dominates later data.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:exec@risk-tuning -Drisk.eval="../shared/data/defillama-yields/chart_timeseries_479pools_2023-04_2025-10.csv.gz 2023-12-31 2024-12-31 ../shared/data/defi-hacks/defihacklabs_incidents.json"
 * </pre>
 *
 * JVM options ({@code -Drisk.tune="..."}): {@code -Dtrees -Deta -Ddepth -Dmcw -Dsubsample
 * -Dcolsample -Dlambda -Dcal -Dshrink -Dfloor} override the defaults;
 * {@code -Dvariants="all;all+-own"} runs several variants, each masking feature groups
 * ({@code -history -own -market -incidents -levels}) or single features ({@code -<key>});
 * {@code -Dbins=true} adds the reliability bins; {@code -Dmonthly=true} adds each month's
 * base rate, mean score and AUC, the pooled AUC had every month's level been right (an
 * oracle) and the pooled AUC of scores with no level at all (each day centred);
 * {@code -Dvariant=legs|legs-raw|level|centred|centred-level} combines and calibrates
 * otherwise ({@link RiskVariants}); {@code -Dunivariate=true} prints each month's base
 * rate and each feature's own AUC per split instead; {@code -Dregime=true} each month's
 * base rate, that of each half of the outcome and the market's medians of a few features;
 * {@code -Dnowcast=true} each month's rate against the market's early and matured adverse
 * rates; {@code -Dvariant=reg-prob|reg-blend|reg-stack|reg-apy|mono} the fourth round's
 * regression and monotone variants ({@link RiskRegression}, with {@code -DregLow
 * -DregHigh -Dmono=strong|volatility}); {@code -Dlevel} the market level's weight;
 * {@code -Dlevels=true} (with {@code -Dlevel=0}) the fifth round's level variants
 * ({@link RiskLevels}: per segment, per half of the outcome, smoothed, fitted), each
 * reported like a variant; {@code -Dvariant=recal-<k>|seeds-<n>|retrain-<k>} (combinable
 * with {@code +}, {@code -DrecalDays}) the sixth round's cadence and seed variants
 * ({@link RiskRecalibration}), {@code -Dvariants="all+ranks;all+ranks-all"} its level
 * features replaced by their rank within the day, and {@code -Dseed} another seed. A
 * variant may carry its own settings after {@code @}, e.g.
 * {@code -Dvariants="all;all@depth=2;all@trees=600,eta=0.02"} (the seventh round's
 * re-tuning): the variants then share one feature table.
 */
public final class RiskTuning {

	/** Tuning splits: first and last scored day. */
	private static final List<Split> SPLITS = List.of(new Split("2024Q1", "2024-01-01", "2024-03-31"),
			new Split("A: to 2024-03-31, score Apr-Aug", "2024-04-01", "2024-08-31"),
			new Split("B: to 2024-06-30, score Jul-Dec", "2024-07-01", "2024-12-31"));

	private RiskTuning() {
	}

	public static void main(String[] args) throws IOException {
		LocalDate trainUntil = LocalDate.parse(args[1]);
		long dataUntil = LocalDate.parse(args[2]).toEpochDay();
		List<PoolHistory> pools = new ArrayList<>();
		try (InputStream in = open(Path.of(args[0]));
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			for (PoolHistory history : HistoryCsv.read(reader)) {
				if (history.firstDay() <= dataUntil) {
					pools.add(history.until(dataUntil));
				}
			}
		}
		List<Incident> incidents = List.of();
		if (args.length > 3) {
			try (InputStream in = open(Path.of(args[3]))) {
				incidents = IncidentList.read(in).stream().filter(i -> i.date().toEpochDay() <= dataUntil).toList();
			}
		}
		FeatureTable table = FeatureBuilder.build(pools, incidents);
		if (Boolean.getBoolean("regime")) {
			regime(table, dataUntil);
			return;
		}
		if (Boolean.getBoolean("nowcast")) {
			RiskRegression.levelDiagnostic(table, dataUntil);
			return;
		}
		if (Boolean.getBoolean("univariate")) {
			univariate(table, dataUntil);
			return;
		}
		String variants = System.getProperty("variants", "all");
		for (String variant : variants.split(";")) {
			run(table, trainUntil, dataUntil, variant.trim());
		}
	}

	private static void run(FeatureTable full, LocalDate trainUntil, long dataUntil, String named) {
		// "all@depth=2,trees=300" sets a variant's own hyperparameters, so that one
		// feature table serves several settings (seventh round)
		String variant = named.contains("@") ? named.substring(0, named.indexOf('@')) : named;
		Map<String, String> overrides = new HashMap<>();
		if (named.contains("@")) {
			for (String pair : named.substring(named.indexOf('@') + 1).split(",")) {
				overrides.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
			}
		}
		Set<Feature> dropped = dropped(variant);
		Set<Feature> ranked = ranked(variant);
		FeatureTable table = (dropped.isEmpty() && ranked.isEmpty()) ? full : masked(full, dropped, ranked);
		Hyperparameters hyperparameters = hyperparameters(overrides);
		long started = System.nanoTime();
		String combination = System.getProperty("variant", "");
		Map<Long, RiskModel> models = new HashMap<>();
		List<WalkForward.ScoredRow> scored = combination.isEmpty()
				? WalkForward.score(table, trainUntil, hyperparameters, m -> models.put(m.summary().asOf(), m))
				: combination.matches("(recal|seeds|retrain).*")
						? RiskRecalibration.score(table, trainUntil, hyperparameters, combination)
						: combination.matches("(reg|mono).*")
								? RiskRegression.score(table, trainUntil, hyperparameters, combination)
								: RiskVariants.score(table, trainUntil, hyperparameters, combination);
		if (Boolean.getBoolean("levels")) {
			RiskLevels.variants(table, scored, models, hyperparameters).forEach((name, scores) -> {
				List<WalkForward.ScoredRow> moved = new ArrayList<>();
				for (int k = 0; k < scores.length; k++) {
					moved.add(new WalkForward.ScoredRow(scored.get(k).row(), scores[k], scored.get(k).modelAsOf()));
				}
				report(full, table, dataUntil, variant + " " + name, hyperparameters, started, moved);
			});
			return;
		}
		report(full, table, dataUntil, named, hyperparameters, started, scored);
	}

	private static void report(FeatureTable full, FeatureTable table, long dataUntil, String variant,
			Hyperparameters hyperparameters, long started, List<WalkForward.ScoredRow> scored) {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-14s %s %.0fs%n", variant, hyperparameters,
				(System.nanoTime() - started) / 1e9));
		double[] gains = new double[SPLITS.size()];
		int i = 0;
		for (Split split : SPLITS) {
			final long from = LocalDate.parse(split.from()).toEpochDay();
			final long to = Math.min(LocalDate.parse(split.to()).toEpochDay(), dataUntil - Outcome.HORIZON_DAYS);
			List<WalkForward.ScoredRow> rows = scored.stream()
				.filter(r -> table.day(r.row()) >= from && table.day(r.row()) <= to)
				.toList();
			RiskEvaluation.Result all = RiskEvaluation.evaluate(table, rows, dataUntil);
			RiskEvaluation.Result young = RiskEvaluation.evaluate(table,
					rows.stream().filter(r -> full.feature(r.row(), Feature.DAYS_OF_HISTORY) < 120).toList(),
					dataUntil);
			gains[i++] = all.model().auc() - all.volatilityAuc();
			line.append(String.format(Locale.ROOT,
					"  %-34s n %5d base %.3f AUC %.3f vol %.3f gain %+.3f ECE %.3f Brier %.4f | young n %4d AUC %.3f vol %.3f ECE %.3f%n",
					split.name(), all.model().count(), all.model().baseRate(), all.model().auc(), all.volatilityAuc(),
					gains[i - 1], all.model().ece(), all.model().brier(), young.model().count(), young.model().auc(),
					young.volatilityAuc(), young.model().ece()));
			if (Boolean.getBoolean("monthly")) {
				line.append(monthly(table, rows, dataUntil));
			}
			if (Boolean.getBoolean("bins")) {
				double[][] bins = Metrics.reliability(all.scores(), all.outcomes());
				for (double[] bin : bins) {
					line.append(
							String.format(Locale.ROOT, "    score %.3f rate %.3f n %.0f%n", bin[0], bin[1], bin[2]));
				}
			}
		}
		System.out.print(line);
		System.out.flush();
	}

	/** Per month: base rates of the outcome and its halves, and the market's medians. */
	private static void regime(FeatureTable table, long dataUntil) {
		List<Feature> market = List.of(Feature.APY_TREND, Feature.APY_VS_MEAN_90D, Feature.APY_HELD_28D,
				Feature.APY_SPIKE, Feature.APY_LOG_VOLATILITY_7D, Feature.TVL_CHANGE_7D, Feature.MARKET_ADVERSE_RATE,
				Feature.APY_DROP_FREQUENCY, Feature.APY_MEAN_7D, Feature.APY_CHANGE_7D);
		StringBuilder head = new StringBuilder("month    n     base  apyLeg tvlLeg");
		market.forEach(f -> head.append(String.format(Locale.ROOT, " %10.10s", f.key().replace("apy_", ""))));
		System.out.println(head);
		TreeMap<String, List<Integer>> months = new TreeMap<>();
		for (int r = 0; r < table.size(); r++) {
			if (table.maturedBy(r, dataUntil)) {
				months
					.computeIfAbsent(LocalDate.ofEpochDay(table.day(r)).toString().substring(0, 7),
							k -> new ArrayList<>())
					.add(r);
			}
		}
		months.forEach((month, rows) -> {
			double base = rows.stream().mapToDouble(table::outcome).average().orElseThrow();
			double apy = rows.stream()
				.mapToDouble(r -> Outcome.legs(table.history(r), table.day(r)).apy())
				.filter(v -> !Double.isNaN(v))
				.average()
				.orElse(Double.NaN);
			double tvl = rows.stream()
				.mapToDouble(r -> Outcome.legs(table.history(r), table.day(r)).tvl())
				.filter(v -> !Double.isNaN(v))
				.average()
				.orElse(Double.NaN);
			StringBuilder line = new StringBuilder(
					String.format(Locale.ROOT, "%s %5d %.3f %.3f %.3f", month, rows.size(), base, apy, tvl));
			for (Feature f : market) {
				double[] v = rows.stream()
					.mapToDouble(r -> table.feature(r, f))
					.filter(x -> !Double.isNaN(x))
					.sorted()
					.toArray();
				line.append(String.format(Locale.ROOT, " %10.3f", (v.length == 0) ? Double.NaN : v[v.length / 2]));
			}
			System.out.println(line);
		});
	}

	/**
	 * Diagnostics of the month's level: each month's own AUC, base rate and mean score,
	 * and the pooled AUC if every month's scores were shifted in log-odds to the month's
	 * true base rate (an oracle: how much tracking the regime could give).
	 */
	private static String monthly(FeatureTable table, List<WalkForward.ScoredRow> rows, long dataUntil) {
		TreeMap<String, List<WalkForward.ScoredRow>> months = new TreeMap<>();
		for (WalkForward.ScoredRow row : rows) {
			if (table.maturedBy(row.row(), dataUntil)) {
				months
					.computeIfAbsent(LocalDate.ofEpochDay(table.day(row.row())).toString().substring(0, 7),
							k -> new ArrayList<>())
					.add(row);
			}
		}
		StringBuilder out = new StringBuilder();
		List<Double> shifted = new ArrayList<>();
		List<Double> outcomes = new ArrayList<>();
		months.forEach((month, list) -> {
			double[] s = list.stream().mapToDouble(WalkForward.ScoredRow::score).toArray();
			double[] o = list.stream().mapToDouble(r -> table.outcome(r.row())).toArray();
			double base = Arrays.stream(o).average().orElseThrow();
			double mean = Arrays.stream(s).average().orElseThrow();
			out.append(String.format(Locale.ROOT, "    %s n %5d base %.3f mean score %.3f AUC %.3f%n", month, s.length,
					base, mean, Metrics.auc(s, o)));
			double shift = LinearFloor.logit(base) - LinearFloor.logit(mean);
			for (int i = 0; i < s.length; i++) {
				shifted.add(LinearFloor.sigmoid(LinearFloor.logit(s[i]) + shift));
				outcomes.add(o[i]);
			}
		});
		out.append(String.format(Locale.ROOT, "    oracle month level: AUC %.3f%n",
				Metrics.auc(shifted.stream().mapToDouble(Double::doubleValue).toArray(),
						outcomes.stream().mapToDouble(Double::doubleValue).toArray())));
		// every day's scores shifted in log-odds to one level: no level information
		// at all
		TreeMap<Long, List<WalkForward.ScoredRow>> days = new TreeMap<>();
		for (WalkForward.ScoredRow row : rows) {
			if (table.maturedBy(row.row(), dataUntil)) {
				days.computeIfAbsent(table.day(row.row()), k -> new ArrayList<>()).add(row);
			}
		}
		List<Double> neutral = new ArrayList<>();
		List<Double> neutralOutcomes = new ArrayList<>();
		days.forEach((day, list) -> {
			double mean = list.stream().mapToDouble(r -> LinearFloor.logit(r.score())).average().orElseThrow();
			for (WalkForward.ScoredRow r : list) {
				neutral.add(LinearFloor.logit(r.score()) - mean);
				neutralOutcomes.add(table.outcome(r.row()));
			}
		});
		out.append(String.format(Locale.ROOT, "    day-neutral level: AUC %.3f%n",
				Metrics.auc(neutral.stream().mapToDouble(Double::doubleValue).toArray(),
						neutralOutcomes.stream().mapToDouble(Double::doubleValue).toArray())));
		return out.toString();
	}

	/**
	 * Each feature's own AUC (either direction) per split, over rows where it is known.
	 */
	private static void univariate(FeatureTable table, long dataUntil) {
		TreeMap<String, double[]> months = new TreeMap<>();
		for (int r = 0; r < table.size(); r++) {
			if (table.maturedBy(r, dataUntil)) {
				double[] m = months.computeIfAbsent(LocalDate.ofEpochDay(table.day(r)).toString().substring(0, 7),
						k -> new double[2]);
				m[0] += table.outcome(r);
				m[1]++;
			}
		}
		months.forEach((k, m) -> System.out.printf(Locale.ROOT, "%s base %.3f n %.0f%n", k, m[0] / m[1], m[1]));
		for (Feature feature : Feature.values()) {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s", feature.key()));
			for (Split split : SPLITS) {
				long from = LocalDate.parse(split.from()).toEpochDay();
				long to = Math.min(LocalDate.parse(split.to()).toEpochDay(), dataUntil - Outcome.HORIZON_DAYS);
				List<Double> s = new ArrayList<>();
				List<Double> o = new ArrayList<>();
				int total = 0;
				for (int r = 0; r < table.size(); r++) {
					if (table.day(r) < from || table.day(r) > to || !table.maturedBy(r, dataUntil)) {
						continue;
					}
					total++;
					float v = table.feature(r, feature);
					if (!Float.isNaN(v)) {
						s.add((double) v);
						o.add(table.outcome(r));
					}
				}
				double auc = Metrics.auc(s.stream().mapToDouble(Double::doubleValue).toArray(),
						o.stream().mapToDouble(Double::doubleValue).toArray());
				line.append(String.format(Locale.ROOT, " %.3f (%3.0f%%)", auc, 100.0 * s.size() / Math.max(1, total)));
			}
			System.out.println(line);
		}
	}

	private static FeatureTable masked(FeatureTable full, Set<Feature> dropped, Set<Feature> ranked) {
		float[] features = full.features().clone();
		for (int r = 0; r < full.size(); r++) {
			for (Feature feature : dropped) {
				features[r * Feature.COUNT + feature.ordinal()] = Float.NaN;
			}
		}
		for (int lo = 0, hi; lo < full.size(); lo = hi) {
			hi = lo;
			while (hi < full.size() && full.day(hi) == full.day(lo)) {
				hi++;
			}
			for (Feature feature : ranked) {
				float[] column = new float[hi - lo];
				for (int r = lo; r < hi; r++) {
					column[r - lo] = full.feature(r, feature);
				}
				float[] known = column.clone();
				Arrays.sort(known);
				int count = 0;
				while (count < known.length && !Float.isNaN(known[count])) {
					count++;
				}
				for (int r = lo; r < hi; r++) {
					float v = column[r - lo];
					if (!Float.isNaN(v)) {
						int below = 0;
						int equal = 0;
						for (int k = 0; k < count; k++) {
							below += (known[k] < v) ? 1 : 0;
							equal += (known[k] == v) ? 1 : 0;
						}
						features[r * Feature.COUNT + feature.ordinal()] = (float) ((below + 0.5 * equal) / count);
					}
				}
			}
		}
		int[] pool = new int[full.size()];
		long[] day = new long[full.size()];
		double[] outcome = new double[full.size()];
		for (int r = 0; r < full.size(); r++) {
			pool[r] = full.pool(r);
			day[r] = full.day(r);
			outcome[r] = full.outcome(r);
		}
		List<PoolHistory> histories = new ArrayList<>();
		for (int r = 0; r < full.size(); r++) {
			while (histories.size() <= pool[r]) {
				histories.add(null);
			}
			histories.set(pool[r], full.history(r));
		}
		return new FeatureTable(histories, pool, day, features, outcome);
	}

	/**
	 * Sixth round: level features replaced by their percentile rank among the day's pools
	 * ({@code +ranks}: the APY, TVL and volatility levels; {@code +ranks-all}: also the
	 * pool's changes, trends and log volatilities), so the trees learn the day's order
	 * and the level comes from the calibration and the market level.
	 */
	private static Set<Feature> ranked(String variant) {
		Set<Feature> ranked = EnumSet.noneOf(Feature.class);
		for (String part : variant.split("\\+")) {
			if (part.startsWith("ranks")) {
				ranked.addAll(List.of(Feature.APY, Feature.APY_MEAN_7D, Feature.APY_MEAN_30D, Feature.APY_VOLATILITY_7D,
						Feature.APY_VOLATILITY_30D, Feature.BASE_APY_MEAN_7D, Feature.TVL));
			}
			if (part.equals("ranks-all")) {
				ranked.addAll(List.of(Feature.APY_VARIATION_30D, Feature.APY_TREND, Feature.APY_CHANGE_7D,
						Feature.APY_VS_MEDIAN_90D, Feature.APY_SPIKE, Feature.APY_PEAK_30D,
						Feature.APY_LOG_VOLATILITY_7D, Feature.APY_LOG_VOLATILITY_30D, Feature.APY_VS_MEAN_90D,
						Feature.APY_HELD_28D, Feature.TVL_CHANGE_7D, Feature.TVL_CHANGE_30D, Feature.TVL_VOLATILITY_7D,
						Feature.TVL_VOLATILITY_30D, Feature.TVL_DRAWDOWN_90D));
			}
		}
		return ranked;
	}

	private static Set<Feature> dropped(String variant) {
		Set<Feature> dropped = EnumSet.noneOf(Feature.class);
		for (String part : variant.split("\\+")) {
			switch (part) {
				case "all", "ranks", "ranks-all" -> {
				}
				case "-history" -> dropped.addAll(List.of(Feature.DAYS_OF_HISTORY, Feature.COVERAGE_30D));
				case "-own" -> dropped.addAll(List.of(Feature.POOL_ADVERSE_RATE_90D, Feature.POOL_ADVERSE_RECENT));
				case "-market" -> dropped.addAll(List.of(Feature.MARKET_APY_TREND, Feature.MARKET_TVL_CHANGE_7D,
						Feature.MARKET_OUTFLOW_SHARE, Feature.MARKET_POOLS, Feature.MARKET_ADVERSE_RATE));
				case "-incidents" -> dropped.addAll(List.of(Feature.MARKET_INCIDENTS_30D, Feature.MARKET_LOSS_30D,
						Feature.PROTOCOL_INCIDENTS_365D, Feature.PROTOCOL_DAYS_SINCE_INCIDENT));
				case "-levels" -> dropped.addAll(List.of(Feature.APY, Feature.APY_MEAN_7D, Feature.APY_MEAN_30D,
						Feature.APY_VOLATILITY_7D, Feature.APY_VOLATILITY_30D, Feature.BASE_APY_MEAN_7D, Feature.TVL));
				default -> {
					if (part.startsWith("-")) {
						dropped.add(Arrays.stream(Feature.values())
							.filter(f -> f.key().equals(part.substring(1)))
							.findFirst()
							.orElseThrow(() -> new IllegalArgumentException(part)));
					}
				}
			}
		}
		return dropped;
	}

	private static Hyperparameters hyperparameters(Map<String, String> overrides) {
		Hyperparameters d = Hyperparameters.DEFAULTS;
		return new Hyperparameters((int) dbl(overrides, "trees", d.trees()), dbl(overrides, "eta", d.eta()),
				(int) dbl(overrides, "depth", d.maxDepth()), dbl(overrides, "mcw", d.minChildWeight()),
				dbl(overrides, "subsample", d.subsample()), dbl(overrides, "colsample", d.featureSubsample()),
				dbl(overrides, "lambda", d.lambda()), (long) dbl(overrides, "seed", d.seed()),
				(int) dbl(overrides, "cal", d.calibrationDays()), dbl(overrides, "shrink", d.shrink()),
				dbl(overrides, "floor", d.floorShare()), dbl(overrides, "level", d.levelWeight()));
	}

	/** A variant's own setting, else the JVM option, else the default. */
	private static double dbl(Map<String, String> overrides, String name, double fallback) {
		return Double.parseDouble(overrides.getOrDefault(name, System.getProperty(name, String.valueOf(fallback))));
	}

	private static InputStream open(Path path) throws IOException {
		InputStream in = Files.newInputStream(path);
		return path.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
	}

	private record Split(String name, String from, String to) {
	}

}
