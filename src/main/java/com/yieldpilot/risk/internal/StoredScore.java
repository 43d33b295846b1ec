package com.yieldpilot.risk.internal;

import java.util.List;

import com.yieldpilot.risk.RiskAssessment;
import org.jspecify.annotations.Nullable;

/**
 * A pool's latest score as stored: explained when it was stored (the heuristic's
 * explanation costs nothing), or not yet, in which case its explanation is computed on
 * request from its feature row with the model version that scored it
 * ({@link Explanations}).
 *
 * @param assessment the score; its explanation is empty while {@code explained} is false
 * @param features the feature row it was scored from, null when unknown (stored before
 * features were kept, or with another feature layout)
 * @param explained whether the assessment carries its explanation
 */
record StoredScore(RiskAssessment assessment, float @Nullable [] features, boolean explained) {

	StoredScore {
		if (!explained && !assessment.explanation().isEmpty()) {
			throw new IllegalArgumentException("An unexplained score has no explanation yet");
		}
	}

	/** A score stored with its explanation. */
	static StoredScore explained(RiskAssessment assessment, float @Nullable [] features) {
		return new StoredScore(assessment, features, true);
	}

	/** A score whose explanation is computed from its features when someone asks. */
	static StoredScore unexplained(RiskAssessment assessment, float[] features) {
		return new StoredScore(
				new RiskAssessment(assessment.pool(), assessment.score(), assessment.modelVersion(),
						assessment.heuristic(), List.of(), assessment.scoredAt(), assessment.checkedAt()),
				features, false);
	}

}
