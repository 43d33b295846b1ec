package com.yieldpilot.rules.internal.store;

import java.time.Instant;
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

import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleStatus;
import com.yieldpilot.rules.internal.db.Sequences;
import com.yieldpilot.rules.internal.db.tables.records.RuleDefinitionRecord;
import com.yieldpilot.rules.internal.engine.Truth;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.rules.internal.db.Tables.RULE_DEFINITION;
import static com.yieldpilot.rules.internal.db.Tables.RULE_HOLD;
import static com.yieldpilot.rules.internal.db.Tables.RULE_SHARD;
import static com.yieldpilot.rules.internal.db.Tables.RULE_VERSION;

/**
 * The rule shards' view of the rules: their lock rows, the change feed they follow, the
 * engine states they save and the schedules of time-triggered rules. It is apart from
 * {@link RuleStore} because the engine reads and writes these on every evaluation, while
 * farmers' saves write rules and versions; the two meet only at the shard's lock
 * ({@link #lockShard}), which every writer takes before it takes a change number.
 */
@Repository
public class ShardStore {

	private final DSLContext dsl;

	ShardStore(DSLContext dsl) {
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
					Truth.valueOf(definition.getReportedTruth()), Truth.valueOf(definition.getSettledTruth()),
					holds.getOrDefault(definition.getId(), Map.of()), definition.getFirings(),
					RuleStore.instant(definition.getCooldownUntil()), definition.getChangeSeq(),
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

	/** A rule version's engine state, for {@link #saveStates}. */
	public record StateSave(RuleId id, int version, EngineState state) {
	}

	/**
	 * Stores the engine's state of each rule version an evaluation changed: the updates
	 * (in rule order) and the removal of their held parts go in one JDBC batch, one round
	 * trip, and the held parts still held in one insert after it, so an evaluation that
	 * changes a hundred rules makes one or two round trips, not two hundred. A rule that
	 * has moved on to another version meanwhile stores nothing, and keeps its held parts.
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
				.set(RULE_DEFINITION.SETTLED_TRUTH, state.settled().name())
				.set(RULE_DEFINITION.FIRINGS, state.firings())
				.set(RULE_DEFINITION.COOLDOWN_UNTIL, RuleStore.offset(state.cooldownUntil()))
				.set(RULE_DEFINITION.LAST_EVALUATED_AT, RuleStore.offset(evaluatedAt))
				.set(RULE_DEFINITION.CHANGE_SEQ, Sequences.RULE_CHANGE_SEQ.nextval());
			if (state.firedAt() != null) {
				update = update.set(RULE_DEFINITION.LAST_FIRED_AT, RuleStore.offset(state.firedAt()));
			}
			updates.add(update
				.where(RULE_DEFINITION.ID.eq(save.id()).and(RULE_DEFINITION.CURRENT_VERSION.eq(save.version()))));
		}
		// the held parts of the versions updated above; the batch runs in order, so a
		// version the update did not find is not found here either
		updates.add(this.dsl.deleteFrom(RULE_HOLD)
			.where(RULE_HOLD.RULE_ID.in(DSL.select(RULE_DEFINITION.ID)
				.from(RULE_DEFINITION)
				.where(DSL.row(RULE_DEFINITION.ID, RULE_DEFINITION.CURRENT_VERSION)
					.in(sorted.stream()
						.map((save) -> DSL.row(DSL.val(save.id(), RULE_DEFINITION.ID),
								DSL.val(save.version(), RULE_DEFINITION.CURRENT_VERSION)))
						.toList())))));
		int[] counts = this.dsl.batch(updates).execute();
		Set<RuleId> saved = new LinkedHashSet<>();
		for (int i = 0; i < sorted.size(); i++) {
			if (counts[i] > 0) {
				saved.add(sorted.get(i).id());
			}
		}
		if (saved.isEmpty()) {
			return saved;
		}
		var holds = this.dsl.insertInto(RULE_HOLD, RULE_HOLD.RULE_ID, RULE_HOLD.PART, RULE_HOLD.SINCE);
		boolean anyHeld = false;
		for (StateSave save : sorted) {
			if (saved.contains(save.id())) {
				for (Map.Entry<Integer, Instant> hold : save.state().held().entrySet()) {
					holds = holds.values(save.id(), hold.getKey(), RuleStore.offset(hold.getValue()));
					anyHeld = true;
				}
			}
		}
		if (anyHeld) {
			holds.execute();
		}
		return saved;
	}

	/**
	 * Notes when a shard's rules were last evaluated, in the same statement as it reads
	 * the shard's highest change number (or 0), this transaction's changes included.
	 * @return the shard's highest change number
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long shardEvaluated(int shard, Instant at) {
		Long last = this.dsl.update(RULE_SHARD)
			.set(RULE_SHARD.EVALUATED_AT, RuleStore.offset(at))
			.where(RULE_SHARD.SHARD.eq(shard))
			.returningResult(DSL.field(DSL.select(DSL.max(RULE_DEFINITION.CHANGE_SEQ))
				.from(RULE_DEFINITION)
				.where(RULE_DEFINITION.SHARD.eq(shard))))
			.fetchOne(0, Long.class);
		return (last != null) ? last : 0;
	}

}
