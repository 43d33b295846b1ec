package com.yieldpilot.rules.internal.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.internal.db.tables.records.RuleIntentRecord;
import com.yieldpilot.rules.lang.Mode;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.rules.internal.db.Tables.RULE_INTENT;

/**
 * Action intents. The idempotency key is unique, so a second insert of the same firing
 * stores nothing. The actions are not stored again: they are the actions of the rule
 * version that fired.
 */
@Repository
public class IntentStore {

	private static final List<String> OPEN = Arrays.stream(IntentStatus.values())
		.filter(s -> !s.terminal())
		.map(Enum::name)
		.toList();

	private final DSLContext dsl;

	IntentStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** An intent row: what the rules module keeps of it. */
	public record StoredIntent(IntentId id, UserId owner, RuleId rule, int ruleVersion, String ruleName,
			String idempotencyKey, Mode mode, boolean approvalRequired, int priority, @Nullable BigDecimal maxGasGwei,
			Set<String> funds, Instant proposedAt, IntentStatus status, @Nullable String reason) {

		public StoredIntent {
			funds = Set.copyOf(funds);
		}

		/** This intent moved to another status, with the reason. */
		public StoredIntent with(IntentStatus newStatus, @Nullable String newReason) {
			return new StoredIntent(this.id, this.owner, this.rule, this.ruleVersion, this.ruleName,
					this.idempotencyKey, this.mode, this.approvalRequired, this.priority, this.maxGasGwei, this.funds,
					this.proposedAt, newStatus, newReason);
		}

	}

	/**
	 * Stores new intents in one statement, in the given order, skipping those whose
	 * idempotency key is taken.
	 * @return the ids of the intents it stored
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Set<IntentId> insertAll(List<StoredIntent> intents) {
		if (intents.isEmpty()) {
			return Set.of();
		}
		var insert = this.dsl.insertInto(RULE_INTENT, RULE_INTENT.ID, RULE_INTENT.OWNER_ID, RULE_INTENT.RULE_ID,
				RULE_INTENT.RULE_VERSION, RULE_INTENT.RULE_NAME, RULE_INTENT.IDEMPOTENCY_KEY, RULE_INTENT.MODE,
				RULE_INTENT.APPROVAL_REQUIRED, RULE_INTENT.PRIORITY, RULE_INTENT.MAX_GAS_GWEI, RULE_INTENT.FUNDS,
				RULE_INTENT.PROPOSED_AT, RULE_INTENT.STATUS, RULE_INTENT.REASON, RULE_INTENT.UPDATED_AT);
		for (StoredIntent intent : intents) {
			insert = insert.values(intent.id(), intent.owner(), intent.rule(), intent.ruleVersion(), intent.ruleName(),
					intent.idempotencyKey(), intent.mode().name(), intent.approvalRequired(), intent.priority(),
					intent.maxGasGwei(), String.join(" ", intent.funds()), RuleStore.offset(intent.proposedAt()),
					intent.status().name(), clip(intent.reason()), RuleStore.offset(intent.proposedAt()));
		}
		return Set.copyOf(insert.onConflict(RULE_INTENT.IDEMPOTENCY_KEY)
			.doNothing()
			.returningResult(RULE_INTENT.ID)
			.fetch(Record1::value1));
	}

	public Optional<StoredIntent> find(IntentId id) {
		return this.dsl.selectFrom(RULE_INTENT).where(RULE_INTENT.ID.eq(id)).fetchOptional(IntentStore::intent);
	}

	/** The intents with these ids that exist, in one query. */
	public List<StoredIntent> findAll(Collection<IntentId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.dsl.selectFrom(RULE_INTENT).where(RULE_INTENT.ID.in(ids)).fetch(IntentStore::intent);
	}

