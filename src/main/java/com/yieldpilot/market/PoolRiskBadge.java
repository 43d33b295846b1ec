package com.yieldpilot.market;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a pool screen shows of a pool's risk score.
 *
 * @param score the probability of an adverse event within four weeks, 0 to 1
 * @param band "low", "medium" or "high"
 * @param model the model version that scored, e.g. "v3", or "heuristic"
 * @param heuristic whether the cold-start heuristic scored rather than a trained model
 * @param explanation the main contributions, largest first, each with its direction, e.g.
 * "TVL fell 38% in 7 days: +0.21"
 */
public record PoolRiskBadge(double score, String band, String model, boolean heuristic, List<String> explanation) {

	public PoolRiskBadge {
		Objects.requireNonNull(band, "band");
		Objects.requireNonNull(model, "model");
		explanation = List.copyOf(explanation);
		if (!(score >= 0 && score <= 1)) {
			throw new IllegalArgumentException("A risk score lies in [0, 1], not " + score);
		}
	}

	/** The badge's text, e.g. "high 0.62 · v3" or "medium 0.31 · heuristic". */
	public String text() {
		return String.format(Locale.ROOT, "%s %.2f · %s", this.band, this.score, this.model);
	}

}
