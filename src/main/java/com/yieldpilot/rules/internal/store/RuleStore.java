package com.yieldpilot.rules.internal.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleStatus;
import com.yieldpilot.rules.RuleSummary;
import com.yieldpilot.rules.RuleVersion;
import com.yieldpilot.rules.internal.db.Sequences;
import com.yieldpilot.rules.internal.db.tables.records.RuleDefinitionRecord;
import com.yieldpilot.rules.internal.db.tables.records.RuleVersionRecord;
import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.lang.Mode;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.rules.internal.db.Tables.RULE_DEFINITION;
import static com.yieldpilot.rules.internal.db.Tables.RULE_HOLD;
import static com.yieldpilot.rules.internal.db.Tables.RULE_SHARD;
import static com.yieldpilot.rules.internal.db.Tables.RULE_VERSION;

/**
 * Rules and their versions, as farmers save and read them. Every write that the engine
 * must see takes a new change number; writers lock their shard's row first
 * ({@link ShardStore#lockShard}), so within a shard change numbers become visible in
 * order and a reader's cursor never skips one.
 */
@Repository
public class RuleStore {

	private final DSLContext dsl;

	RuleStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Stores version 1 of a new enabled rule. */
	@Transactional(propagation = Propagation.MANDATORY)
	public RuleVersion create(RuleId id, UserId owner, int shard, Saved saved, Instant now) {
		this.dsl.insertInto(RULE_DEFINITION)
			.set(RULE_DEFINITION.ID, id)
			.set(RULE_DEFINITION.OWNER_ID, owner)
			.set(RULE_DEFINITION.SHARD, shard)
			.set(RULE_DEFINITION.NAME, saved.name())
			.set(RULE_DEFINITION.CURRENT_VERSION, 1)
			.set(RULE_DEFINITION.STATUS, RuleStatus.ENABLED.name())
			.set(RULE_DEFINITION.MODE, saved.mode().name())
			.set(RULE_DEFINITION.SCHEDULE_CRON, saved.scheduleCron())
			.set(RULE_DEFINITION.CREATED_AT, offset(now))
			.set(RULE_DEFINITION.UPDATED_AT, offset(now))
			.set(RULE_DEFINITION.REPORTED_TRUTH, Truth.UNKNOWN.name())
			.set(RULE_DEFINITION.SETTLED_TRUTH, Truth.UNKNOWN.name())
			.set(RULE_DEFINITION.FIRINGS, 0L)
			.set(RULE_DEFINITION.CHANGE_SEQ, Sequences.RULE_CHANGE_SEQ.nextval())
			.execute();
		return insertVersion(id, 1, saved, null, now);
	}

	/**
	 * Stores the next version and makes it current. The new version starts with no
	 * reported truth and no held parts; the cooldown carries over, so an edit does not
	 * let a rule fire again early.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public RuleVersion addVersion(RuleId id, int version, Saved saved, @Nullable String note, Instant now) {
		this.dsl.update(RULE_DEFINITION)
			.set(RULE_DEFINITION.NAME, saved.name())
			.set(RULE_DEFINITION.CURRENT_VERSION, version)
			.set(RULE_DEFINITION.MODE, saved.mode().name())
			.set(RULE_DEFINITION.SCHEDULE_CRON, saved.scheduleCron())
			.set(RULE_DEFINITION.UPDATED_AT, offset(now))
			.set(RULE_DEFINITION.REPORTED_TRUTH, Truth.UNKNOWN.name())
			.set(RULE_DEFINITION.SETTLED_TRUTH, Truth.UNKNOWN.name())
			.set(RULE_DEFINITION.FIRINGS, 0L)
			.setNull(RULE_DEFINITION.LAST_EVALUATED_AT)
			.set(RULE_DEFINITION.CHANGE_SEQ, Sequences.RULE_CHANGE_SEQ.nextval())
			.where(RULE_DEFINITION.ID.eq(id))
			.execute();
		this.dsl.deleteFrom(RULE_HOLD).where(RULE_HOLD.RULE_ID.eq(id)).execute();
		return insertVersion(id, version, saved, note, now);
	}

	private RuleVersion insertVersion(RuleId id, int version, Saved saved, @Nullable String note, Instant now) {
		this.dsl.insertInto(RULE_VERSION)
			.set(RULE_VERSION.RULE_ID, id)
			.set(RULE_VERSION.VERSION, version)
			.set(RULE_VERSION.NAME, saved.name())
			.set(RULE_VERSION.BODY, saved.body())
			.set(RULE_VERSION.SAVED_AT, offset(now))
			.set(RULE_VERSION.NOTE, note)
			.execute();
		return new RuleVersion(id, version, saved.body(), now, note);
	}

	/** Sets the status; returns false when it already was. */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean setStatus(RuleId id, RuleStatus status) {
		return this.dsl.update(RULE_DEFINITION)
			.set(RULE_DEFINITION.STATUS, status.name())
			.set(RULE_DEFINITION.CHANGE_SEQ, Sequences.RULE_CHANGE_SEQ.nextval())
			.where(RULE_DEFINITION.ID.eq(id).and(RULE_DEFINITION.STATUS.ne(status.name())))
			.execute() == 1;
	}

