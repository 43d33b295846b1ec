package com.yieldpilot.market.internal.health;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.market.SourceStatus;
import com.yieldpilot.market.internal.ingest.MarketRefresh;
import com.yieldpilot.market.internal.ingest.MarketSource;
import com.yieldpilot.market.internal.store.SourceStatusStore;
import com.yieldpilot.platform.HealthStatuses;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The market sources this node runs, with what the cluster recorded of each: last success
 * and failure, error rate, failures in a row, circuit breaker. A source that failed
 * {@value SourceStatus#DEGRADED_AFTER} times in a row, or whose circuit is open, makes
 * this DEGRADED, never DOWN: its values age into staleness, so rules stop acting on them
 * by themselves, and the node keeps serving everything else.
 */
// shown as "marketSources": Boot drops the HealthIndicator suffix (that bean name is the
// admin service's)
@Component("marketSourcesHealthIndicator")
class MarketSourcesHealthIndicator extends AbstractHealthIndicator {

	private static final Set<String> TRIPPED = Set.of("OPEN", "HALF_OPEN", "FORCED_OPEN");

	private final MarketRefresh refresh;

	private final SourceStatusStore statuses;

	MarketSourcesHealthIndicator(MarketRefresh refresh, SourceStatusStore statuses) {
		super("Market source health check failed");
		this.refresh = refresh;
		this.statuses = statuses;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean degraded = false;
		for (MarketSource source : this.refresh.sources()) {
			Optional<SourceStatus> recorded = this.statuses.find(source.name());
			String circuit = source.circuitState();
			String state = state(recorded, circuit);
			degraded |= state.equals("degraded");
			builder.withDetail(source.name(), detail(state, recorded, circuit));
		}
		builder.status(degraded ? HealthStatuses.DEGRADED : Status.UP);
	}

	private static String state(Optional<SourceStatus> recorded, @Nullable String circuit) {
		if (recorded.isPresent() && !recorded.get().enabled()) {
			return "off";
		}
		boolean tripped = circuit != null && TRIPPED.contains(circuit.toUpperCase(Locale.ROOT));
		if (tripped || recorded.map(SourceStatus::degraded).orElse(false)) {
			return "degraded";
		}
		return recorded.map(s -> (s.lastSuccess() != null) ? "ok" : "not polled yet").orElse("not polled yet");
	}

	private static Map<String, Object> detail(String state, Optional<SourceStatus> recorded, @Nullable String circuit) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("state", state);
		recorded.ifPresent(s -> {
			if (s.lastSuccess() != null) {
				detail.put("lastSuccess", s.lastSuccess().toString());
			}
			if (s.lastFailure() != null) {
				detail.put("lastFailure", s.lastFailure().toString());
			}
			if (s.lastError() != null) {
				detail.put("lastError", s.lastError());
			}
			detail.put("consecutiveFailures", s.consecutiveFailures());
			detail.put("errorRate", Math.round(s.errorRate() * 10_000) / 10_000.0);
		});
		if (circuit != null) {
			detail.put("circuit", circuit);
		}
		return detail;
	}

}
