package com.yieldpilot.market;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.market.internal.ingest.MarketRefresh;
import com.yieldpilot.market.internal.ingest.MarketSource;
import com.yieldpilot.market.internal.store.SourceStatusStore;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * For admins: the health of every market source, switching one off or on, and a refresh
 * on demand.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class MarketSources {

	private final MarketRefresh refresh;

	private final SourceStatusStore status;

	private final AuditLog auditLog;

	private final CurrentUser currentUser;

	private final Clock clock;

	private final Executor executor;

	MarketSources(MarketRefresh refresh, SourceStatusStore status, AuditLog auditLog, CurrentUser currentUser,
			Clock clock, @Qualifier("applicationTaskExecutor") Executor executor) {
		this.executor = executor;
		this.refresh = refresh;
		this.status = status;
		this.auditLog = auditLog;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/**
	 * Every source this node runs or any node recorded, with its circuit state where this
	 * node knows it.
	 */
	public List<SourceStatus> statuses() {
		Map<String, MarketSource> running = this.refresh.sources()
			.stream()
			.collect(Collectors.toMap(MarketSource::name, Function.identity()));
		List<SourceStatus> result = new ArrayList<>();
		for (SourceStatus recorded : this.status.all()) {
			MarketSource source = running.remove(recorded.source());
			result.add(withCircuit(recorded, source));
		}
		running.values()
			.forEach(source -> result.add(
					withCircuit(new SourceStatus(source.name(), true, null, null, null, 0, 0, 0, null, null), source)));
		return result;
	}

	public void setEnabled(String source, boolean enabled) {
		this.status.setEnabled(source, enabled, this.clock.instant());
		this.auditLog.record(this.currentUser.id(), enabled ? "market.source.enabled" : "market.source.disabled",
				source, null);
	}

	/**
	 * Polls every enabled source now, on the caller's thread; returns the number of
	 * samples stored.
	 */
	public int refreshNow() {
		return this.refresh.refresh();
	}

	/**
	 * Polls every enabled source on a background thread, for screens that must not block.
	 * The caller's role is checked here, on the caller's thread; the work itself needs no
	 * security context.
	 */
	public CompletableFuture<Integer> refreshInBackground() {
		return CompletableFuture.supplyAsync(this.refresh::refresh, this.executor);
	}

	private static SourceStatus withCircuit(SourceStatus s, @Nullable MarketSource source) {
		String circuit = (source != null) ? source.circuitState() : null;
		return new SourceStatus(s.source(), s.enabled(), s.lastSuccess(), s.lastFailure(), s.lastError(),
				s.consecutiveFailures(), s.successes(), s.failures(), s.lastLatency(), circuit);
	}

}
