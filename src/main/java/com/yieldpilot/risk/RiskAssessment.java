package com.yieldpilot.risk;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * A pool's risk score: the probability that its yield does not hold or its capital flees
 * within four weeks, with its explanation, largest effect first.
 *
 * @param pool the pool
 * @param score 0 (safe) to 1
 * @param modelVersion the model version that scored, or null for the heuristic
 * @param heuristic whether the cold-start heuristic scored (no model promoted yet, or too
 * little history for the model)
 * @param explanation the main contributing features
 * @param scoredAt when the score was computed from the data that gave it: a later scoring
 * pass that computes the same score, model version and features keeps this time
 * @param checkedAt the newest scoring pass known to have confirmed it, never before
 * {@code scoredAt}: after a market update every scored pool's risk is current as of that
 * update, changed or not (the pool's {@code risk} metric carries the same time)
 */
public record RiskAssessment(PoolId pool, double score, @Nullable Integer modelVersion, boolean heuristic,
		List<RiskFactor> explanation, Instant scoredAt, Instant checkedAt) {

	public RiskAssessment {
		Objects.requireNonNull(pool, "pool");
		Objects.requireNonNull(scoredAt, "scoredAt");
		Objects.requireNonNull(checkedAt, "checkedAt");
		explanation = List.copyOf(explanation);
		if (!(score >= 0 && score <= 1)) {
			throw new IllegalArgumentException("A risk score lies in [0, 1], not " + score);
		}
		if (checkedAt.isBefore(scoredAt)) {
			throw new IllegalArgumentException(
					"A score is checked at " + checkedAt + ", before it was scored at " + scoredAt);
		}
	}

	/** A score computed now, or one whose newer checks are not known here. */
	public RiskAssessment(PoolId pool, double score, @Nullable Integer modelVersion, boolean heuristic,
			List<RiskFactor> explanation, Instant scoredAt) {
		this(pool, score, modelVersion, heuristic, explanation, scoredAt, scoredAt);
	}

	/** The same score, confirmed by a later check. */
	public RiskAssessment checkedAt(Instant checked) {
		return checked.isAfter(this.checkedAt) ? new RiskAssessment(this.pool, this.score, this.modelVersion,
				this.heuristic, this.explanation, this.scoredAt, checked) : this;
	}

	/** The band a screen shows: low below 0.2, medium below 0.5, high from 0.5. */
	public String label() {
		return (this.score < 0.2) ? "low" : (this.score < 0.5) ? "medium" : "high";
	}

	/** "v3", or "heuristic" when no model scored. */
	public String modelLabel() {
		return (this.modelVersion == null) ? "heuristic" : "v" + this.modelVersion;
	}

}
