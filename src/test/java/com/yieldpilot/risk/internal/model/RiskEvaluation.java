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
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The evaluation harness (not a test): scores a history walking forward from
 * {@code trainUntil}, then prints AUC, Brier and ECE of the scores, and the AUC of 30-day
 * APY volatility alone, over the scored days whose outcome matured within the data.
 * {@code dataUntil} cuts the history first, so tuning can run on data up to 2024-12-31
 * without seeing anything later.
 *
 * <pre>
 * ./mvnw -q -B test-compile exec:exec@risk-evaluation -Drisk.eval="../shared/data/defillama-yields/chart_timeseries_479pools_2023-04_2025-10.csv.gz 2024-12-31 2025-10-06 ../shared/data/defi-hacks/defihacklabs_incidents.json"
 * </pre>
 *
 * Arguments: history CSV, train-until, data-until, and optionally an incident list.
 */
public final class RiskEvaluation {

	private RiskEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 3) {
			System.err.println("Arguments: <history.csv[.gz]> <train-until> <data-until> [incidents.json]");
			System.exit(2);
		}
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
		long started = System.nanoTime();
		FeatureTable table = FeatureBuilder.build(pools, incidents);
		Hyperparameters d = Hyperparameters.DEFAULTS;
		Hyperparameters hyperparameters = new Hyperparameters(Integer.getInteger("trees", d.trees()),
				Double.parseDouble(System.getProperty("eta", String.valueOf(d.eta()))),
				Integer.getInteger("depth", d.maxDepth()),
				Double.parseDouble(System.getProperty("mcw", String.valueOf(d.minChildWeight()))), d.subsample(),
				d.featureSubsample(), d.lambda(), d.seed(), Integer.getInteger("cal", d.calibrationDays()),
				Double.parseDouble(System.getProperty("shrink", String.valueOf(d.shrink()))),
				Double.parseDouble(System.getProperty("floor", String.valueOf(d.floorShare()))),
				Double.parseDouble(System.getProperty("level", String.valueOf(d.levelWeight()))));
		System.out.println(hyperparameters);
		List<WalkForward.ScoredRow> scored = WalkForward.score(table, trainUntil, hyperparameters,
				model -> System.out.printf(Locale.ROOT, "model as of %s: calibration AUC %.3f ECE %.3f%n",
						LocalDate.ofEpochDay(model.summary().asOf()), model.summary().calibrationMetrics().auc(),
						model.summary().calibrationMetrics().ece()));
		Result result = evaluate(table, scored, dataUntil);
		System.out.printf(Locale.ROOT,
				"%s..%s: %d pool-days with matured outcomes, base rate %.3f%n  model: AUC %.3f, Brier %.4f, ECE %.3f%n"
						+ "  30-day APY volatility alone: AUC %.3f (gain %+.3f)%n  %.1f s%n",
				trainUntil.plusDays(1), LocalDate.ofEpochDay(dataUntil - Outcome.HORIZON_DAYS), result.model().count(),
				result.model().baseRate(), result.model().auc(), result.model().brier(), result.model().ece(),
				result.volatilityAuc(), result.model().auc() - result.volatilityAuc(),
				(System.nanoTime() - started) / 1e9);
		double[][] bins = Metrics.reliability(result.scores(), result.outcomes());
		for (int b = 0; b < bins.length; b++) {
			System.out.printf(Locale.ROOT, "  bin %d: mean score %.3f, rate %.3f, n %.0f%n", b, bins[b][0], bins[b][1],
					bins[b][2]);
		}
	}

	static Result evaluate(FeatureTable table, List<WalkForward.ScoredRow> scored, long dataUntil) {
		List<Double> scores = new ArrayList<>();
		List<Double> volatility = new ArrayList<>();
		List<Double> outcomes = new ArrayList<>();
		for (WalkForward.ScoredRow row : scored) {
			if (!table.maturedBy(row.row(), dataUntil)) {
				continue;
			}
			scores.add(row.score());
			float v = table.feature(row.row(), Feature.APY_VOLATILITY_30D);
			volatility.add(Float.isNaN(v) ? 0.0 : v);
			outcomes.add(table.outcome(row.row()));
		}
		double[] s = scores.stream().mapToDouble(Double::doubleValue).toArray();
		double[] v = volatility.stream().mapToDouble(Double::doubleValue).toArray();
		double[] o = outcomes.stream().mapToDouble(Double::doubleValue).toArray();
		return new Result(Metrics.of(s, o), Metrics.auc(v, o), s, o);
	}

	record Result(Metrics model, double volatilityAuc, double[] scores, double[] outcomes) {
	}

	private static InputStream open(Path path) throws IOException {
		InputStream in = Files.newInputStream(path);
		return path.toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
	}

}
