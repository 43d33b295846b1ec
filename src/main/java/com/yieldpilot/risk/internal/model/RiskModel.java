package com.yieldpilot.risk.internal.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.jspecify.annotations.Nullable;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableIDInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * A trained risk model: Tribuo's gradient-boosted trees, blended in log-odds with a
 * {@link LinearFloor logistic floor}, the isotonic calibration fitted on a held-out
 * slice, and the {@link MarketLevel market level} that moves the calibrated score with
 * the market's early adverse rate since that slice. Scores go straight through the
 * XGBoost booster over a dense matrix (missing values as {@code NaN}), which is what
 * Tribuo does per example but without building an object per feature; a test keeps the
 * two in agreement. Explanations are the trees' exact per-feature contributions to the
 * log-odds (TreeSHAP), turned into probability points at the calibrated score.
 */
public final class RiskModel {

	static final String ADVERSE = "adverse";

	static final String FINE = "fine";

	/** Threads XGBoost predicts on: the node's cores. */
	static final int PREDICTION_THREADS = Runtime.getRuntime().availableProcessors();

	/** Below this many rows a second thread costs more than it saves. */
	static final int PARALLEL_ROWS = 1_000;

	private final XGBoostModel<Label> model;

	private final IsotonicCalibration calibration;

	private final @Nullable TrainingSummary summary;

	private final @Nullable LinearFloor floor;

	private final @Nullable MarketLevel level;

	private final int[] columns;

	private final int width;

	private final int adverse;

	RiskModel(XGBoostModel<Label> model, @Nullable LinearFloor floor, IsotonicCalibration calibration,
			@Nullable MarketLevel level, @Nullable TrainingSummary summary) {
		this.model = model;
		this.floor = floor;
		this.level = level;
		this.calibration = calibration;
		this.summary = summary;
		ImmutableFeatureMap features = model.getFeatureIDMap();
		this.width = features.size();
		this.columns = new int[Feature.COUNT];
		for (Feature feature : Feature.values()) {
			VariableIDInfo info = features.get(feature.key());
			this.columns[feature.ordinal()] = (info != null) ? info.getID() : -1;
		}
		this.adverse = model.getOutputIDInfo().getID(new Label(ADVERSE));
	}

	/**
	 * A stored model brought back: its trees, floor and market level (none for versions
	 * trained without) and calibration, without training summary.
	 */
	public static RiskModel restore(XGBoostModel<Label> trees, @Nullable LinearFloor floor,
			IsotonicCalibration calibration, @Nullable MarketLevel level) {
		return new RiskModel(trees, floor, calibration, level, null);
	}

	public XGBoostModel<Label> tribuoModel() {
		return this.model;
	}

	public IsotonicCalibration calibration() {
		return this.calibration;
	}

	/** The logistic floor the trees are blended with, if the model has one. */
	public Optional<LinearFloor> floor() {
		return Optional.ofNullable(this.floor);
	}

	/** The market level the calibrated scores follow, if the model has one. */
	public Optional<MarketLevel> level() {
		return Optional.ofNullable(this.level);
	}

	public TrainingSummary summary() {
		return Objects.requireNonNull(this.summary, "a model under calibration has no summary yet");
	}

	/**
	 * Calibrated scores of {@code rows} feature rows laid out as in
	 * {@link FeatureTable#features()}.
	 */
	public double[] score(float[] features, int rows) {
		return score(features, rows, PREDICTION_THREADS);
	}

	/**
	 * The same scores with XGBoost's prediction over {@code threads} threads: each row's
	 * trees are summed in order on one thread, so the scores do not depend on the count
	 * (tested).
	 */
	double[] score(float[] features, int rows, int threads) {
		double[] scores = rawScore(features, rows, threads);
		for (int r = 0; r < rows; r++) {
			scores[r] = this.calibration.apply(scores[r]);
			if (this.level != null) {
				scores[r] = this.level.apply(scores[r], features, r);
			}
		}
		return scores;
	}

	/** The blended, uncalibrated probability of the adverse class, for calibration. */
	double[] rawScore(float[] features, int rows) {
		return rawScore(features, rows, PREDICTION_THREADS);
	}

	private double[] rawScore(float[] features, int rows, int threads) {
		double[] scores = treeScore(features, rows, threads);
		if (this.floor != null) {
			this.floor.blend(scores, features, rows);
		}
		return scores;
	}

	/** The trees' own probability of the adverse class. */
	double[] treeScore(float[] features, int rows) {
		return treeScore(features, rows, PREDICTION_THREADS);
	}

	private double[] treeScore(float[] features, int rows, int threads) {
		float[][] raw = predict(features, rows, false, threads);
		double[] scores = new double[rows];
		for (int r = 0; r < rows; r++) {
			scores[r] = raw[r][this.adverse];
		}
		return scores;
	}

