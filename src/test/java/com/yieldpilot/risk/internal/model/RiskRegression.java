package com.yieldpilot.risk.internal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Fourth-round variants of the tuning harness ({@code -Dvariant=reg-...} of
 * {@link RiskTuning}): regression trees on the continuous outcome next to the usual
 * classifier. Two XGBoost regressors learn the outcome's halves as numbers, the APY
 * half's log(mean APY over (t, t+28] / 7-day mean) and the TVL half's log(lowest TVL over
 * (t, t+28] / TVL at t), each clipped to [−2, 1], on the same matured training rows as
 * the classifier (known at t + 28). Their predictions become the score's input:
 * <ul>
 * <li>{@code reg-prob}: P(ratio below the threshold) of each half from its prediction and
 * the residual spread on the calibration slice (normal), combined as 1 − (1 −
 * p<sub>APY</sub>)(1 − p<sub>TVL</sub>);</li>
 * <li>{@code reg-blend}: the classifier's blend and {@code reg-prob} averaged in
 * log-odds;</li>
 * <li>{@code reg-stack}: a logistic stacker of the classifier's log-odds and the two
 * predictions, fitted on the calibration slice;</li>
 * <li>{@code reg-apy}: as {@code reg-stack} with the APY prediction only.</li>
 * <li>{@code mono}: no regression; the classifier's trees grown by XGBoost directly with
 * {@code binary:logistic} (Tribuo's classifier uses {@code multi:softprob}, two outputs,
 * where one sign per feature would constrain both classes' trees the same way), with
 * {@code -Dmono=strong} monotone in the features whose direction held on every pre-2025
 * split, blended with the same floor.</li>
 * </ul>
 * Then the isotonic calibration, fitted on the slice as usual. None was kept (decision
 * record 0011, fourth round); they stay so that the figures can be reproduced.
 */
final class RiskRegression {

	static final double CLIP_LOW = Double.parseDouble(System.getProperty("regLow", "-2"));

	static final double CLIP_HIGH = Double.parseDouble(System.getProperty("regHigh", "1"));

	private RiskRegression() {
	}

	static List<WalkForward.ScoredRow> score(FeatureTable table, LocalDate trainUntil, Hyperparameters hp,
			String variant) {
		double[][] targets = targets(table);
		long first = trainUntil.toEpochDay();
		List<WalkForward.ScoredRow> scored = new ArrayList<>();
		int r = 0;
		while (r < table.size() && table.day(r) <= first) {
			r++;
		}
		while (r < table.size()) {
			LocalDate date = LocalDate.ofEpochDay(table.day(r));
			long asOf = Math.max(first, date.withDayOfMonth(1).toEpochDay() - 1);
			long monthEnd = date.withDayOfMonth(date.lengthOfMonth()).toEpochDay();
			long calibrateFrom = asOf - Outcome.HORIZON_DAYS - hp.calibrationDays() + 1;
			List<Integer> train = new ArrayList<>();
			List<Integer> slice = new ArrayList<>();
			for (int i = 0; i < table.size(); i++) {
				if (table.maturedBy(i, asOf)) {
					(table.day(i) >= calibrateFrom ? slice : train).add(i);
				}
			}
			Scorer classifier = variant.startsWith("mono") ? direct(table, train, hp)
					: new Tribuo(RiskTrainer.train(table, asOf, hp));
			if (variant.startsWith("mono")) {
				List<Integer> month = new ArrayList<>();
				int m = r;
				while (m < table.size() && table.day(m) <= monthEnd) {
					month.add(m++);
				}
				double[] sliceRaw = classifier.raw(table, slice);
				double[] outcomes = slice.stream().mapToDouble(table::outcome).toArray();
				double base = Arrays.stream(outcomes).average().orElseThrow();
				IsotonicCalibration calibration = IsotonicCalibration.fit(sliceRaw, outcomes).shrunk(base, hp.shrink());
				double[] raw = classifier.raw(table, month);
				for (int i = 0; i < month.size(); i++) {
					scored.add(new WalkForward.ScoredRow(month.get(i), calibration.apply(raw[i]), asOf));
				}
				r = m;
				continue;
			}
			Booster apy = regressor(table, train, targets[0], hp);
			Booster tvl = regressor(table, train, targets[1], hp);
			Inputs sliceInputs = inputs(classifier, apy, tvl, table, slice);
			double sigmaApy = spread(sliceInputs.apy(), slice, targets[0]);
			double sigmaTvl = spread(sliceInputs.tvl(), slice, targets[1]);
			double[] outcomes = slice.stream().mapToDouble(table::outcome).toArray();
			double[] stacker = variant.equals("reg-stack") || variant.equals("reg-apy")
					? stack(sliceInputs, outcomes, variant.equals("reg-apy")) : null;
			double[] sliceRaw = combine(sliceInputs, sigmaApy, sigmaTvl, stacker, variant);
			double base = Arrays.stream(outcomes).average().orElseThrow();
			IsotonicCalibration calibration = IsotonicCalibration.fit(sliceRaw, outcomes).shrunk(base, hp.shrink());
			List<Integer> month = new ArrayList<>();
			while (r < table.size() && table.day(r) <= monthEnd) {
				month.add(r++);
			}
			double[] raw = combine(inputs(classifier, apy, tvl, table, month), sigmaApy, sigmaTvl, stacker, variant);
			for (int i = 0; i < month.size(); i++) {
				scored.add(new WalkForward.ScoredRow(month.get(i), calibration.apply(raw[i]), asOf));
			}
			apy.dispose();
			tvl.dispose();
		}
		return scored;
	}

	/** Per row: the APY half's and the TVL half's clipped log ratio, NaN unknown. */
	static double[][] targets(FeatureTable table) {
		double[][] targets = new double[2][table.size()];
		for (int r = 0; r < table.size(); r++) {
			Ratios ratios = ratios(table.history(r), table.day(r));
			targets[0][r] = clip(ratios.apy());
			targets[1][r] = clip(ratios.tvl());
		}
		return targets;
	}

	private static double clip(double v) {
		return Double.isNaN(v) ? v : Math.min(CLIP_HIGH, Math.max(CLIP_LOW, v));
	}

	/**
	 * The continuous halves behind {@link Outcome#legs}: known on the same days, from the
	 * same windows.
	 */
	static Ratios ratios(PoolHistory history, long day) {
		double apyNow = Outcome.mean(history, day - 6, day, true);
		double tvlNow = history.tvl(day);
		double apySum = 0;
		int apyCount = 0;
		double tvlMin = Double.POSITIVE_INFINITY;
		int observed = 0;
		for (long d = day + 1; d <= day + Outcome.HORIZON_DAYS; d++) {
			if (!history.observed(d)) {
				continue;
			}
			observed++;
			double a = history.apy(d);
			if (!Double.isNaN(a)) {
				apySum += a;
				apyCount++;
			}
			double t = history.tvl(d);
			if (!Double.isNaN(t)) {
				tvlMin = Math.min(tvlMin, t);
			}
		}
		if (observed < Outcome.MIN_FUTURE_DAYS) {
			return new Ratios(Double.NaN, Double.NaN);
		}
		double apy = (apyCount > 0 && apyNow > 0) ? Math.log(Math.max(apySum / apyCount, 0) / apyNow) : Double.NaN;
		double tvl = (tvlMin != Double.POSITIVE_INFINITY && tvlNow > 0) ? Math.log(Math.max(tvlMin, 0) / tvlNow)
				: Double.NaN;
		return new Ratios(apy, tvl);
	}

	private static Booster regressor(FeatureTable table, List<Integer> rows, double[] target, Hyperparameters hp) {
		List<Integer> known = rows.stream().filter(r -> !Double.isNaN(target[r])).toList();
		float[] labels = new float[known.size()];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = (float) target[known.get(i)];
		}
		Map<String, Object> params = params(hp);
		params.put("objective", System.getProperty("regObjective", "reg:squarederror"));
		params.put("max_depth", Integer.getInteger("regDepth", hp.maxDepth()));
		if (!System.getProperty("regMono", "none").equals("none")) {
			// lower ratios are the adverse side
			params.put("monotone_constraints",
					constraints(System.getProperty("regMono")).replace("-1", "m").replace("1", "-1").replace("m", "1"));
		}
		return train(table, known, labels, params, Integer.getInteger("regTrees", hp.trees()));
	}

	private static Map<String, Object> params(Hyperparameters hp) {
		Map<String, Object> params = new HashMap<>();
		params.put("eta", hp.eta());
		params.put("max_depth", hp.maxDepth());
		params.put("min_child_weight", hp.minChildWeight());
		params.put("subsample", hp.subsample());
		params.put("colsample_bytree", hp.featureSubsample());
		params.put("lambda", hp.lambda());
		params.put("tree_method", "hist");
		params.put("nthread", 1);
		params.put("seed", hp.seed());
		params.put("verbosity", 0);
		return params;
	}

	private static Booster train(FeatureTable table, List<Integer> rows, float[] labels, Map<String, Object> params,
			int trees) {
		DMatrix matrix = null;
		try {
			matrix = new DMatrix(dense(table, rows), rows.size(), MODELLED.length, Float.NaN);
			matrix.setLabel(labels);
			return XGBoost.train(matrix, params, trees, Map.of(), null, null);
		}
		catch (XGBoostError ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (matrix != null) {
				matrix.dispose();
			}
		}
	}

	private static final Feature[] MODELLED = RiskTrainer.MODELLED.toArray(Feature[]::new);

	private static float[] dense(FeatureTable table, List<Integer> rows) {
		float[] dense = new float[rows.size() * MODELLED.length];
		for (int i = 0; i < rows.size(); i++) {
			for (int f = 0; f < MODELLED.length; f++) {
				dense[i * MODELLED.length + f] = table.feature(rows.get(i), MODELLED[f]);
			}
		}
		return dense;
	}

	private static double[] predict(Booster booster, FeatureTable table, List<Integer> rows) {
		if (rows.isEmpty()) {
			return new double[0];
		}
		DMatrix matrix = null;
		try {
			matrix = new DMatrix(dense(table, rows), rows.size(), MODELLED.length, Float.NaN);
			float[][] p = booster.predict(matrix);
			double[] out = new double[rows.size()];
			for (int i = 0; i < out.length; i++) {
				out[i] = p[i][0];
			}
			return out;
		}
		catch (XGBoostError ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (matrix != null) {
				matrix.dispose();
			}
		}
	}

	private static Inputs inputs(Scorer classifier, Booster apy, Booster tvl, FeatureTable table, List<Integer> rows) {
		return new Inputs(classifier.raw(table, rows), predict(apy, table, rows), predict(tvl, table, rows));
	}

	/** Root mean square residual where the target is known. */
	private static double spread(double[] predicted, List<Integer> rows, double[] target) {
		double sum = 0;
		int n = 0;
		for (int i = 0; i < predicted.length; i++) {
			double t = target[rows.get(i)];
			if (!Double.isNaN(t)) {
				sum += (t - predicted[i]) * (t - predicted[i]);
				n++;
			}
		}
		return Math.sqrt(sum / Math.max(1, n));
	}

	private static double[] combine(Inputs in, double sigmaApy, double sigmaTvl, double[] stacker, String variant) {
		double[] out = new double[in.classifier().length];
		for (int i = 0; i < out.length; i++) {
			double pa = normalCdf((Math.log(Outcome.APY_HOLD) - in.apy()[i]) / sigmaApy);
			double pt = normalCdf((Math.log(Outcome.TVL_HOLD) - in.tvl()[i]) / sigmaTvl);
			double prob = 1 - (1 - pa) * (1 - pt);
			out[i] = switch (variant) {
				case "reg-prob" -> prob;
				case "reg-blend" ->
					LinearFloor.sigmoid((LinearFloor.logit(in.classifier()[i]) + LinearFloor.logit(prob)) / 2);
				case "reg-stack", "reg-apy" ->
					LinearFloor.sigmoid(stacker[0] + stacker[1] * LinearFloor.logit(in.classifier()[i])
							+ stacker[2] * in.apy()[i] + stacker[3] * in.tvl()[i]);
				default -> throw new IllegalArgumentException("Unknown variant " + variant);
			};
		}
		return out;
	}

	/** Logistic regression of the outcome on [log-odds, apy, tvl] by Newton's method. */
	private static double[] stack(Inputs in, double[] y, boolean apyOnly) {
		int n = y.length;
		int k = apyOnly ? 3 : 4;
		double[][] x = new double[n][];
		for (int i = 0; i < n; i++) {
			x[i] = apyOnly ? new double[] { 1, LinearFloor.logit(in.classifier()[i]), in.apy()[i] }
					: new double[] { 1, LinearFloor.logit(in.classifier()[i]), in.apy()[i], in.tvl()[i] };
		}
		double[] beta = new double[k];
		for (int iteration = 0; iteration < 30; iteration++) {
			double[] g = new double[k];
			double[][] h = new double[k][k];
			for (int i = 0; i < n; i++) {
				double z = 0;
				for (int a = 0; a < k; a++) {
					z += beta[a] * x[i][a];
				}
				double p = LinearFloor.sigmoid(z);
				double w = Math.max(p * (1 - p), 1e-9);
				for (int a = 0; a < k; a++) {
					g[a] += (y[i] - p) * x[i][a];
					for (int b = 0; b < k; b++) {
						h[a][b] += w * x[i][a] * x[i][b];
					}
				}
			}
			for (int a = 1; a < k; a++) {
				g[a] -= 1.0 * beta[a];
				h[a][a] += 1.0;
			}
			double[] step = LinearFloor.solve(h, g);
			for (int a = 0; a < k; a++) {
				beta[a] += step[a];
			}
		}
		return apyOnly ? new double[] { beta[0], beta[1], beta[2], 0 } : beta;
	}

	/** Standard normal CDF (Abramowitz and Stegun 7.1.26 through erf). */
	static double normalCdf(double z) {
		double x = Math.abs(z) / Math.sqrt(2);
		double t = 1 / (1 + 0.3275911 * x);
		double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592)
				* t * Math.exp(-x * x);
		return (z >= 0) ? (1 + erf) / 2 : (1 - erf) / 2;
	}

	/** The classifier's blended, uncalibrated probability. */
	interface Scorer {

		double[] raw(FeatureTable table, List<Integer> rows);

	}

	/** The production classifier. */
	record Tribuo(RiskModel model) implements Scorer {

		@Override
		public double[] raw(FeatureTable table, List<Integer> rows) {
			float[] x = new float[rows.size() * Feature.COUNT];
			for (int i = 0; i < rows.size(); i++) {
				System.arraycopy(table.features(), rows.get(i) * Feature.COUNT, x, i * Feature.COUNT, Feature.COUNT);
			}
			return this.model.rawScore(x, rows.size());
		}

	}

	/**
	 * The same trees grown by XGBoost directly with binary:logistic (one output, so that
	 * monotone constraints mean what they say), blended with the same floor.
	 */
	private static Scorer direct(FeatureTable table, List<Integer> train, Hyperparameters hp) {
		float[] labels = new float[train.size()];
		for (int i = 0; i < labels.length; i++) {
			labels[i] = (float) table.outcome(train.get(i));
		}
		Map<String, Object> params = params(hp);
		params.put("objective", "binary:logistic");
		String mono = System.getProperty("mono", "none");
		if (!mono.equals("none")) {
			params.put("monotone_constraints", constraints(mono));
		}
		Booster booster = train(table, train, labels, params, hp.trees());
		LinearFloor floor = LinearFloor.fit(table, train, hp.floorShare());
		return (t, rows) -> {
			double[] p = predict(booster, t, rows);
			float[] x = new float[rows.size() * Feature.COUNT];
			for (int i = 0; i < rows.size(); i++) {
				System.arraycopy(t.features(), rows.get(i) * Feature.COUNT, x, i * Feature.COUNT, Feature.COUNT);
			}
			floor.blend(p, x, rows.size());
			return p;
		};
	}

	/** +1 where a larger value means more risk on every pre-2025 split, -1 less. */
	static String constraints(String set) {
		List<Feature> up = List.of(Feature.APY_MEAN_7D, Feature.APY_MEAN_30D, Feature.APY_VOLATILITY_7D,
				Feature.APY_VOLATILITY_30D, Feature.APY_VARIATION_30D, Feature.APY_TREND, Feature.APY_CHANGE_7D,
				Feature.APY_VS_MEDIAN_90D, Feature.APY_VS_MEAN_90D, Feature.APY_HELD_28D, Feature.BASE_APY_MEAN_7D,
				Feature.TVL_VOLATILITY_30D, Feature.TVL_VOLATILITY_7D, Feature.APY_VS_PEERS, Feature.APY_PEER_RANK,
				Feature.APY_VOLATILITY_RANK, Feature.APY_TREND_RANK, Feature.TVL_VOLATILITY_RANK,
				Feature.APY_LOG_VOLATILITY_7D, Feature.APY_LOG_VOLATILITY_30D, Feature.VOLATILITY_PEER_RANK);
		List<Feature> down = List.of(Feature.APY_SPIKE, Feature.TVL_WORST_DAY_30D);
		if (set.equals("volatility")) {
			up = List.of(Feature.APY_VOLATILITY_7D, Feature.APY_VOLATILITY_30D, Feature.APY_LOG_VOLATILITY_7D,
					Feature.APY_LOG_VOLATILITY_30D, Feature.APY_VOLATILITY_RANK, Feature.TVL_VOLATILITY_30D,
					Feature.TVL_VOLATILITY_7D, Feature.TVL_VOLATILITY_RANK);
			down = List.of(Feature.TVL_WORST_DAY_30D);
		}
		StringBuilder out = new StringBuilder("(");
		for (int f = 0; f < MODELLED.length; f++) {
			out.append((f == 0) ? "" : ",").append(up.contains(MODELLED[f]) ? 1 : down.contains(MODELLED[f]) ? -1 : 0);
		}
		return out.append(")").toString();
	}

	/**
	 * Per month: the actual adverse rate, the mean of the market's early adverse rate on
	 * its days ({@link Feature#MARKET_EARLY_ADVERSE_RATE}) and of the matured rate
	 * ({@link Feature#MARKET_ADVERSE_RATE}), to see which follows the month.
	 */
	static void levelDiagnostic(FeatureTable table, long dataUntil) {
		java.util.TreeMap<String, double[]> months = new java.util.TreeMap<>();
		for (int r = 0; r < table.size(); r++) {
			if (!table.maturedBy(r, dataUntil)) {
				continue;
			}
			double[] m = months.computeIfAbsent(LocalDate.ofEpochDay(table.day(r)).toString().substring(0, 7),
					k -> new double[6]);
			m[0] += table.outcome(r);
			m[1]++;
			float early = table.feature(r, Feature.MARKET_EARLY_ADVERSE_RATE);
			if (!Float.isNaN(early)) {
				m[2] += early;
				m[3]++;
			}
			float matured = table.feature(r, Feature.MARKET_ADVERSE_RATE);
			if (!Float.isNaN(matured)) {
				m[4] += matured;
				m[5]++;
			}
		}
		months.forEach((k, m) -> System.out.printf(java.util.Locale.ROOT,
				"%s n %5.0f rate %.3f early %.3f matured %.3f%n", k, m[1], m[0] / m[1], m[2] / m[3], m[4] / m[5]));
	}

	record Ratios(double apy, double tvl) {
	}

	private record Inputs(double[] classifier, double[] apy, double[] tvl) {
	}

}
