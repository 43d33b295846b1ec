package com.yieldpilot.rules.internal.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

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
import org.jooq.Query;
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
 * Rules and their versions. Every write that the engine must see takes a new change
 * number; writers lock their shard's row first ({@link #lockShard}), so within a shard
 * change numbers become visible in order and a reader's cursor never skips one.
 */
@Repository
public class RuleStore {

	private final DSLContext dsl;

	RuleStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** Makes sure shards 0 to {@code shards - 1} have their lock rows. */
	@Transactional
	public void ensureShards(int shards) {
		for (int shard = 0; shard < shards; shard++) {
			this.dsl.insertInto(RULE_SHARD).set(RULE_SHARD.SHARD, shard).onConflictDoNothing().execute();
		}
	}

	/** Serializes writers of one shard until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockShard(int shard) {
		this.dsl.select(RULE_SHARD.SHARD).from(RULE_SHARD).where(RULE_SHARD.SHARD.eq(shard)).forUpdate().fetch();
	}

	public int countByOwner(UserId owner) {
		return this.dsl.fetchCount(RULE_DEFINITION, RULE_DEFINITION.OWNER_ID.eq(owner));
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
	 * Rules of a shard whose row changed after {@code cursor}, in change order, with the
	 * current version's text and stored state.
	 */
	public List<StoredRule> changedAfter(int shard, long cursor, int limit) {
		List<Record> rows = this.dsl.select(RULE_DEFINITION.asterisk(), RULE_VERSION.BODY)
			.from(RULE_DEFINITION)
			.join(RULE_VERSION)
			.on(RULE_VERSION.RULE_ID.eq(RULE_DEFINITION.ID)
				.and(RULE_VERSION.VERSION.eq(RULE_DEFINITION.CURRENT_VERSION)))
			.where(RULE_DEFINITION.SHARD.eq(shard).and(RULE_DEFINITION.CHANGE_SEQ.gt(cursor)))
			.orderBy(RULE_DEFINITION.CHANGE_SEQ)
			.limit(limit)
			.fetch();
		return stored(rows);
	}

	/** One rule with its state, whatever its shard. */
	public Optional<StoredRule> stored(RuleId id) {
		List<Record> rows = this.dsl.select(RULE_DEFINITION.asterisk(), RULE_VERSION.BODY)
			.from(RULE_DEFINITION)
			.join(RULE_VERSION)
			.on(RULE_VERSION.RULE_ID.eq(RULE_DEFINITION.ID)
				.and(RULE_VERSION.VERSION.eq(RULE_DEFINITION.CURRENT_VERSION)))
			.where(RULE_DEFINITION.ID.eq(id))
			.fetch();
		return stored(rows).stream().findFirst();
	}

	private List<StoredRule> stored(List<Record> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		List<RuleId> ids = rows.stream().map(r -> r.get(RULE_DEFINITION.ID)).toList();
		Map<RuleId, Map<Integer, Instant>> holds = new HashMap<>();
		this.dsl.selectFrom(RULE_HOLD)
			.where(RULE_HOLD.RULE_ID.in(ids))
			.forEach(h -> holds.computeIfAbsent(h.getRuleId(), k -> new HashMap<>())
				.put(h.getPart(), h.getSince().toInstant()));
		List<StoredRule> rules = new ArrayList<>(rows.size());
		for (Record row : rows) {
			RuleDefinitionRecord definition = row.into(RULE_DEFINITION);
			rules.add(new StoredRule(definition.getEngineKey(), definition.getId(), definition.getOwnerId(),
					definition.getShard(), definition.getCurrentVersion(), RuleStatus.valueOf(definition.getStatus()),
					row.get(RULE_VERSION.BODY), definition.getScheduleCron(),
					Truth.valueOf(definition.getReportedTruth()), holds.getOrDefault(definition.getId(), Map.of()),
					definition.getFirings(), instant(definition.getCooldownUntil()), definition.getChangeSeq(),
					definition.getLastEvaluatedAt() != null));
		}
		return rules;
	}

	/** The Quartz cron of every enabled time-triggered rule, by rule. */
	public Map<RuleId, String> schedules() {
		Map<RuleId, String> schedules = new HashMap<>();
		this.dsl.select(RULE_DEFINITION.ID, RULE_DEFINITION.SCHEDULE_CRON)
			.from(RULE_DEFINITION)
			.where(RULE_DEFINITION.STATUS.eq(RuleStatus.ENABLED.name()).and(RULE_DEFINITION.SCHEDULE_CRON.isNotNull()))
			.forEach(r -> schedules.put(r.value1(), r.value2()));
		return schedules;
	}