	/**
	 * The score of one feature row with every feature's contribution, largest effect
	 * first. Contributions are the exact log-odds contributions (the trees' TreeSHAP
	 * values and the floor's linear terms, each weighted by its share of the blend, and
	 * the market level's shift as the early adverse rate's) times p(1 − p) at the
	 * calibrated score: a first-order split of the score among the features.
	 */
	public Explained explain(float[] row) {
		if (row.length != Feature.COUNT) {
			throw new IllegalArgumentException("A row has " + Feature.COUNT + " features");
		}
		return explain(row, 1).get(0);
	}

	/**
	 * Scores and explains {@code rows} feature rows in one pass through the trees, as
	 * scoring after a market update does.
	 */
	public List<Explained> explain(float[] features, int rows) {
		double[] scores = score(features, rows);
		float[][] contributions = predict(features, rows, true, PREDICTION_THREADS);
		int block = this.width + 1;
		double treeShare = (this.floor != null) ? 1 - this.floor.share() : 1;
		List<Explained> explained = new ArrayList<>(rows);
		for (int r = 0; r < rows; r++) {
			float[] c = contributions[r];
			boolean twoBlocks = c.length == 2 * block;
			double slope = scores[r] * (1 - scores[r]);
			double[] linear = (this.floor != null) ? this.floor.contributions(features, r) : new double[Feature.COUNT];
			if (this.level != null) {
				linear[Feature.MARKET_EARLY_ADVERSE_RATE.ordinal()] += this.level.shift(features, r);
			}
			List<Contribution> list = new ArrayList<>();
			for (Feature feature : Feature.values()) {
				int column = this.columns[feature.ordinal()];
				double logOdds = linear[feature.ordinal()];
				if (column >= 0) {
					logOdds += treeShare * (twoBlocks
							? c[this.adverse * block + column] - c[(1 - this.adverse) * block + column] : c[column]);
				}
				else if (logOdds == 0) {
					continue;
				}
				list.add(new Contribution(feature, features[r * Feature.COUNT + feature.ordinal()], logOdds * slope));
			}
			list.sort(Comparator.comparingDouble((Contribution x) -> -Math.abs(x.contribution()))
				.thenComparing(x -> x.feature().ordinal()));
			explained.add(new Explained(scores[r], List.copyOf(list)));
		}
		return explained;
	}

	private float[][] predict(float[] features, int rows, boolean contributions, int threads) {
		if (rows == 0) {
			// XGBoost fails on an empty matrix
			return new float[0][];
		}
		float[] dense = new float[rows * this.width];
		Arrays.fill(dense, Float.NaN);
		for (int r = 0; r < rows; r++) {
			for (int f = 0; f < Feature.COUNT; f++) {
				int column = this.columns[f];
				if (column >= 0) {
					dense[r * this.width + column] = features[r * Feature.COUNT + f];
				}
			}
		}
		Booster booster = this.model.getInnerModels().get(0);
		DMatrix matrix = null;
		try {
			matrix = new DMatrix(dense, rows, this.width, Float.NaN);
			synchronized (booster) {
				// training used one thread for reproducible trees; predicting on more
				// changes no row's result
				booster.setParam("nthread", (rows >= PARALLEL_ROWS) ? threads : 1);
				return contributions ? booster.predictContrib(matrix, 0) : booster.predict(matrix);
			}
		}
		catch (XGBoostError ex) {
			throw new IllegalStateException("XGBoost failed to score: " + ex.getMessage(), ex);
		}
		finally {
			if (matrix != null) {
				matrix.dispose();
			}
		}
	}

	/** A score with its contributions, largest effect first. */
	public record Explained(double score, List<Contribution> contributions) {

		/** The leading contributions, e.g. for an explanation of three lines. */
		public List<Contribution> top(int count) {
			return this.contributions.subList(0, Math.min(count, this.contributions.size()));
		}

	}

	/**
	 * What a model was trained on and how it did on its calibration slice.
	 *
	 * @param asOf the last day whose data it used
	 * @param trainFrom first day of the trees' training rows
	 * @param trainTo last day of the trees' training rows
	 * @param calibrateFrom first day of the calibration slice
	 * @param calibrateTo last day of the calibration slice
	 * @param trainRows rows the trees learned from
	 * @param calibrationRows rows the calibration was fitted on
	 * @param calibrationMetrics metrics of the calibrated scores on the calibration slice
	 * @param hyperparameters how the trees were grown
	 * @param library the training library and its version
	 * @param featureImportance XGBoost's gain per feature
	 */
	public record TrainingSummary(long asOf, long trainFrom, long trainTo, long calibrateFrom, long calibrateTo,
			int trainRows, int calibrationRows, Metrics calibrationMetrics, Hyperparameters hyperparameters,
			String library, Map<String, Double> featureImportance) {
	}

}
