package com.yieldpilot.rules.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * All operands hold. Nested {@code And}s are flattened on construction, so
 * {@code (a and b) and c} and {@code a and b and c} are one tree.
 */
public record And(List<Condition> operands) implements Condition {

	public And {
		List<Condition> flat = new ArrayList<>();
		for (Condition operand : operands) {
			if (operand instanceof And and) {
				flat.addAll(and.operands());
			}
			else {
				flat.add(operand);
			}
		}
		if (flat.size() < 2) {
			throw new IllegalArgumentException("'and' needs at least two conditions");
		}
		operands = List.copyOf(flat);
	}

	public static And of(Condition... operands) {
		return new And(List.of(operands));
	}

}
