package com.yieldpilot.risk.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskFactor;
import com.yieldpilot.risk.internal.db.tables.records.RiskModelRecord;
import com.yieldpilot.risk.internal.db.tables.records.RiskScoreRecord;
import com.yieldpilot.risk.internal.model.DriftBaseline;
import com.yieldpilot.risk.internal.model.IsotonicCalibration;
import com.yieldpilot.risk.internal.model.LinearFloor;
import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep7;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.risk.internal.db.Tables.RISK_MODEL;
import static com.yieldpilot.risk.internal.db.Tables.RISK_SCORE;

@Repository
class JooqRiskRepository implements RiskRepository {

	static final String PROMOTED = "PROMOTED";

	static final String RETIRED = "RETIRED";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Scores per multi-row upsert: 7 binds each, well under PostgreSQL's limit. */
	private static final int CHUNK = 1000;

	private final DSLContext db;

	JooqRiskRepository(DSLContext db) {
		this.db = db;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int nextVersion() {
		// serialise version numbers between nodes: the registry is small and training
		// rare
		this.db.execute("lock table risk_model in share row exclusive mode");
		Integer max = this.db.select(DSL.max(RISK_MODEL.VERSION)).from(RISK_MODEL).fetchOne(0, Integer.class);
		return (max == null) ? 1 : max + 1;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(ModelVersion v, byte[] artifact, IsotonicCalibration calibration, @Nullable LinearFloor floor,
			DriftBaseline baseline, int calibrationRows) {
		RiskModelRecord row = this.db.newRecord(RISK_MODEL);
		row.setVersion(v.version())
			.setStatus(v.status())
			.setCreatedAt(v.createdAt().atOffset(ZoneOffset.UTC))
			.setDecidedAt(v.createdAt().atOffset(ZoneOffset.UTC))
			.setDecision(abbreviate(v.decision(), 500))
			.setAsOf(v.asOf())
			.setTrainFrom(v.trainFrom())
			.setTrainTo(v.trainTo())
			.setCalibrateFrom(v.calibrateFrom())
			.setCalibrateTo(v.calibrateTo())
			.setValidateFrom(v.validateFrom())
			.setValidateTo(v.validateTo())
			.setFeatures(String.join(",", v.features()))
			.setHyperparameters(abbreviate(v.hyperparameters(), 500))
			.setLibrary(abbreviate(v.library(), 100))
			.setTrainRows(v.trainRows())
			.setCalibrationRows(calibrationRows)
			.setValidationRows(v.validationRows())
			.setAuc(finite(v.auc()))
			.setBrier(finite(v.brier()))
			.setEce(finite(v.ece()))
			.setBaseRate(finite(v.baseRate()))
			.setReliability(JSON.writeValueAsString(v.reliability()))
			.setFeatureBaseline(JSON.writeValueAsString(Map.of("edges", baseline.edges(), "shares", baseline.shares())))
			.setCalibration(
					JSON.writeValueAsString(new StoredCalibration(calibration.raw(), calibration.calibrated(), floor)))
			.setArtifact(artifact);
		row.insert();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void retirePromoted() {
		this.db.update(RISK_MODEL).set(RISK_MODEL.STATUS, RETIRED).where(RISK_MODEL.STATUS.eq(PROMOTED)).execute();
	}

	@Override
	public Optional<Integer> promotedVersion() {
		return this.db.select(RISK_MODEL.VERSION)
			.from(RISK_MODEL)
			.where(RISK_MODEL.STATUS.eq(PROMOTED))
			.fetchOptional(RISK_MODEL.VERSION);
	}

	@Override
	public Optional<Artifact> promoted() {
		return this.db.selectFrom(RISK_MODEL)
			.where(RISK_MODEL.STATUS.eq(PROMOTED))
			.fetchOptional()
			.map(JooqRiskRepository::artifact);
	}

	@Override
	public Optional<Artifact> artifact(int version) {
		return this.db.selectFrom(RISK_MODEL)
			.where(RISK_MODEL.VERSION.eq(version))
			.fetchOptional()
			.map(JooqRiskRepository::artifact);
	}

	private static Artifact artifact(RiskModelRecord row) {
		StoredCalibration calibration;
		try {
			calibration = JSON.readValue(row.getCalibration(), StoredCalibration.class);
		}
		catch (JacksonException ex) {
			throw new UnreadableModelException(
					"Model v" + row.getVersion() + "'s calibration cannot be read back: " + ex.getOriginalMessage(),
					ex);
		}
		Map<String, Map<String, double[]>> baseline = JSON.readValue(row.getFeatureBaseline(), new TypeReference<>() {
		});
		return new Artifact(version(row), row.getArtifact(),
				new IsotonicCalibration(calibration.raw(), calibration.calibrated()), calibration.floor(),
				new DriftBaseline(baseline.get("edges"), baseline.get("shares")));
	}

	@Override
	public List<ModelVersion> versions() {
		return this.db.select(Arrays.stream(RISK_MODEL.fields()).filter(f -> !f.equals(RISK_MODEL.ARTIFACT)).toList())
			.from(RISK_MODEL)
			.orderBy(RISK_MODEL.VERSION.desc())
			.fetch(r -> version(r.into(RISK_MODEL)));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void saveScores(List<StoredScore> scores) {
		for (int start = 0; start < scores.size(); start += CHUNK) {
			var insert = this.db.insertInto(RISK_SCORE, RISK_SCORE.POOL_ID, RISK_SCORE.SCORE, RISK_SCORE.MODEL_VERSION,
					RISK_SCORE.HEURISTIC, RISK_SCORE.EXPLANATION, RISK_SCORE.FEATURES, RISK_SCORE.SCORED_AT);
			InsertValuesStep7<RiskScoreRecord, PoolId, Double, Integer, Boolean, String, byte[], OffsetDateTime> values = insert;
			for (StoredScore stored : scores.subList(start, Math.min(scores.size(), start + CHUNK))) {
				RiskAssessment a = stored.assessment();
				float[] features = stored.features();
				values = values.values(a.pool(), a.score(), a.modelVersion(), a.heuristic(),
						stored.explained() ? JSON.writeValueAsString(a.explanation()) : null,
						(features != null) ? FeatureBytes.write(features) : null,
						a.scoredAt().atOffset(ZoneOffset.UTC));
			}
			values.onConflict(RISK_SCORE.POOL_ID)
				.doUpdate()
				.set(RISK_SCORE.SCORE, DSL.excluded(RISK_SCORE.SCORE))
				.set(RISK_SCORE.MODEL_VERSION, DSL.excluded(RISK_SCORE.MODEL_VERSION))
				.set(RISK_SCORE.HEURISTIC, DSL.excluded(RISK_SCORE.HEURISTIC))
				.set(RISK_SCORE.EXPLANATION, DSL.excluded(RISK_SCORE.EXPLANATION))
				.set(RISK_SCORE.FEATURES, DSL.excluded(RISK_SCORE.FEATURES))
				.set(RISK_SCORE.SCORED_AT, DSL.excluded(RISK_SCORE.SCORED_AT))
				.execute();
		}
	}

	@Override
	public Optional<StoredScore> score(PoolId pool) {
		return this.db.selectFrom(RISK_SCORE)
			.where(RISK_SCORE.POOL_ID.eq(pool))
			.fetchOptional()
			.map(JooqRiskRepository::stored);
	}

	@Override
	public List<StoredScore> scores(Collection<PoolId> pools) {
		if (pools.isEmpty()) {
			return List.of();
		}
		return this.db.selectFrom(RISK_SCORE)
			.where(RISK_SCORE.POOL_ID.in(pools))
			.fetch()
			.map(JooqRiskRepository::stored);
	}

	private static StoredScore stored(RiskScoreRecord r) {
		String explanation = r.getExplanation();
		List<RiskFactor> factors = (explanation != null)
				? JSON.readValue(explanation, new TypeReference<List<RiskFactor>>() {
				}) : List.of();
		byte[] bytes = r.getFeatures();
		float[] features = (bytes != null) ? FeatureBytes.read(bytes).orElse(null) : null;
		return new StoredScore(new RiskAssessment(r.getPoolId(), r.getScore(), r.getModelVersion(), r.getHeuristic(),
				factors, r.getScoredAt().toInstant()), features, explanation != null);
	}

	private static ModelVersion version(Record record) {
		RiskModelRecord r = record.into(RISK_MODEL);
		List<double[]> reliability = JSON.readValue(r.getReliability(), new TypeReference<>() {
		});
		return new ModelVersion(r.getVersion(), r.getStatus(), r.getCreatedAt().toInstant(), r.getDecision(),
				r.getAsOf(), r.getTrainFrom(), r.getTrainTo(), r.getCalibrateFrom(), r.getCalibrateTo(),
				r.getValidateFrom(), r.getValidateTo(), List.of(r.getFeatures().split(",")), r.getHyperparameters(),
				r.getLibrary(), r.getTrainRows(), r.getValidationRows(), r.getAuc(), r.getBrier(), r.getEce(),
				r.getBaseRate(), reliability);
	}

	private static @Nullable Double finite(@Nullable Double value) {
		return (value == null || !Double.isFinite(value)) ? null : value;
	}

	private static String abbreviate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	static LocalDate day(long epochDay) {
		return LocalDate.ofEpochDay(epochDay);
	}

	/**
	 * The calibration column: the isotonic levels and, for versions that have one, the
	 * logistic floor blended with the trees before them.
	 */
	record StoredCalibration(double[] raw, double[] calibrated, @Nullable LinearFloor floor) {
	}

}
