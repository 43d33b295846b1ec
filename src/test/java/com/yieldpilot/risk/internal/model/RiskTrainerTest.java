package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

class RiskTrainerTest {

	private final FeatureTable table = FeatureBuilder.build(SyntheticHistory.pools(SyntheticHistory.csv(40, 260, 21)),
			List.of());

	private final long asOf = SyntheticHistory.START.plusDays(220).toEpochDay();

	@Test
	void sameDataAndSeedGiveTheSameModelAndScores() throws Exception {
		RiskModel first = RiskTrainer.train(this.table, this.asOf, SyntheticHistory.quick());
		RiskModel second = RiskTrainer.train(this.table, this.asOf, SyntheticHistory.quick());
		assertThat(second.tribuoModel().getModelDump()).containsExactlyElementsOf(first.tribuoModel().getModelDump());
		assertThat(second.calibration()).isEqualTo(first.calibration());
		assertThat(second.score(this.table.features(), this.table.size()))
			.containsExactly(first.score(this.table.features(), this.table.size()));
		Hyperparameters otherSeed = new Hyperparameters(60, 0.1, 3, 5, 0.8, 0.8, 1.0, 8L, 45, 1.0, 0.5, 1.0);
		RiskModel third = RiskTrainer.train(this.table, this.asOf, otherSeed);
		assertThat(third.tribuoModel().getModelDump().get(0)).as("the seed is used")
			.isNotEqualTo(first.tribuoModel().getModelDump().get(0));
	}

	@Test
	void scoresDoNotDependOnHowManyThreadsPredict() {
		RiskModel model = RiskTrainer.train(this.table, this.asOf, SyntheticHistory.quick());
		assertThat(this.table.size()).as("enough rows to predict in parallel")
			.isGreaterThanOrEqualTo(RiskModel.PARALLEL_ROWS);
		double[] one = model.score(this.table.features(), this.table.size(), 1);
		assertThat(model.score(this.table.features(), this.table.size(), 2)).containsExactly(one);
		assertThat(model.score(this.table.features(), this.table.size(), 4)).containsExactly(one);
	}

	@Test
	void scoresAgreeWithTribuosOwnPredictions() {
		RiskModel model = RiskTrainer.train(this.table, this.asOf, SyntheticHistory.quick());
		double[] raw = model.treeScore(this.table.features(), this.table.size());
		for (int r = 0; r < this.table.size(); r += 97) {
			Prediction<Label> prediction = model.tribuoModel().predict(RiskTrainer.example(this.table, r));
			double tribuo = prediction.getOutputScores().get(RiskModel.ADVERSE).getScore();
			assertThat(raw[r]).as("row " + r).isCloseTo(tribuo, within(1e-6));
		}
	}

	@Test
	void explanationsArePresentOrderedAndAddUpToTheScoresDirection() {
		RiskModel model = RiskTrainer.train(this.table, this.asOf, SyntheticHistory.quick());
		RiskModel.Explained explained = model.explain(this.table.row(this.table.size() - 1));
		assertThat(explained.score()).isEqualTo(model.score(this.table.row(this.table.size() - 1), 1)[0]);
		assertThat(explained.contributions()).hasSizeGreaterThan(5);
		for (int i = 1; i < explained.contributions().size(); i++) {
			assertThat(Math.abs(explained.contributions().get(i - 1).contribution()))
				.isGreaterThanOrEqualTo(Math.abs(explained.contributions().get(i).contribution()));
		}
		assertThat(explained.top(3)).hasSize(3).allSatisfy(c -> {
			assertThat(c.contribution()).isNotZero();
			assertThat(c.text()).matches(".+: [+-]\\d\\.\\d\\d");
		});
	}

	@Test
	void recordsProvenanceAndCalibrationMetrics() {
		RiskModel model = RiskTrainer.train(this.table, this.asOf, SyntheticHistory.quick());
		RiskModel.TrainingSummary summary = model.summary();
		assertThat(summary.asOf()).isEqualTo(this.asOf);
		assertThat(summary.calibrateTo()).isEqualTo(this.asOf - Outcome.HORIZON_DAYS);
		assertThat(summary.trainTo()).isLessThan(summary.calibrateFrom());
		assertThat(summary.library()).startsWith("Tribuo 4.3");
		assertThat(summary.calibrationMetrics().count()).isEqualTo(summary.calibrationRows());
		assertThat(summary.calibrationMetrics().baseRate()).isStrictlyBetween(0.0, 1.0);
		assertThat(summary.calibrationMetrics().auc()).isBetween(0.0, 1.0);
		assertThat(summary.calibrationMetrics().ece()).as("fitted on that slice").isLessThan(0.05);
		assertThat(summary.featureImportance()).isNotEmpty();
		assertThat(Arrays.stream(Feature.values()).map(Feature::key)).containsAll(summary.featureImportance().keySet());
	}

	@Test
	void refusesToTrainWithoutMaturedOutcomes() {
		assertThatExceptionOfType(NotEnoughDataException.class)
			.isThrownBy(() -> RiskTrainer.train(this.table, SyntheticHistory.START.plusDays(40).toEpochDay(),
					SyntheticHistory.quick()))
			.withMessageContaining("Too little matured history");
	}

}
