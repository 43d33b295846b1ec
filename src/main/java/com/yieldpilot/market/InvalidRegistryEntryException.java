package com.yieldpilot.market;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A registry entry that cannot be accepted, with every problem found, each tied to the
 * field to fix. Nothing was stored.
 */
public class InvalidRegistryEntryException extends IllegalArgumentException {

	/** One field's problem, in words an admin can act on. */
	public record FieldProblem(String field, String message) {
	}

	private final List<FieldProblem> problems;

	public InvalidRegistryEntryException(String entry, List<FieldProblem> problems) {
		super(entry + ": "
				+ problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

}
