package com.yieldpilot.risk.internal;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.HistoryCsv;
import com.yieldpilot.risk.internal.model.Hyperparameters;
import com.yieldpilot.risk.internal.model.Metrics;
import com.yieldpilot.risk.internal.model.Outcome;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.risk.internal.model.RiskTrainer;
import com.yieldpilot.risk.internal.model.SyntheticHistory;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.yieldpilot.risk.internal.db.Tables.RISK_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model registry on the real database: artifacts stored and read back, promotion on
 * the same window.
 */
class ModelRegistryIT extends ApplicationIT {

	@Autowired
	ModelRegistry registry;

	@AfterEach
	void emptyTheRegistry() {
		// the shared node serves the heuristic until a model is promoted; other tests
		// rely on that
		this.dsl.deleteFrom(RISK_MODEL).execute();
	}

	@Test
	void promotesTheFirstModelAndRefusesAWorseOneOnTheSameWindow() throws Exception {
		FeatureTable table = syntheticTable();
		List<Integer> validation = validation(table);
		RiskModel good = RiskTrainer.train(table, AS_OF,
				new Hyperparameters(80, 0.1, 3, 5, 0.8, 0.8, 1, 7L, 45, 0.8, 0.5, 1.0));
		ModelVersion first = this.registry.register(good, table, validation);
		assertThat(first.status()).isEqualTo("PROMOTED");
		assertThat(first.validationRows()).isEqualTo(validation.size()).isGreaterThan(200);
		assertThat(first.auc()).isNotNull();
		assertThat(first.reliability()).hasSize(10);

		RiskModel worse = RiskTrainer.train(table, AS_OF,
				new Hyperparameters(1, 0.01, 1, 5, 0.5, 0.2, 1, 7L, 45, 0.8, 0, 0));
		ModelVersion second = this.registry.register(worse, table, validation);
		assertThat(second.status()).isEqualTo("REJECTED");
		assertThat(second.decision()).startsWith("rejected, worse than the current model")
			.contains("v" + first.version());
		assertThat(second.auc()).isLessThan(first.auc());

		StoredModel current = this.registry.current().orElseThrow();
		assertThat(current.version().version()).as("the better model still scores").isEqualTo(first.version());
		assertThat(current.model().level()).as("the market level is stored with the calibration")
			.isPresent()
			.isEqualTo(good.level());
		assertThat(current.model().score(table.features(), table.size()))
			.as("the stored artifact scores as the trained model did")
			.containsExactly(good.score(table.features(), table.size()));
		assertThat(current.model().explain(table.row(0)).contributions()).isNotEmpty();
		assertThat(this.registry.versions()).extracting(ModelVersion::version)
			.containsExactly(second.version(), first.version());
		assertThat(current.baseline().psi(table.features(), table.size()).get(Feature.APY.key()))
			.as("the training data does not drift from itself")
			.isLessThan(0.01);
	}

	@Test
	void aPromotedModelFittedOnOtherFloorTermsServesNothingAndTheNextOneReplacesIt() throws Exception {
		FeatureTable table = syntheticTable();
		List<Integer> validation = validation(table);
		RiskModel model = RiskTrainer.train(table, AS_OF,
				new Hyperparameters(40, 0.1, 3, 5, 0.8, 0.8, 1, 7L, 45, 0.8, 0.5, 1.0));
		ModelVersion old = this.registry.register(model, table, validation);
		// as an earlier build stored it: a floor on terms this build no longer computes
		String calibration = this.dsl.select(RISK_MODEL.CALIBRATION)
			.from(RISK_MODEL)
			.where(RISK_MODEL.VERSION.eq(old.version()))
			.fetchSingle(RISK_MODEL.CALIBRATION);
		assertThat(calibration).contains("\"terms\":[");
		this.dsl.update(RISK_MODEL)
			.set(RISK_MODEL.CALIBRATION, calibration.replace("\"terms\":[", "\"terms\":[\"retired_term:NONE\","))
			.where(RISK_MODEL.VERSION.eq(old.version()))
			.execute();

		assertThat(this.registry.current()).as("an unreadable promoted model scores nothing").isEmpty();
		ModelVersion next = this.registry.register(model, table, validation);
		assertThat(next.status()).isEqualTo("PROMOTED");
		assertThat(next.decision()).contains("v" + old.version()).contains("cannot be read by this build");
		assertThat(this.registry.current().orElseThrow().version().version()).isEqualTo(next.version());
	}