	/** The owner's rule, if it is theirs. */
	public Optional<RuleSummary> summary(UserId owner, RuleId id) {
		return summaries().where(RULE_DEFINITION.ID.eq(id).and(RULE_DEFINITION.OWNER_ID.eq(owner)))
			.fetchOptional()
			.map(RuleStore::summary);
	}

	/** The shard of the owner's rule, if it is theirs. */
	public Optional<Integer> shardOf(UserId owner, RuleId id) {
		return this.dsl.select(RULE_DEFINITION.SHARD)
			.from(RULE_DEFINITION)
			.where(RULE_DEFINITION.ID.eq(id).and(RULE_DEFINITION.OWNER_ID.eq(owner)))
			.fetchOptional(RULE_DEFINITION.SHARD);
	}

	public List<RuleSummary> list(UserId owner) {
		return summaries().where(RULE_DEFINITION.OWNER_ID.eq(owner))
			.orderBy(RULE_DEFINITION.UPDATED_AT.desc(), RULE_DEFINITION.ID)
			.fetch(RuleStore::summary);
	}

	private SelectOnConditionStep<Record> summaries() {
		return this.dsl.select(RULE_DEFINITION.asterisk(), RULE_SHARD.EVALUATED_AT)
			.from(RULE_DEFINITION)
			.leftJoin(RULE_SHARD)
			.on(RULE_SHARD.SHARD.eq(RULE_DEFINITION.SHARD));
	}

	public List<RuleVersion> versions(RuleId id) {
		return this.dsl.selectFrom(RULE_VERSION)
			.where(RULE_VERSION.RULE_ID.eq(id))
			.orderBy(RULE_VERSION.VERSION.desc())
			.fetch(RuleStore::version);
	}

	public Optional<RuleVersion> version(RuleId id, int version) {
		return this.dsl.selectFrom(RULE_VERSION)
			.where(RULE_VERSION.RULE_ID.eq(id).and(RULE_VERSION.VERSION.eq(version)))
			.fetchOptional()
			.map(RuleStore::version);
	}

	/**
	 * The versions named (rule, version), in one query: those that exist, in no order.
	 */
	public List<RuleVersion> versions(Collection<Map.Entry<RuleId, Integer>> wanted) {
		if (wanted.isEmpty()) {
			return List.of();
		}
		return this.dsl.selectFrom(RULE_VERSION)
			.where(DSL.row(RULE_VERSION.RULE_ID, RULE_VERSION.VERSION)
				.in(wanted.stream()
					.map((w) -> DSL.row(DSL.val(w.getKey(), RULE_VERSION.RULE_ID),
							DSL.val(w.getValue(), RULE_VERSION.VERSION)))
					.toList()))
			.fetch(RuleStore::version);
	}

	/**
	 * A rule evaluated on market updates was last evaluated when its shard was (if it is
	 * enabled and existed then); a scheduled or disabled one when it last ran itself.
	 */
	private static RuleSummary summary(Record record) {
		RuleDefinitionRecord row = record.into(RULE_DEFINITION);
		RuleStatus status = RuleStatus.valueOf(row.getStatus());
		Instant evaluated = instant(row.getLastEvaluatedAt());
		Instant shardEvaluated = instant(record.get(RULE_SHARD.EVALUATED_AT));
		if (status == RuleStatus.ENABLED && row.getScheduleCron() == null && shardEvaluated != null
				&& shardEvaluated.isAfter(row.getUpdatedAt().toInstant())
				&& (evaluated == null || shardEvaluated.isAfter(evaluated))) {
			evaluated = shardEvaluated;
		}
		return new RuleSummary(row.getId(), row.getName(), row.getCurrentVersion(), status, Mode.valueOf(row.getMode()),
				row.getUpdatedAt().toInstant(), evaluated, instant(row.getLastFiredAt()));
	}

	private static RuleVersion version(RuleVersionRecord row) {
		return new RuleVersion(row.getRuleId(), row.getVersion(), row.getBody(), row.getSavedAt().toInstant(),
				row.getNote());
	}

	static @Nullable OffsetDateTime offset(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/** What a save stores: the canonical text and what the list shows of it. */
	public record Saved(String name, Mode mode, @Nullable String scheduleCron, String body) {

	}

}
