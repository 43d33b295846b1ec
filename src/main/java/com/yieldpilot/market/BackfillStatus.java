package com.yieldpilot.market;

import java.time.Instant;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * Where a pool's history backfill from DefiLlama stands: queued, done (with what was
 * stored and when), or failed and waiting for its next attempt.
 *
 * @param pool the pool
 * @param state what happens next
 * @param requestedAt when the backfill was queued, by the pool's registration or an admin
 * @param attempts failed attempts since it was queued
 * @param nextAttemptAt when a queued or failed backfill runs next; null once done
 * @param lastAttemptAt when it last ran
 * @param lastError why the last attempt failed
 * @param backfilledAt when it succeeded
 * @param points the chart points stored then
 * @param pointsSkipped the chart points left out as implausible
 * @param samplesStored the samples that were new
 * @param firstPointAt the oldest point of the history
 * @param lastPointAt the newest point of the history
 */
public record BackfillStatus(PoolId pool, State state, Instant requestedAt, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt, @Nullable String lastError,
		@Nullable Instant backfilledAt, @Nullable Integer points, @Nullable Integer pointsSkipped,
		@Nullable Integer samplesStored, @Nullable Instant firstPointAt, @Nullable Instant lastPointAt) {

	/** What happens next to a backfill. */
	public enum State {

		/** Queued: runs when the rate limit lets it. */
		PENDING,
		/** Stored. Runs again only when an admin asks. */
		DONE,
		/** The last attempt failed; retried at {@code nextAttemptAt}. */
		FAILED

	}

	public BackfillStatus {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(state, "state");
		Objects.requireNonNull(requestedAt, "requestedAt");
	}

}
