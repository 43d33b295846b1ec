package com.yieldpilot.market.internal.defillama;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Counts accepted and skipped records of one parse and builds its {@link BatchReport}.
 */
final class ReportCollector {

	private final long startedNanos = System.nanoTime();

	private final List<SkippedRecord> skipped = new ArrayList<>();

	private int accepted;

	private int skippedCount;

	void accepted() {
		this.accepted++;
	}

	void skipped(int index, @Nullable String poolId, String reason) {
		this.skippedCount++;
		// keep the first ones only: a body of 1,000,000 broken pools must not cost memory
		if (this.skipped.size() < BatchReport.MAX_SKIPPED_KEPT) {
			this.skipped.add(new SkippedRecord(index, poolId, reason));
		}
	}

	BatchReport finish(int read) {
		return new BatchReport(read, this.accepted, this.skipped, this.skippedCount,
				Duration.ofNanos(System.nanoTime() - this.startedNanos));
	}

}
