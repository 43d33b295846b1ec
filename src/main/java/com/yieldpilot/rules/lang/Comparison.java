package com.yieldpilot.rules.lang;

import java.util.List;
import java.util.Objects;

/**
 * Two values compared, e.g. {@code apy(aave-v3:base:USDC) < 4%}, with the comment lines
 * written before it (without their {@code #}).
 */
public record Comparison(Expression left, ComparisonOperator operator, Expression right,
		List<String> comments) implements Condition {

	public Comparison {
		Objects.requireNonNull(left, "left");
		Objects.requireNonNull(operator, "operator");
		Objects.requireNonNull(right, "right");
		comments = RuleText.comments(comments);
	}

	public Comparison(Expression left, ComparisonOperator operator, Expression right) {
		this(left, operator, right, List.of());
	}

	public Comparison withComments(List<String> comments) {
		return new Comparison(this.left, this.operator, this.right, comments);
	}

}
