package com.yieldpilot.execution;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.rules.IntentId;

import org.jspecify.annotations.Nullable;

/**
 * What the guardrails decided about one intent.
 *
 * @param intent the intent reviewed
 * @param outcome approved, scaled down or blocked
 * @param scale the factor the intent's fund-moving amounts are multiplied by: 1 when
 * approved, more than 0 and less than 1 when scaled, 0 when blocked
 * @param reasons the guardrails' reasons, in the order they were given
 * @param guardrailVersion the guardrail version that reviewed it; null when none could
 * run
 * @param reviewedAt when
 */
public record GuardrailVerdict(IntentId intent, Outcome outcome, double scale, List<String> reasons,
		@Nullable Integer guardrailVersion, Instant reviewedAt) {

	/** The three things the guardrails can do with an intent. */
	public enum Outcome {

		APPROVED, SCALED, BLOCKED

	}

	public GuardrailVerdict {
		Objects.requireNonNull(intent, "intent");
		Objects.requireNonNull(outcome, "outcome");
		Objects.requireNonNull(reviewedAt, "reviewedAt");
		reasons = List.copyOf(reasons);
		if (!(scale >= 0 && scale <= 1)) {
			throw new IllegalArgumentException("A scale is between 0 and 1, not " + scale);
		}
		if ((outcome == Outcome.BLOCKED) != (scale == 0) || (outcome == Outcome.APPROVED) != (scale == 1)) {
			throw new IllegalArgumentException(outcome + " does not go with the scale " + scale);
		}
	}

	/** The reasons as one line for the farmer. */
	public String summary() {
		return String.join("; ", this.reasons);
	}

}
