package com.yieldpilot.execution.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.execution.GuardrailSet;
import com.yieldpilot.execution.GuardrailStatus;
import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.execution.KillSwitch;
import com.yieldpilot.execution.internal.db.tables.records.GuardrailReviewRecord;
import com.yieldpilot.execution.internal.db.tables.records.GuardrailSetRecord;
import com.yieldpilot.execution.internal.db.tables.records.GuardrailStateRecord;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.execution.internal.db.Tables.GUARDRAIL_FILE;
import static com.yieldpilot.execution.internal.db.Tables.GUARDRAIL_REVIEW;
import static com.yieldpilot.execution.internal.db.Tables.GUARDRAIL_SET;
import static com.yieldpilot.execution.internal.db.Tables.GUARDRAIL_STATE;
import static org.jooq.impl.DSL.max;

@Repository
class JooqGuardrailStore implements GuardrailStore {

	private static final short STATE_ROW = 1;

	/** The smallest scale stored: a guardrail that scales further has nearly blocked. */
	private static final BigDecimal MIN_SCALE = new BigDecimal("0.000001");

	private final DSLContext dsl;

	JooqGuardrailStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<GuardrailSet> find(int version) {
		return this.dsl.selectFrom(GUARDRAIL_SET)
			.where(GUARDRAIL_SET.VERSION.eq(version))
			.fetchOptional()
			.map(record -> toSet(record, files(List.of(version)).getOrDefault(version, Map.of())));
	}

	@Override
	public List<GuardrailSet> page(int offset, int limit) {
		List<GuardrailSetRecord> records = this.dsl.selectFrom(GUARDRAIL_SET)
			.orderBy(GUARDRAIL_SET.VERSION.desc())
			.offset(offset)
			.limit(limit)
			.fetch();
		Map<Integer, Map<String, String>> files = files(records.stream().map(GuardrailSetRecord::getVersion).toList());
		return records.stream()
			.map(record -> toSet(record, files.getOrDefault(record.getVersion(), Map.of())))
			.toList();
	}

	private Map<Integer, Map<String, String>> files(List<Integer> versions) {
		Map<Integer, Map<String, String>> files = new LinkedHashMap<>();
		this.dsl.selectFrom(GUARDRAIL_FILE)
			.where(GUARDRAIL_FILE.VERSION.in(versions))
			.orderBy(GUARDRAIL_FILE.VERSION, GUARDRAIL_FILE.NAME)
			.forEach(file -> files.computeIfAbsent(file.getVersion(), v -> new LinkedHashMap<>())
				.put(file.getName(), file.getDrl()));
		return files;
	}

