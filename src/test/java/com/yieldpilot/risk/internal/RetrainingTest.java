package com.yieldpilot.risk.internal;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.HistoryCsv;
import com.yieldpilot.risk.internal.model.Outcome;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.risk.internal.model.SyntheticHistory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a retraining trains: the model that scores on every outcome matured by today, and
 * a twin validated on outcomes it could not have learned.
 */
class RetrainingTest {

	@Test
	void servesARefitOnEveryMaturedOutcomeAndValidatesATwinThatNeverSawTheWindow() throws Exception {
		FeatureTable table = table(300);
		long today = SyntheticHistory.START.plusDays(299).toEpochDay();
		List<String> steps = new ArrayList<>();

		Retraining.Fit fit = Retraining.fit(table, today, 30, (step, fraction) -> steps.add(step));

		RiskModel.TrainingSummary serving = fit.candidate().serving().summary();
		RiskModel.TrainingSummary twin = fit.candidate().validated().summary();
		assertThat(serving.asOf()).isEqualTo(today);
		assertThat(serving.calibrateTo()).as("the refit learned from outcomes up to the newest matured")
			.isEqualTo(today - Outcome.HORIZON_DAYS);
		assertThat(twin.asOf()).isEqualTo(today - 30);
		assertThat(serving.trainRows()).isGreaterThan(twin.trainRows());
		assertThat(fit.validationRows()).hasSizeGreaterThan(500).allSatisfy(row -> {
			assertThat(table.day(row)).as("the twin neither trained nor calibrated on it")
				.isGreaterThan(twin.calibrateTo());
			assertThat(table.maturedBy(row, today)).isTrue();
		});
		assertThat(fit.validationRows()).as("every matured pool-day the twin did not see")
			.hasSize((int) IntStream.range(0, table.size())
				.filter(r -> table.day(r) > twin.calibrateTo() && table.maturedBy(r, today))
				.count());
		assertThat(steps).hasSize(2);
	}

	@Test
	void aHistoryTooShortForTheTwinServesTheRefitAloneWithNoWindow() throws Exception {
		FeatureTable table = table(115);
		long today = SyntheticHistory.START.plusDays(114).toEpochDay();

		Retraining.Fit fit = Retraining.fit(table, today, 30, (step, fraction) -> {
		});

		assertThat(fit.candidate().validated()).isSameAs(fit.candidate().serving());
		assertThat(fit.candidate().serving().summary().asOf()).isEqualTo(today);
		assertThat(fit.validationRows()).isEmpty();
	}

	private static FeatureTable table(int days) throws Exception {
		return FeatureBuilder.build(HistoryCsv.read(new StringReader(SyntheticHistory.csv(40, days, 21))), List.of());
	}

}
