package com.yieldpilot.risk.internal.model;

import java.util.List;

/**
 * An input file that cannot be used, with every problem the reader found, each saying
 * what to fix.
 */
public class HistoryFormatException extends RuntimeException {

	private final List<String> problems;

	public HistoryFormatException(List<String> problems) {
		super(String.join("\n", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
