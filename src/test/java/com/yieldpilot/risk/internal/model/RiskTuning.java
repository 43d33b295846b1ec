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
import java.util.List;
import java.util.Locale;
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
 * {@code -Dbins=true} adds the reliability bins; {@code -Dunivariate=true} prints each
 * month's base rate and each feature's own AUC per split instead.
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
		if (Boolean.getBoolean("univariate")) {
			univariate(table, dataUntil);
			return;
		}
		String variants = System.getProperty("variants", "all");
		for (String variant : variants.split(";")) {
			run(table, trainUntil, dataUntil, variant.trim());
		}
	}

	private static void run(FeatureTable full, LocalDate trainUntil, long dataUntil, String variant) {
		Set<Feature> dropped = dropped(variant);
		FeatureTable table = dropped.isEmpty() ? full : masked(full, dropped);
		Hyperparameters hyperparameters = hyperparameters();
		long started = System.nanoTime();
		List<WalkForward.ScoredRow> scored = WalkForward.score(table, trainUntil, hyperparameters, m -> {
		});
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

	private static FeatureTable masked(FeatureTable full, Set<Feature> dropped) {
		float[] features = full.features().clone();
		for (int r = 0; r < full.size(); r++) {
			for (Feature feature : dropped) {
				features[r * Feature.COUNT + feature.ordinal()] = Float.NaN;
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

	private static Set<Feature> dropped(String variant) {
		Set<Feature> dropped = EnumSet.noneOf(Feature.class);
		for (String part : variant.split("\\+")) {
			switch (part) {
				case "all" -> {
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

	private static Hyperparameters hyperparameters() {
		Hyperparameters d = Hyperparameters.DEFAULTS;
		return new Hyperparameters(Integer.getInteger("trees", d.trees()), dbl("eta", d.eta()),
				Integer.getInteger("depth", d.maxDepth()), dbl("mcw", d.minChildWeight()),
				dbl("subsample", d.subsample()), dbl("colsample", d.featureSubsample()), dbl("lambda", d.lambda()),
				d.seed(), Integer.getInteger("cal", d.calibrationDays()), dbl("shrink", d.shrink()),
				dbl("floor", d.floorShare()));
	}

	private static double dbl(String name, double fallback) {
		return Double.parseDouble(System.getProperty(name, String.valueOf(fallback)));
	}

	private static InputStream open(Path path) throws IOException {
		InputStream in = Files.newInputStream(path);
		return path.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
	}

	private record Split(String name, String from, String to) {
	}

}
