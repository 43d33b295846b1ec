package com.yieldpilot.market;

import java.time.Instant;
import java.util.Map;

import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Service;

/**
 * Where the risk module stores its scores: as samples of metric {@link Metric#RISK} from
 * source {@link Source#RISK_MODEL}, so rules read {@code risk(pool)} from the live values
 * like any other metric, with history, windows and staleness. Storing announces a
 * {@link MarketUpdated} with that source, which scoring itself ignores.
 */
@Service
public class RiskSamples {

	private final MarketIngestion ingestion;

	RiskSamples(MarketIngestion ingestion) {
		this.ingestion = ingestion;
	}

	/**
	 * Stores one score per pool, all observed at the same instant.
	 * @throws IllegalArgumentException for a score outside [0, 1]
	 */
	public void record(Map<PoolId, Double> scores, Instant observedAt) {
		scores.forEach((pool, score) -> {
			if (!(score >= 0 && score <= 1)) {
				throw new IllegalArgumentException("A risk score lies in [0, 1], not " + score + " (" + pool + ")");
			}
		});
		if (!scores.isEmpty()) {
			// every pool's score at once: one statement per column, not a row of
			// binds each
			this.ingestion.ingestColumn(Source.RISK_MODEL, Metric.RISK, observedAt, scores);
		}
	}

}