	@Test
	void comparesTheValidatedTwinsAndServesTheRefittedModel() throws Exception {
		FeatureTable table = syntheticTable();
		List<Integer> validation = validation(table);
		long last = SyntheticHistory.START.plusDays(299).toEpochDay();
		Hyperparameters strong = new Hyperparameters(80, 0.1, 3, 5, 0.8, 0.8, 1, 7L, 45, 0.8, 0.5, 1.0);
		Hyperparameters weak = new Hyperparameters(1, 0.01, 1, 5, 0.5, 0.2, 1, 7L, 45, 0.8, 0, 0);
		// the promoted version scores with a strong refit that learned the window's
		// outcomes, but was validated as a weak twin
		RiskModel weakTwin = RiskTrainer.train(table, AS_OF, weak);
		ModelVersion first = this.registry
			.register(new ModelRegistry.Candidate(RiskTrainer.train(table, last, strong), weakTwin), table, validation);
		assertThat(first.status()).isEqualTo("PROMOTED");
		assertThat(first.asOf()).as("the version is the refit").isEqualTo(LocalDate.ofEpochDay(last));
		assertThat(first.validatedAsOf()).isEqualTo(LocalDate.ofEpochDay(AS_OF));
		assertThat(first.auc()).as("its metrics are its twin's")
			.isEqualTo(
					Metrics.of(weakTwin.score(rows(table, validation), validation.size()), outcomes(table, validation))
						.auc());

		RiskModel refit = RiskTrainer.train(table, last, weak);
		ModelVersion second = this.registry
			.register(new ModelRegistry.Candidate(refit, RiskTrainer.train(table, AS_OF, strong)), table, validation);
		assertThat(second.status()).as("judged against the promoted twin, not the refit that saw the window")
			.isEqualTo("PROMOTED");
		assertThat(second.decision()).contains(String.format(Locale.ROOT, "vs %.3f", first.auc()));
		StoredModel current = this.registry.current().orElseThrow();
		assertThat(current.version().version()).isEqualTo(second.version());
		assertThat(current.model().score(table.features(), table.size())).as("the refit scores, not the twin")
			.containsExactly(refit.score(table.features(), table.size()));
	}

	private static float[] rows(FeatureTable table, List<Integer> rows) {
		float[] features = new float[rows.size() * Feature.COUNT];
		for (int i = 0; i < rows.size(); i++) {
			System.arraycopy(table.features(), rows.get(i) * Feature.COUNT, features, i * Feature.COUNT, Feature.COUNT);
		}
		return features;
	}

	private static double[] outcomes(FeatureTable table, List<Integer> rows) {
		return rows.stream().mapToDouble(table::outcome).toArray();
	}

	/**
	 * Training up to day 240 of the synthetic history; validation rows matured by day
	 * 299.
	 */
	private static final long AS_OF = SyntheticHistory.START.plusDays(240).toEpochDay();

	private static FeatureTable syntheticTable() throws Exception {
		return FeatureBuilder.build(HistoryCsv.read(new StringReader(SyntheticHistory.csv(40, 300, 21))), List.of());
	}

	/**
	 * The rows of the validation window: after the training cut, outcome known by the
	 * last day.
	 */
	private static List<Integer> validation(FeatureTable table) {
		long last = SyntheticHistory.START.plusDays(299).toEpochDay();
		List<Integer> validation = new ArrayList<>();
		for (int r = 0; r < table.size(); r++) {
			if (table.day(r) > AS_OF - Outcome.HORIZON_DAYS && table.maturedBy(r, last)) {
				validation.add(r);
			}
		}
		return validation;
	}

}