	@Override
	public int count() {
		return this.dsl.fetchCount(GUARDRAIL_SET);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int nextVersion() {
		Integer latest = this.dsl.select(max(GUARDRAIL_SET.VERSION)).from(GUARDRAIL_SET).fetchOne(0, Integer.class);
		return (latest != null) ? latest + 1 : 1;
	}

	@Override
	public boolean anyAdminVersion() {
		return this.dsl.fetchExists(GUARDRAIL_SET, GUARDRAIL_SET.ORIGIN.eq(GuardrailSet.Origin.ADMIN.name()));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(GuardrailSet set) {
		this.dsl.insertInto(GUARDRAIL_SET)
			.set(GUARDRAIL_SET.VERSION, set.version())
			.set(GUARDRAIL_SET.ORIGIN, set.origin().name())
			.set(GUARDRAIL_SET.CHECKSUM, set.checksum())
			.set(GUARDRAIL_SET.NOTE, set.note())
			.set(GUARDRAIL_SET.CREATED_BY, set.createdBy())
			.set(GUARDRAIL_SET.CREATED_AT, utc(set.createdAt()))
			.execute();
		set.files()
			.forEach((name, drl) -> this.dsl.insertInto(GUARDRAIL_FILE)
				.set(GUARDRAIL_FILE.VERSION, set.version())
				.set(GUARDRAIL_FILE.NAME, name)
				.set(GUARDRAIL_FILE.DRL, drl)
				.execute());
	}

	@Override
	public GuardrailStatus status() {
		return toStatus(this.dsl.selectFrom(GUARDRAIL_STATE).where(GUARDRAIL_STATE.ID.eq(STATE_ROW)).fetchSingle());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public GuardrailStatus lockStatus() {
		return toStatus(
				this.dsl.selectFrom(GUARDRAIL_STATE).where(GUARDRAIL_STATE.ID.eq(STATE_ROW)).forUpdate().fetchSingle());
	}

	@Override
	public @Nullable String shippedChecksum() {
		return this.dsl.select(GUARDRAIL_STATE.SHIPPED_CHECKSUM)
			.from(GUARDRAIL_STATE)
			.where(GUARDRAIL_STATE.ID.eq(STATE_ROW))
			.fetchSingle(GUARDRAIL_STATE.SHIPPED_CHECKSUM);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void shippedChecksum(String checksum) {
		this.dsl.update(GUARDRAIL_STATE)
			.set(GUARDRAIL_STATE.SHIPPED_CHECKSUM, checksum)
			.where(GUARDRAIL_STATE.ID.eq(STATE_ROW))
			.execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean activate(int version, @Nullable Integer expected, @Nullable UserId by, Instant at) {
		return this.dsl.update(GUARDRAIL_STATE)
			.set(GUARDRAIL_STATE.ACTIVE_VERSION, version)
			.set(GUARDRAIL_STATE.ACTIVATED_BY, by)
			.set(GUARDRAIL_STATE.ACTIVATED_AT, utc(at))
			.where(GUARDRAIL_STATE.ID.eq(STATE_ROW))
			.and(GUARDRAIL_STATE.ACTIVE_VERSION.isNotDistinctFrom(expected))
			.execute() == 1;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void killSwitch(boolean engaged, @Nullable String reason, UserId by, Instant at) {
		this.dsl.update(GUARDRAIL_STATE)
			.set(GUARDRAIL_STATE.KILL_SWITCH, engaged)
			.set(GUARDRAIL_STATE.KILL_SWITCH_REASON, reason)
			.set(GUARDRAIL_STATE.KILL_SWITCH_CHANGED_BY, by)
			.set(GUARDRAIL_STATE.KILL_SWITCH_CHANGED_AT, utc(at))
			.where(GUARDRAIL_STATE.ID.eq(STATE_ROW))
			.execute();
	}

	@Override
	public Optional<GuardrailVerdict> verdict(IntentId intent) {
		return this.dsl.selectFrom(GUARDRAIL_REVIEW)
			.where(GUARDRAIL_REVIEW.INTENT_ID.eq(intent))
			.fetchOptional()
			.map(JooqGuardrailStore::toVerdict);
	}

	@Override
	public Map<IntentId, GuardrailVerdict> verdicts(Collection<IntentId> intents) {
		if (intents.isEmpty()) {
			return Map.of();
		}
		Map<IntentId, GuardrailVerdict> verdicts = new HashMap<>();
		this.dsl.selectFrom(GUARDRAIL_REVIEW)
			.where(GUARDRAIL_REVIEW.INTENT_ID.in(intents))
			.forEach(review -> verdicts.put(review.getIntentId(), toVerdict(review)));
		return verdicts;
	}

	private static GuardrailVerdict toVerdict(GuardrailReviewRecord review) {
		return new GuardrailVerdict(review.getIntentId(), GuardrailVerdict.Outcome.valueOf(review.getOutcome()),
				review.getScale().doubleValue(),
				review.getReasons().isEmpty() ? List.of() : Arrays.asList(review.getReasons().split("\n")),
				review.getGuardrailVersion(), review.getReviewedAt().toInstant());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void commitWithoutWaiting() {
		this.dsl.execute("set local synchronous_commit to off");
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean insert(GuardrailVerdict verdict, UserId owner) {
		return insertAll(List.of(new OwnedVerdict(verdict, owner))).contains(verdict.intent());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Set<IntentId> insertAll(List<OwnedVerdict> verdicts) {
		if (verdicts.isEmpty()) {
			return Set.of();
		}
		var insert = this.dsl.insertInto(GUARDRAIL_REVIEW, GUARDRAIL_REVIEW.INTENT_ID, GUARDRAIL_REVIEW.OWNER_ID,
				GUARDRAIL_REVIEW.OUTCOME, GUARDRAIL_REVIEW.SCALE, GUARDRAIL_REVIEW.REASONS,
				GUARDRAIL_REVIEW.GUARDRAIL_VERSION, GUARDRAIL_REVIEW.REVIEWED_AT);
		for (OwnedVerdict owned : verdicts.stream()
			.sorted(Comparator.comparing((OwnedVerdict v) -> v.verdict().intent().value()))
			.toList()) {
			GuardrailVerdict verdict = owned.verdict();
			// reasons are single lines (IntentFact collapses whitespace)
			insert = insert.values(verdict.intent(), owned.owner(), verdict.outcome().name(), scale(verdict),
					String.join("\n", verdict.reasons()), verdict.guardrailVersion(), utc(verdict.reviewedAt()));
		}
		return new HashSet<>(
				insert.onConflictDoNothing().returning(GUARDRAIL_REVIEW.INTENT_ID).fetch(GUARDRAIL_REVIEW.INTENT_ID));
	}

	private static BigDecimal scale(GuardrailVerdict verdict) {
		BigDecimal scale = BigDecimal.valueOf(verdict.scale()).setScale(6, RoundingMode.HALF_EVEN);
		if (verdict.outcome() == GuardrailVerdict.Outcome.SCALED) {
			scale = scale.max(MIN_SCALE).min(new BigDecimal("0.999999"));
		}
		return scale;
	}

	private static GuardrailSet toSet(GuardrailSetRecord record, Map<String, String> files) {
		return new GuardrailSet(record.getVersion(), GuardrailSet.Origin.valueOf(record.getOrigin()),
				record.getChecksum(), record.getNote(), record.getCreatedBy(), record.getCreatedAt().toInstant(),
				files);
	}

	private static GuardrailStatus toStatus(GuardrailStateRecord state) {
		KillSwitch killSwitch = new KillSwitch(state.getKillSwitch(), state.getKillSwitchReason(),
				state.getKillSwitchChangedBy(),
				(state.getKillSwitchChangedAt() != null) ? state.getKillSwitchChangedAt().toInstant() : null);
		return new GuardrailStatus(state.getActiveVersion(), state.getActivatedBy(),
				(state.getActivatedAt() != null) ? state.getActivatedAt().toInstant() : null, killSwitch);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
