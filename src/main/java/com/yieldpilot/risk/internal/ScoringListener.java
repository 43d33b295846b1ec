package com.yieldpilot.risk.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Source;
import com.yieldpilot.platform.Foreground;
import com.yieldpilot.platform.RedeliveredLater;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Re-scores the pools a market update touched, after it committed. Updates of the risk
 * metric itself (the scores' own samples) and updates without pool yield or TVL values
 * (gas, prices) are ignored.
 * <p>
 * Scoring waits until the node's {@link Foreground} is quiet, at most
 * {@code yieldpilot.risk.scoring.yield-for}: the rule evaluations the same update
 * started, and the reviews and first runs of what they proposed, go first, instead of
 * sharing the cores and the database with a scoring of the same pools (decision 0017,
 * eighth round). A rule that reads {@code risk(pool)} sees the new score that much later,
 * as it sees every score after the update that led to it. The listener holds no
 * transaction while it waits (the scoring opens its own); the event publication registry
 * marks the update delivered once the scores are stored, so a crash before that scores
 * them again.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.risk.scoring.enabled", matchIfMissing = true)
class ScoringListener {

	private static final Set<Metric> INPUTS = EnumSet.of(Metric.APY, Metric.APY_BASE, Metric.APY_REWARD, Metric.TVL);

	private final RiskScoring scoring;

	private final Foreground foreground;

	private final Duration yieldFor;

	ScoringListener(RiskScoring scoring, Foreground foreground,
			@Value("${yieldpilot.risk.scoring.yield-for:2s}") Duration yieldFor) {
		if (yieldFor.isNegative()) {
			throw new IllegalArgumentException(
					"yieldpilot.risk.scoring.yield-for is how long scoring waits for firings in flight, e.g. 2s or 0s; not "
							+ yieldFor);
		}
		this.scoring = scoring;
		this.foreground = foreground;
		this.yieldFor = yieldFor;
	}

	@Async
	@TransactionalEventListener
	void on(MarketUpdated update) {
		if (update.source() == Source.RISK_MODEL || update.pools().isEmpty()
				|| update.metrics().stream().noneMatch(INPUTS::contains)) {
			return;
		}
		try {
			// false when the firings took longer: the scores are due all the same
			this.foreground.awaitQuiet(this.yieldFor);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedeliveredLater("scoring " + update.pools().size()
					+ " pools was interrupted (the node is stopping); they are scored when the update is redelivered",
					ex);
		}
		this.scoring.score(update.pools());
	}

}
