package com.yieldpilot.risk.internal.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tribuo.MutableDataset;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains a {@link RiskModel} as of a day: on the rows whose outcome had matured by then,
 * the newest {@link Hyperparameters#calibrationDays()} of them held out from the trees
 * and the floor and used to fit the calibration of their blend. One thread and a fixed
 * seed make it reproducible.
 */
public final class RiskTrainer {

	static final int MIN_TRAIN_ROWS = 200;

	static final int MIN_CALIBRATION_ROWS = 100;

	private static final LabelFactory LABELS = new LabelFactory();

	/**
	 * The features the trees learn from: all but those that measure the data set rather
	 * than the pool (how long ago the history file starts, how many pools it holds),
	 * which a model would learn as a calendar and misread on another set (decision record
	 * 0011), and the market's early adverse rate, which sets the {@link MarketLevel}
	 * after calibration instead.
	 */
	public static final Set<Feature> MODELLED = Collections.unmodifiableSet(EnumSet
		.complementOf(EnumSet.of(Feature.DAYS_OF_HISTORY, Feature.MARKET_POOLS, Feature.MARKET_EARLY_ADVERSE_RATE)));

	private RiskTrainer() {
	}

	public static RiskModel train(FeatureTable table, long asOf, Hyperparameters hyperparameters) {
		long newestMatured = asOf - Outcome.HORIZON_DAYS;
		long calibrateFrom = newestMatured - hyperparameters.calibrationDays() + 1;
		List<Integer> train = new ArrayList<>();
		List<Integer> calibrate = new ArrayList<>();
		for (int r = 0; r < table.size(); r++) {
			if (!table.maturedBy(r, asOf)) {
				continue;
			}
			(table.day(r) >= calibrateFrom ? calibrate : train).add(r);
		}
		check(table, train, MIN_TRAIN_ROWS, "train the trees", asOf);
		check(table, calibrate, MIN_CALIBRATION_ROWS, "calibrate", asOf);
		MutableDataset<Label> dataset = new MutableDataset<>(
				new SimpleDataSourceProvenance("pool-days matured by " + LocalDate.ofEpochDay(asOf),
						OffsetDateTime.of(LocalDate.ofEpochDay(asOf).atStartOfDay(), ZoneOffset.UTC), LABELS),
				LABELS);
		for (int r : train) {
			dataset.add(example(table, r));
		}
		XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(XGBoostTrainer.BoosterType.GBTREE,
				XGBoostTrainer.TreeMethod.HIST, hyperparameters.trees(), hyperparameters.eta(), 0.0,
				hyperparameters.maxDepth(), hyperparameters.minChildWeight(), hyperparameters.subsample(),
				hyperparameters.featureSubsample(), hyperparameters.lambda(), 0.0, 1,
				XGBoostTrainer.LoggingVerbosity.SILENT, hyperparameters.seed());
		XGBoostModel<Label> trees = trainer.train(dataset);
		LinearFloor floor = (hyperparameters.floorShare() > 0)
				? LinearFloor.fit(table, train, hyperparameters.floorShare()) : null;
		RiskModel uncalibrated = new RiskModel(trees, floor,
				new IsotonicCalibration(new double[] { 0 }, new double[] { 0 }), null, null);
		float[] features = rows(table, calibrate);
		double[] raw = uncalibrated.rawScore(features, calibrate.size());
		double[] outcomes = calibrate.stream().mapToDouble(table::outcome).toArray();
		double baseRate = Arrays.stream(outcomes).average().orElseThrow();
		IsotonicCalibration calibration = IsotonicCalibration.fit(raw, outcomes)
			.shrunk(baseRate, hyperparameters.shrink());
		// the slice's scores without the level: it moves scores away from the
		// slice's period
		double[] calibrated = new double[raw.length];
		for (int i = 0; i < raw.length; i++) {
			calibrated[i] = calibration.apply(raw[i]);
		}
		MarketLevel level = MarketLevel.fit(table, calibrate, hyperparameters.levelWeight());
		Map<String, Double> importance = new LinkedHashMap<>();
		trees.getFeatureImportance().get(0).getTotalGain().forEach(importance::put);
		RiskModel.TrainingSummary summary = new RiskModel.TrainingSummary(asOf, table.day(train.get(0)),
				table.day(train.get(train.size() - 1)), calibrateFrom, newestMatured, train.size(), calibrate.size(),
				Metrics.of(calibrated, outcomes), hyperparameters, "Tribuo " + Tribuo.VERSION + " (XGBoost)",
				importance);
		return new RiskModel(trees, floor, calibration, level, summary);
	}

	static ArrayExample<Label> example(FeatureTable table, int row) {
		Label label = new Label(table.outcome(row) > 0.5 ? RiskModel.ADVERSE : RiskModel.FINE);
		List<String> names = new ArrayList<>(Feature.COUNT);
		List<Double> values = new ArrayList<>(Feature.COUNT);
		for (Feature feature : MODELLED) {
			float value = table.feature(row, feature);
			if (!Float.isNaN(value)) {
				names.add(feature.key());
				values.add((double) value);
			}
		}
		return new ArrayExample<>(label, names.toArray(String[]::new),
				values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	private static float[] rows(FeatureTable table, List<Integer> rows) {
		float[] features = new float[rows.size() * Feature.COUNT];
		for (int i = 0; i < rows.size(); i++) {
			System.arraycopy(table.features(), rows.get(i) * Feature.COUNT, features, i * Feature.COUNT, Feature.COUNT);
		}
		return features;
	}

	private static void check(FeatureTable table, List<Integer> rows, int minimum, String what, long asOf) {
		long adverse = rows.stream().filter(r -> table.outcome(r) > 0.5).count();
		if (rows.size() < minimum || adverse == 0 || adverse == rows.size()) {
			throw new NotEnoughDataException("Too little matured history to " + what + " as of "
					+ LocalDate.ofEpochDay(asOf) + ": " + rows.size() + " pool-days (" + adverse
					+ " adverse); at least " + minimum + " with both outcomes are needed.");
		}
	}

}
