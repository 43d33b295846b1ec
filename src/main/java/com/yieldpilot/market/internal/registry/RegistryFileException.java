package com.yieldpilot.market.internal.registry;

import java.util.List;

/**
 * A registry file that cannot be applied, with every problem found by line. Nothing of it
 * was stored.
 */
public class RegistryFileException extends IllegalArgumentException {

	private final List<String> problems;

	RegistryFileException(String file, List<String> problems) {
		super("The registry file " + file + " cannot be applied; fix it and start again:\n  - "
				+ String.join("\n  - ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
