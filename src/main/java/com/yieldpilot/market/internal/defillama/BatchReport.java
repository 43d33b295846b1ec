package com.yieldpilot.market.internal.defillama;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a parser did with one response: how many records it read, accepted and skipped,
 * and how long it took (including the time the caller's consumer spent).
 * <p>
 * {@code skipped} holds at most the first {@link #MAX_SKIPPED_KEPT} skipped records so a
 * response full of junk cannot blow up memory; {@code skippedCount} counts all of them.
 * Always {@code accepted + skippedCount == read}.
 *
 * @param read records found in the {@code data} array
 * @param accepted records handed to the caller
 * @param skipped the first skipped records, with reasons
 * @param skippedCount all skipped records
 * @param took wall-clock time of the parse
 */
public record BatchReport(int read, int accepted, List<SkippedRecord> skipped, int skippedCount, Duration took) {

	/** How many skipped records a report keeps in detail. */
	public static final int MAX_SKIPPED_KEPT = 100;

	public BatchReport {
		skipped = List.copyOf(skipped);
		Objects.requireNonNull(took, "took");
		if (accepted < 0 || skippedCount < 0 || accepted + skippedCount != read) {
			throw new IllegalArgumentException(
					"accepted (" + accepted + ") + skipped (" + skippedCount + ") must equal read (" + read + ")");
		}
		if (skipped.size() > Math.min(skippedCount, MAX_SKIPPED_KEPT)) {
			throw new IllegalArgumentException("more skipped records kept than counted or allowed");
		}
	}

}