	/**
	 * Locks the intents' rows for a status change, in id order so that two callers
	 * locking overlapping sets cannot deadlock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<StoredIntent> lockAll(Collection<IntentId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.dsl.selectFrom(RULE_INTENT)
			.where(RULE_INTENT.ID.in(ids))
			.orderBy(RULE_INTENT.ID)
			.forUpdate()
			.fetch(IntentStore::intent);
	}

	/** Locks the intent's row for a status change. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<StoredIntent> lock(IntentId id) {
		return this.dsl.selectFrom(RULE_INTENT)
			.where(RULE_INTENT.ID.eq(id))
			.forUpdate()
			.fetchOptional(IntentStore::intent);
	}

	public List<StoredIntent> recent(int limit) {
		return this.dsl.selectFrom(RULE_INTENT)
			.orderBy(RULE_INTENT.PROPOSED_AT.desc())
			.limit(limit)
			.fetch(IntentStore::intent);
	}

	public List<StoredIntent> ofRule(UserId owner, RuleId rule, int limit) {
		return this.dsl.selectFrom(RULE_INTENT)
			.where(RULE_INTENT.OWNER_ID.eq(owner).and(RULE_INTENT.RULE_ID.eq(rule)))
			.orderBy(RULE_INTENT.PROPOSED_AT.desc())
			.limit(limit)
			.fetch(IntentStore::intent);
	}

	/** The owner's unfinished intents, oldest first. */
	public List<StoredIntent> open(UserId owner) {
		return this.dsl.selectFrom(RULE_INTENT)
			.where(RULE_INTENT.OWNER_ID.eq(owner).and(RULE_INTENT.STATUS.in(OPEN)))
			.orderBy(RULE_INTENT.PROPOSED_AT, RULE_INTENT.ID)
			.fetch(IntentStore::intent);
	}

	/**
	 * What a shard evaluation's firings need from the stored intents, in one query: the
	 * open intents of {@code owners} (an owner without any maps to an empty list), oldest
	 * first, and which of {@code keys} are stored already.
	 */
	public FiringIntents firingIntents(Collection<UserId> owners, Collection<String> keys) {
		Map<UserId, List<StoredIntent>> open = new HashMap<>();
		owners.forEach((owner) -> open.put(owner, new ArrayList<>()));
		Set<String> stored = new HashSet<>();
		if (owners.isEmpty() && keys.isEmpty()) {
			return new FiringIntents(open, stored);
		}
		Set<String> wanted = Set.copyOf(keys);
		Set<String> openStatuses = Set.copyOf(OPEN);
		this.dsl.selectFrom(RULE_INTENT)
			.where(RULE_INTENT.OWNER_ID.in(owners).and(RULE_INTENT.STATUS.in(OPEN)))
			.or(RULE_INTENT.IDEMPOTENCY_KEY.in(keys))
			.orderBy(RULE_INTENT.PROPOSED_AT, RULE_INTENT.ID)
			.forEach((row) -> {
				if (wanted.contains(row.getIdempotencyKey())) {
					stored.add(row.getIdempotencyKey());
				}
				if (openStatuses.contains(row.getStatus()) && open.containsKey(row.getOwnerId())) {
					open.get(row.getOwnerId()).add(intent(row));
				}
			});
		return new FiringIntents(open, stored);
	}

	/** {@link #firingIntents}' answer. */
	public record FiringIntents(Map<UserId, List<StoredIntent>> open, Set<String> stored) {
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void setStatus(IntentId id, IntentStatus status, @Nullable String reason, Instant at) {
		this.dsl.update(RULE_INTENT)
			.set(RULE_INTENT.STATUS, status.name())
			.set(RULE_INTENT.REASON, clip(reason))
			.set(RULE_INTENT.UPDATED_AT, RuleStore.offset(at))
			.where(RULE_INTENT.ID.eq(id))
			.execute();
	}

	/** A status change of one intent, for {@link #setStatuses}. */
	public record StatusChange(IntentId id, IntentStatus status, @Nullable String reason) {
	}

	/** Sets many intents' statuses in one JDBC batch. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void setStatuses(List<StatusChange> changes, Instant at) {
		if (changes.isEmpty()) {
			return;
		}
		this.dsl
			.batch(changes.stream()
				.map(change -> this.dsl.update(RULE_INTENT)
					.set(RULE_INTENT.STATUS, change.status().name())
					.set(RULE_INTENT.REASON, clip(change.reason()))
					.set(RULE_INTENT.UPDATED_AT, RuleStore.offset(at))
					.where(RULE_INTENT.ID.eq(change.id())))
				.toList())
			.execute();
	}

	private static StoredIntent intent(RuleIntentRecord row) {
		Set<String> funds = row.getFunds().isBlank() ? Set.of()
				: Arrays.stream(row.getFunds().split(" ")).collect(Collectors.toSet());
		return new StoredIntent(row.getId(), row.getOwnerId(), row.getRuleId(), row.getRuleVersion(), row.getRuleName(),
				row.getIdempotencyKey(), Mode.valueOf(row.getMode()), row.getApprovalRequired(), row.getPriority(),
				row.getMaxGasGwei(), funds, row.getProposedAt().toInstant(), IntentStatus.valueOf(row.getStatus()),
				row.getReason());
	}

	private static @Nullable String clip(@Nullable String reason) {
		return (reason == null || reason.length() <= 500) ? reason : reason.substring(0, 497) + "...";
	}

}
