package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.market.BackfillStatus;
import com.yieldpilot.shared.PoolId;

/**
 * The pools whose DefiLlama history is to be fetched, was fetched, or failed to be.
 * Writes need a running transaction.
 */
public interface BackfillQueue {

	/**
	 * Queues every registered pool that has a DefiLlama id and no backfill record yet;
	 * returns how many.
	 */
	int enqueueNewPools(Instant now);

	/**
	 * Queues the pool again, ahead of the automatic backfills, whatever its state; the
	 * caller checked that it has a DefiLlama id.
	 */
	BackfillStatus request(PoolId pool, Instant now);

	/** The backfills due at {@code now}, admins' requests first, then the oldest. */
	List<BackfillTask> due(Instant now, int limit);

	void succeeded(PoolId pool, Instant at, BackfillResult result);

	void failed(PoolId pool, Instant at, String error, Instant nextAttempt);

	Optional<BackfillStatus> find(PoolId pool);

	/** How many backfills are in each state. */
	Map<BackfillStatus.State, Integer> counts();

	/** Failed backfills, the most recent failure first. */
	List<BackfillStatus> failures(int limit);

	/**
	 * A backfill to run: the pool, the DefiLlama id to fetch, and its failures so far.
	 */
	record BackfillTask(PoolId pool, String defiLlamaId, int attempts) {
	}

	/** What a successful backfill stored. */
	record BackfillResult(int points, int pointsSkipped, int samplesStored, Instant firstPointAt, Instant lastPointAt) {
	}

}
