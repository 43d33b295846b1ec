package com.yieldpilot.risk.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.internal.model.DriftBaseline;
import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.Metrics;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.risk.internal.model.RiskTrainer;
import com.yieldpilot.risk.internal.model.Hyperparameters;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.protos.core.ModelProto;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The model registry: stores every trained version and decides which one scores. A
 * candidate is promoted only if it is not worse than the promoted model on the same
 * validation window (AUC not lower and Brier score not higher, both measured on the same
 * pool-days); otherwise it is kept as REJECTED with the reason. Scoring asks for the
 * {@link #current() current} model, which is loaded once per promotion.
 */
@Service
class ModelRegistry {

	private final RiskRepository repository;

	private final Clock clock;

	private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

	private volatile @Nullable StoredModel cached;

	/** The promoted version found unreadable: not read (nor warned about) again. */
	private volatile int unreadable = -1;

	private volatile @Nullable StoredModel other;

	ModelRegistry(RiskRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** The promoted model, or empty before the first promotion. */
	Optional<StoredModel> current() {
		Optional<Integer> promoted = this.repository.promotedVersion();
		if (promoted.isEmpty()) {
			this.cached = null;
			return Optional.empty();
		}
		StoredModel model = this.cached;
		if (model != null && model.version().version() == promoted.get()) {
			return Optional.of(model);
		}
		if (this.unreadable == promoted.get()) {
			return Optional.empty();
		}
		Optional<StoredModel> loaded;
		try {
			loaded = this.repository.promoted().map(ModelRegistry::restore);
		}
		catch (UnreadableModelException ex) {
			this.unreadable = promoted.get();
			this.cached = null;
			LOG.warn("{} Serving the heuristic until the next model is trained.", ex.getMessage());
			return Optional.empty();
		}
		loaded.ifPresent(m -> this.cached = m);
		return loaded;
	}

	/**
	 * A stored version by number, promoted or not: explaining a score needs the version
	 * that produced it, which a newer promotion may have retired. Versions never change,
	 * so the last one read besides the promoted one is kept.
	 */
	Optional<RiskModel> version(int version) {
		StoredModel promoted = this.cached;
		if (promoted != null && promoted.version().version() == version) {
			return Optional.of(promoted.model());
		}
		StoredModel other = this.other;
		if (other != null && other.version().version() == version) {
			return Optional.of(other.model());
		}
		Optional<StoredModel> loaded;
		try {
			loaded = this.repository.artifact(version).map(ModelRegistry::restore);
		}
		catch (UnreadableModelException ex) {
			return Optional.empty();
		}
		loaded.ifPresent(m -> this.other = m);
		return loaded.map(StoredModel::model);
	}

	List<ModelVersion> versions() {
		return this.repository.versions();
	}

	/**
	 * Registers a model validated as it scores: see
	 * {@link #register(Candidate, FeatureTable, List)}.
	 */
	@Transactional
	ModelVersion register(RiskModel model, FeatureTable table, List<Integer> validationRows) {
		return store(new Candidate(model, model), table, validationRows);
	}

	/**
	 * Registers a candidate whose validated twin was not trained or calibrated on the
	 * given rows of the table (pool-days whose outcomes have matured since), and promotes
	 * it unless the promoted version's validated twin does better on the same rows. The
	 * candidate's metrics are its twin's on those rows.
	 */
	@Transactional
	ModelVersion register(Candidate candidate, FeatureTable table, List<Integer> validationRows) {
		return store(candidate, table, validationRows);
	}

	private ModelVersion store(Candidate candidate, FeatureTable table, List<Integer> validationRows) {
		float[] features = new float[validationRows.size() * Feature.COUNT];
		double[] outcomes = new double[validationRows.size()];
		for (int i = 0; i < validationRows.size(); i++) {
			int row = validationRows.get(i);
			System.arraycopy(table.features(), row * Feature.COUNT, features, i * Feature.COUNT, Feature.COUNT);
			outcomes[i] = table.outcome(row);
		}
		double[] scores = candidate.validated().score(features, validationRows.size());
		Metrics metrics = Metrics.of(scores, outcomes);
		Optional<StoredModel> current = current();
		String status;
		String decision;
		if (validationRows.isEmpty() || Double.isNaN(metrics.auc())) {
			status = current.isEmpty() ? JooqRiskRepository.PROMOTED : "REJECTED";
			decision = current.isEmpty() ? "promoted: the first model (no validation window with both outcomes)"
					: "rejected: no validation window with both outcomes to compare it on";
		}
		else if (current.isEmpty() && this.repository.promotedVersion().isPresent()) {
			status = JooqRiskRepository.PROMOTED;
			decision = String.format(Locale.ROOT,
					"promoted: v%d, the promoted model, cannot be read by this build (AUC %.3f, Brier %.4f)",
					this.repository.promotedVersion().get(), metrics.auc(), metrics.brier());
		}
		else if (current.isEmpty()) {
			status = JooqRiskRepository.PROMOTED;
			decision = String.format(Locale.ROOT, "promoted: the first model (AUC %.3f, Brier %.4f)", metrics.auc(),
					metrics.brier());
		}
		else {
			Metrics incumbent = Metrics.of(validatedTwin(current.get()).score(features, validationRows.size()),
					outcomes);
			boolean notWorse = metrics.auc() >= incumbent.auc() && metrics.brier() <= incumbent.brier();
			status = notWorse ? JooqRiskRepository.PROMOTED : "REJECTED";
			decision = String.format(Locale.ROOT,
					"%s: AUC %.3f vs %.3f, Brier %.4f vs %.4f of v%d on the same %d pool-days",
					notWorse ? "promoted" : "rejected, worse than the current model", metrics.auc(), incumbent.auc(),
					metrics.brier(), incumbent.brier(), current.get().version().version(), validationRows.size());
		}
		RiskModel.TrainingSummary summary = candidate.serving().summary();
		boolean twin = candidate.validated() != candidate.serving();
		int version = this.repository.nextVersion();
		LocalDate validateFrom = validationRows.isEmpty() ? null
				: LocalDate.ofEpochDay(validationRows.stream().mapToLong(table::day).min().orElseThrow());
		LocalDate validateTo = validationRows.isEmpty() ? null
				: LocalDate.ofEpochDay(validationRows.stream().mapToLong(table::day).max().orElseThrow());
		Instant now = this.clock.instant();
		ModelVersion entry = new ModelVersion(version, status, now, decision, LocalDate.ofEpochDay(summary.asOf()),
				LocalDate.ofEpochDay(summary.trainFrom()), LocalDate.ofEpochDay(summary.trainTo()),
				LocalDate.ofEpochDay(summary.calibrateFrom()), LocalDate.ofEpochDay(summary.calibrateTo()),
				validateFrom, validateTo, twin ? LocalDate.ofEpochDay(candidate.validated().summary().asOf()) : null,
				RiskTrainer.MODELLED.stream().map(Feature::key).toList(), summary.hyperparameters().toString(),
				summary.library(), summary.trainRows(), validationRows.size(), metrics.auc(), metrics.brier(),
				metrics.ece(), metrics.baseRate(), Arrays.asList(Metrics.reliability(scores, outcomes)));
		if (status.equals(JooqRiskRepository.PROMOTED)) {
			this.repository.retirePromoted();
		}
		DriftBaseline baseline = DriftBaseline.of(table.features(), table.size());
		this.repository.insert(entry, RiskRepository.Fitted.of(candidate.serving()),
				twin ? RiskRepository.Fitted.of(candidate.validated()) : null, baseline, summary.calibrationRows());
		return entry;
	}

	/** The promoted version's validated twin, or the version itself when it has none. */
	private RiskModel validatedTwin(StoredModel promoted) {
		if (promoted.version().validatedAsOf() == null) {
			return promoted.model();
		}
		return this.repository.validated(promoted.version().version())
			.map(ModelRegistry::restore)
			.orElseThrow()
			.model();
	}

	/**
	 * What a retraining registers: the model that would score, refitted on every outcome
	 * matured by the retraining, and its twin, the same recipe trained as of the start of
	 * the validation window, which is what gets validated.
	 */
	record Candidate(RiskModel serving, RiskModel validated) {
	}

	/** Trains a candidate with the defaults; see {@link RiskTrainer}. */
	static RiskModel train(FeatureTable table, long asOf) {
		return RiskTrainer.train(table, asOf, Hyperparameters.DEFAULTS);
	}

	@SuppressWarnings("unchecked")
	private static StoredModel restore(RiskRepository.Artifact artifact) {
		try {
			Model<?> model = Model.deserialize(ModelProto.parseFrom(artifact.bytes()));
			XGBoostModel<Label> trees = (XGBoostModel<Label>) model;
			return new StoredModel(artifact.version(),
					RiskModel.restore(trees, artifact.floor(), artifact.calibration(), artifact.level()),
					artifact.baseline());
		}
		catch (com.google.protobuf.InvalidProtocolBufferException | ClassCastException | IllegalArgumentException ex) {
			throw new UnreadableModelException(
					"Model v" + artifact.version().version() + " cannot be read back: " + ex.getMessage(), ex);
		}
	}

}
