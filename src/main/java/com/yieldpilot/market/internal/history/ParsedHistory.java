package com.yieldpilot.market.internal.history;

import java.util.List;

import com.yieldpilot.market.HistoryImportReport.Problem;

/**
 * A history file as read: its accepted rows in file order, and the rows that were skipped
 * or are in error (only the first
 * {@link com.yieldpilot.market.HistoryImportReport#MAX_LISTED} of each are kept; the
 * counts are complete).
 */
record ParsedHistory(String format, int rowsRead, List<HistoryRow> rows, List<Problem> skipped, int skippedCount,
		List<Problem> errors, int errorCount) {

	ParsedHistory {
		rows = List.copyOf(rows);
		skipped = List.copyOf(skipped);
		errors = List.copyOf(errors);
	}

	boolean hasErrors() {
		return this.errorCount > 0;
	}

}
