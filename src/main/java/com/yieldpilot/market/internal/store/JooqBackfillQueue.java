package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.market.BackfillStatus;
import com.yieldpilot.market.internal.db.tables.records.MarketBackfillRecord;
import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.market.internal.db.Tables.MARKET_BACKFILL;
import static com.yieldpilot.market.internal.db.Tables.MARKET_POOL;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.selectOne;

@Repository
class JooqBackfillQueue implements BackfillQueue {

	/** Admins' requests go before the automatic backfills. */
	private static final int REQUESTED = 1;

	private static final int MAX_ERROR = 500;

	private final DSLContext dsl;

	JooqBackfillQueue(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int enqueueNewPools(Instant now) {
		OffsetDateTime at = utc(now);
		return this.dsl
			.insertInto(MARKET_BACKFILL, MARKET_BACKFILL.POOL_ID, MARKET_BACKFILL.STATE, MARKET_BACKFILL.REQUESTED_AT,
					MARKET_BACKFILL.NEXT_ATTEMPT_AT)
			.select(this.dsl
				.select(MARKET_POOL.ID, inline(BackfillStatus.State.PENDING.name()), inline(at), MARKET_POOL.CREATED_AT)
				.from(MARKET_POOL)
				.where(MARKET_POOL.DEFILLAMA_ID.isNotNull())
				.and(notExists(selectOne().from(MARKET_BACKFILL).where(MARKET_BACKFILL.POOL_ID.eq(MARKET_POOL.ID)))))
			.onConflictDoNothing()
			.execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public BackfillStatus request(PoolId pool, Instant now) {
		OffsetDateTime at = utc(now);
		return status(this.dsl.insertInto(MARKET_BACKFILL)
			.set(MARKET_BACKFILL.POOL_ID, pool)
			.set(MARKET_BACKFILL.STATE, BackfillStatus.State.PENDING.name())
			.set(MARKET_BACKFILL.PRIORITY, REQUESTED)
			.set(MARKET_BACKFILL.REQUESTED_AT, at)
			.set(MARKET_BACKFILL.NEXT_ATTEMPT_AT, at)
			.onConflict(MARKET_BACKFILL.POOL_ID)
			.doUpdate()
			.set(MARKET_BACKFILL.STATE, BackfillStatus.State.PENDING.name())
			.set(MARKET_BACKFILL.PRIORITY, REQUESTED)
			.set(MARKET_BACKFILL.REQUESTED_AT, at)
			.set(MARKET_BACKFILL.NEXT_ATTEMPT_AT, at)
			.set(MARKET_BACKFILL.ATTEMPTS, 0)
			.returning()
			.fetchSingle());
	}

	@Override
	public List<BackfillTask> due(Instant now, int limit) {
		return this.dsl.select(MARKET_BACKFILL.POOL_ID, MARKET_POOL.DEFILLAMA_ID, MARKET_BACKFILL.ATTEMPTS)
			.from(MARKET_BACKFILL)
			.join(MARKET_POOL)
			.on(MARKET_POOL.ID.eq(MARKET_BACKFILL.POOL_ID))
			.where(MARKET_BACKFILL.STATE.ne(BackfillStatus.State.DONE.name()))
			.and(MARKET_BACKFILL.NEXT_ATTEMPT_AT.le(utc(now)))
			.and(MARKET_POOL.DEFILLAMA_ID.isNotNull())
			.orderBy(MARKET_BACKFILL.PRIORITY.desc(), MARKET_BACKFILL.NEXT_ATTEMPT_AT, MARKET_BACKFILL.POOL_ID)
			.limit(limit)
			.fetch(r -> new BackfillTask(r.value1(), r.value2().toString(), r.value3()));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void succeeded(PoolId pool, Instant at, BackfillResult result) {
		this.dsl.update(MARKET_BACKFILL)
			.set(MARKET_BACKFILL.STATE, BackfillStatus.State.DONE.name())
			.set(MARKET_BACKFILL.PRIORITY, 0)
			.set(MARKET_BACKFILL.LAST_ATTEMPT_AT, utc(at))
			.set(MARKET_BACKFILL.BACKFILLED_AT, utc(at))
			.setNull(MARKET_BACKFILL.LAST_ERROR)
			.set(MARKET_BACKFILL.ATTEMPTS, 0)
			.set(MARKET_BACKFILL.POINTS, result.points())
			.set(MARKET_BACKFILL.POINTS_SKIPPED, result.pointsSkipped())
			.set(MARKET_BACKFILL.SAMPLES_STORED, result.samplesStored())
			.set(MARKET_BACKFILL.FIRST_POINT_AT, utc(result.firstPointAt()))
			.set(MARKET_BACKFILL.LAST_POINT_AT, utc(result.lastPointAt()))
			.where(MARKET_BACKFILL.POOL_ID.eq(pool))
			.execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void failed(PoolId pool, Instant at, String error, Instant nextAttempt) {
		this.dsl.update(MARKET_BACKFILL)
			.set(MARKET_BACKFILL.STATE, BackfillStatus.State.FAILED.name())
			.set(MARKET_BACKFILL.LAST_ATTEMPT_AT, utc(at))
			.set(MARKET_BACKFILL.LAST_ERROR, (error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error)
			.set(MARKET_BACKFILL.ATTEMPTS, MARKET_BACKFILL.ATTEMPTS.plus(1))
			.set(MARKET_BACKFILL.NEXT_ATTEMPT_AT, utc(nextAttempt))
			.where(MARKET_BACKFILL.POOL_ID.eq(pool))
			.execute();
	}

	@Override
	public Optional<BackfillStatus> find(PoolId pool) {
		return this.dsl.selectFrom(MARKET_BACKFILL)
			.where(MARKET_BACKFILL.POOL_ID.eq(pool))
			.fetchOptional(JooqBackfillQueue::status);
	}

	@Override
	public Map<BackfillStatus.State, Integer> counts() {
		Map<BackfillStatus.State, Integer> counts = new EnumMap<>(BackfillStatus.State.class);
		for (BackfillStatus.State state : BackfillStatus.State.values()) {
			counts.put(state, 0);
		}
		this.dsl.select(MARKET_BACKFILL.STATE, org.jooq.impl.DSL.count())
			.from(MARKET_BACKFILL)
			.groupBy(MARKET_BACKFILL.STATE)
			.forEach(r -> counts.put(BackfillStatus.State.valueOf(r.value1()), r.value2()));
		return counts;
	}

	@Override
	public List<BackfillStatus> failures(int limit) {
		return this.dsl.selectFrom(MARKET_BACKFILL)
			.where(MARKET_BACKFILL.STATE.eq(BackfillStatus.State.FAILED.name()))
			.orderBy(MARKET_BACKFILL.LAST_ATTEMPT_AT.desc(), MARKET_BACKFILL.POOL_ID)
			.limit(limit)
			.fetch(JooqBackfillQueue::status);
	}

	private static BackfillStatus status(MarketBackfillRecord r) {
		BackfillStatus.State state = BackfillStatus.State.valueOf(r.getState());
		return new BackfillStatus(r.getPoolId(), state, r.getRequestedAt().toInstant(), r.getAttempts(),
				(state == BackfillStatus.State.DONE) ? null : instant(r.getNextAttemptAt()),
				instant(r.getLastAttemptAt()), r.getLastError(), instant(r.getBackfilledAt()), r.getPoints(),
				r.getPointsSkipped(), r.getSamplesStored(), instant(r.getFirstPointAt()), instant(r.getLastPointAt()));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
