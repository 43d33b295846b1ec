package com.yieldpilot.risk.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
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
import com.yieldpilot.risk.internal.model.MarketLevel;
import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
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

	/** Scores per upsert: seven array binds whatever the count. */
	private static final int CHUNK = 10_000;

	private static final HexFormat HEX = HexFormat.of();

	private static final Field<String> WANTED = DSL.field(DSL.name("wanted", "pool_id"), String.class);

	private final DSLContext db;

	JooqRiskRepository(DSLContext db) {
		this.db = db;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int nextVersion() {
		// serialise version numbers between nodes: the registry is small and
		// training rare
		this.db.execute("lock table risk_model in share row exclusive mode");
		Integer max = this.db.select(DSL.max(RISK_MODEL.VERSION)).from(RISK_MODEL).fetchOne(0, Integer.class);
		return (max == null) ? 1 : max + 1;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(ModelVersion v, Fitted serving, @Nullable Fitted validated, DriftBaseline baseline,
			int calibrationRows) {
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
			.setValidatedAsOf(v.validatedAsOf())
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
			.setCalibration(calibration(serving))
			.setArtifact(serving.artifact());
		if (validated != null) {
			row.setValidationCalibration(calibration(validated)).setValidationArtifact(validated.artifact());
		}
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

	@Override
	public Optional<Artifact> validated(int version) {
		return this.db.selectFrom(RISK_MODEL)
			.where(RISK_MODEL.VERSION.eq(version))
			.fetchOptional()
			.map((row) -> (row.getValidationArtifact() != null)
					? artifact(row, row.getValidationArtifact(), row.getValidationCalibration()) : artifact(row));
	}

	private static String calibration(Fitted fitted) {
		return JSON.writeValueAsString(new StoredCalibration(fitted.calibration().raw(),
				fitted.calibration().calibrated(), fitted.floor(), fitted.level()));
	}

	private static Artifact artifact(RiskModelRecord row) {
		return artifact(row, row.getArtifact(), row.getCalibration());
	}

	private static Artifact artifact(RiskModelRecord row, byte[] bytes, String stored) {
		StoredCalibration calibration;
		try {
			calibration = JSON.readValue(stored, StoredCalibration.class);
		}
		catch (JacksonException ex) {
			throw new UnreadableModelException(
					"Model v" + row.getVersion() + "'s calibration cannot be read back: " + ex.getOriginalMessage(),
					ex);
		}
		Map<String, Map<String, double[]>> baseline = JSON.readValue(row.getFeatureBaseline(), new TypeReference<>() {
		});
		return new Artifact(version(row), bytes, new IsotonicCalibration(calibration.raw(), calibration.calibrated()),
				calibration.floor(), calibration.level(),
				new DriftBaseline(baseline.get("edges"), baseline.get("shares")));
	}

	@Override
	public List<ModelVersion> versions() {
		List<Field<?>> blobs = List.of(RISK_MODEL.ARTIFACT, RISK_MODEL.VALIDATION_ARTIFACT,
				RISK_MODEL.VALIDATION_CALIBRATION);
		return this.db.select(Arrays.stream(RISK_MODEL.fields()).filter(f -> !blobs.contains(f)).toList())
			.from(RISK_MODEL)
			.orderBy(RISK_MODEL.VERSION.desc())
			.fetch(r -> version(r.into(RISK_MODEL)));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void saveScores(List<StoredScore> scores) {
		for (int start = 0; start < scores.size(); start += CHUNK) {
			List<StoredScore> chunk = scores.subList(start, Math.min(scores.size(), start + CHUNK));
			int n = chunk.size();
			String[] pools = new String[n];
			Double[] values = new Double[n];
			Integer[] versions = new Integer[n];
			Boolean[] heuristic = new Boolean[n];
			String[] explanations = new String[n];
			String[] features = new String[n];
			OffsetDateTime[] scoredAt = new OffsetDateTime[n];
			for (int i = 0; i < n; i++) {
				StoredScore stored = chunk.get(i);
				RiskAssessment a = stored.assessment();
				float[] row = stored.features();
				pools[i] = a.pool().toString();
				values[i] = a.score();
				versions[i] = a.modelVersion();
				heuristic[i] = a.heuristic();
				explanations[i] = stored.explained() ? JSON.writeValueAsString(a.explanation()) : null;
				features[i] = (row != null) ? HEX.formatHex(FeatureBytes.write(row)) : null;
				scoredAt[i] = a.scoredAt().atOffset(ZoneOffset.UTC);
			}
			// one array per column: the statement's text and binds do not grow with
			// the rows
			Table<?> rows = DSL
				.table("unnest({0}, {1}, {2}, {3}, {4}, {5}, {6})", array(pools, SQLDataType.VARCHAR),
						array(values, SQLDataType.DOUBLE), array(versions, SQLDataType.INTEGER),
						array(heuristic, SQLDataType.BOOLEAN), array(explanations, SQLDataType.CLOB),
						array(features, SQLDataType.CLOB), array(scoredAt, SQLDataType.TIMESTAMPWITHTIMEZONE))
				.as("scored", "pool_id", "score", "model_version", "heuristic", "explanation", "features", "scored_at");
			this.db
				.insertInto(RISK_SCORE, RISK_SCORE.POOL_ID, RISK_SCORE.SCORE, RISK_SCORE.MODEL_VERSION,
						RISK_SCORE.HEURISTIC, RISK_SCORE.EXPLANATION, RISK_SCORE.FEATURES, RISK_SCORE.SCORED_AT)
				.select(DSL
					.select(column(RISK_SCORE.POOL_ID), column(RISK_SCORE.SCORE), column(RISK_SCORE.MODEL_VERSION),
							column(RISK_SCORE.HEURISTIC), column(RISK_SCORE.EXPLANATION),
							DSL.function("decode", RISK_SCORE.FEATURES.getDataType(),
									DSL.field(DSL.name("scored", "features"), String.class), DSL.inline("hex")),
							column(RISK_SCORE.SCORED_AT))
					.from(rows))
				.onConflict(RISK_SCORE.POOL_ID)
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

	private static <T> Field<T[]> array(T[] values, DataType<T> type) {
		return DSL.val(values, type.array()).cast(type.array());
	}

	/** A column of the unnested rows, typed as the table's. */
	private static <T> Field<T> column(TableField<RiskScoreRecord, T> field) {
		return DSL.field(DSL.name("scored", field.getName()), field.getDataType());
	}

	@Override
	public Map<PoolId, Stamp> stamps(Collection<PoolId> pools) {
		Map<PoolId, Stamp> stamps = new HashMap<>();
		if (pools.isEmpty()) {
			return stamps;
		}
		this.db
			.select(RISK_SCORE.POOL_ID, RISK_SCORE.SCORE, RISK_SCORE.MODEL_VERSION, RISK_SCORE.HEURISTIC,
					RISK_SCORE.SCORED_AT)
			.from(RISK_SCORE)
			.join(wanted(pools))
			.on(WANTED.eq(DSL.field(RISK_SCORE.POOL_ID.getQualifiedName(), String.class)))
			.fetch()
			.forEach((r) -> stamps.put(r.value1(),
					new Stamp(r.value2(), r.value3(), r.value4(), r.value5().toInstant())));
		return stamps;
	}

	/**
	 * The pools as a table to join with: PostgreSQL hashes or loops over it as the counts
	 * suit, where {@code in (…)} or {@code = any(…)} of 20,000 ids is compared row by
	 * row.
	 */
	private static Table<?> wanted(Collection<PoolId> pools) {
		return DSL
			.table("unnest({0})",
					array(pools.stream().map(PoolId::toString).toArray(String[]::new), SQLDataType.VARCHAR))
			.as("wanted", "pool_id");
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
		return this.db.select(RISK_SCORE.fields())
			.from(RISK_SCORE)
			.join(wanted(pools))
			.on(WANTED.eq(DSL.field(RISK_SCORE.POOL_ID.getQualifiedName(), String.class)))
			.fetch()
			.map((r) -> stored(r.into(RISK_SCORE)));
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
				r.getValidateFrom(), r.getValidateTo(), r.getValidatedAsOf(), List.of(r.getFeatures().split(",")),
				r.getHyperparameters(), r.getLibrary(), r.getTrainRows(), r.getValidationRows(), r.getAuc(),
				r.getBrier(), r.getEce(), r.getBaseRate(), reliability);
	}

	private static @Nullable Double finite(@Nullable Double value) {
		return (value == null || !Double.isFinite(value)) ? null : value;
	}

	static String abbreviate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	static LocalDate day(long epochDay) {
		return LocalDate.ofEpochDay(epochDay);
	}

	/**
	 * The calibration column: the isotonic levels and, for versions that have them, the
	 * logistic floor blended with the trees before them and the market level applied
	 * after them (versions stored before the fourth round have neither field or no level,
	 * and read back without).
	 */
	record StoredCalibration(double[] raw, double[] calibrated, @Nullable LinearFloor floor,
			@Nullable MarketLevel level) {
	}

}