	/** The Quartz cron of one rule if it is enabled and time-triggered. */
	public Optional<String> schedule(RuleId id) {
		return this.dsl.select(RULE_DEFINITION.SCHEDULE_CRON)
			.from(RULE_DEFINITION)
			.where(RULE_DEFINITION.ID.eq(id)
				.and(RULE_DEFINITION.STATUS.eq(RuleStatus.ENABLED.name()))
				.and(RULE_DEFINITION.SCHEDULE_CRON.isNotNull()))
			.fetchOptional(RULE_DEFINITION.SCHEDULE_CRON);
	}

	/** The highest change number of a shard, or 0. */
	public long lastChange(int shard) {
		Long last = this.dsl.select(DSL.max(RULE_DEFINITION.CHANGE_SEQ))
			.from(RULE_DEFINITION)
			.where(RULE_DEFINITION.SHARD.eq(shard))
			.fetchOne(0, Long.class);
		return (last != null) ? last : 0;
	}

	/** A rule version's engine state, for {@link #saveStates}. */
	public record StateSave(RuleId id, int version, EngineState state) {
	}

	/**
	 * Stores the engine's state of each rule version an evaluation changed, all in one
	 * JDBC batch of updates (in rule order) and one statement each for their held parts:
	 * an evaluation that changes a hundred rules makes three round trips, not two
	 * hundred. A rule that has moved on to another version meanwhile stores nothing.
	 * @return the rules whose state was stored
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Set<RuleId> saveStates(Collection<StateSave> saves, Instant evaluatedAt) {
		Map<RuleId, StateSave> last = new TreeMap<>(Comparator.comparing(RuleId::value));
		saves.forEach((save) -> last.put(save.id(), save));
		if (last.isEmpty()) {
			return Set.of();
		}
		List<StateSave> sorted = List.copyOf(last.values());
		List<Query> updates = new ArrayList<>();
		for (StateSave save : sorted) {
			EngineState state = save.state();
			var update = this.dsl.update(RULE_DEFINITION)
				.set(RULE_DEFINITION.REPORTED_TRUTH, state.reported().name())
				.set(RULE_DEFINITION.FIRINGS, state.firings())
				.set(RULE_DEFINITION.COOLDOWN_UNTIL, offset(state.cooldownUntil()))
				.set(RULE_DEFINITION.LAST_EVALUATED_AT, offset(evaluatedAt))
				.set(RULE_DEFINITION.CHANGE_SEQ, Sequences.RULE_CHANGE_SEQ.nextval());
			if (state.firedAt() != null) {
				update = update.set(RULE_DEFINITION.LAST_FIRED_AT, offset(state.firedAt()));
			}
			updates.add(update
				.where(RULE_DEFINITION.ID.eq(save.id()).and(RULE_DEFINITION.CURRENT_VERSION.eq(save.version()))));
		}
		int[] counts = (updates.size() == 1) ? new int[] { updates.getFirst().execute() }
				: this.dsl.batch(updates).execute();
		Set<RuleId> saved = new LinkedHashSet<>();
		for (int i = 0; i < sorted.size(); i++) {
			if (counts[i] > 0) {
				saved.add(sorted.get(i).id());
			}
		}
		if (saved.isEmpty()) {
			return saved;
		}
		this.dsl.deleteFrom(RULE_HOLD).where(RULE_HOLD.RULE_ID.in(saved)).execute();
		var holds = this.dsl.insertInto(RULE_HOLD, RULE_HOLD.RULE_ID, RULE_HOLD.PART, RULE_HOLD.SINCE);
		boolean anyHeld = false;
		for (StateSave save : sorted) {
			if (saved.contains(save.id())) {
				for (Map.Entry<Integer, Instant> hold : save.state().held().entrySet()) {
					holds = holds.values(save.id(), hold.getKey(), offset(hold.getValue()));
					anyHeld = true;
				}
			}
		}
		if (anyHeld) {
			holds.execute();
		}
		return saved;
	}

	/** Notes when a shard's rules were last evaluated. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void shardEvaluated(int shard, Instant at) {
		this.dsl.update(RULE_SHARD)
			.set(RULE_SHARD.EVALUATED_AT, offset(at))
			.where(RULE_SHARD.SHARD.eq(shard))
			.execute();
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
