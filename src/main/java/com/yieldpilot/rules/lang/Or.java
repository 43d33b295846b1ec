package com.yieldpilot.rules.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * At least one operand holds. Nested {@code Or}s are flattened on construction, like
 * {@link And}.
 */
public record Or(List<Condition> operands) implements Condition {

	public Or {
		List<Condition> flat = new ArrayList<>();
		for (Condition operand : operands) {
			if (operand instanceof Or or) {
				flat.addAll(or.operands());
			}
			else {
				flat.add(operand);
			}
		}
		if (flat.size() < 2) {
			throw new IllegalArgumentException("'or' needs at least two conditions");
		}
		operands = List.copyOf(flat);
	}

	public static Or of(Condition... operands) {
		return new Or(List.of(operands));
	}

}
