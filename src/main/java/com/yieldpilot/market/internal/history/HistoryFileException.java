package com.yieldpilot.market.internal.history;

/** A history file that cannot be read as a whole; {@code line} is 0 when unknown. */
final class HistoryFileException extends RuntimeException {

	private final int line;

	HistoryFileException(int line, String message) {
		super(message);
		this.line = line;
	}

	int line() {
		return this.line;
	}

}
