package com.yieldpilot.market;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.market.internal.history.HistoryBackfill;
import com.yieldpilot.market.internal.history.HistoryBackfillJob;
import com.yieldpilot.market.internal.history.HistoryImport;
import com.yieldpilot.market.internal.store.BackfillQueue;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.platform.scheduling.ClusterJobs;
import com.yieldpilot.shared.PoolId;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For admins: pools' past history. Backfills from DefiLlama run in the background by
 * themselves when a pool with a DefiLlama id enters the registry; an admin can ask for
 * one again (it jumps the queue) and see how they fare, or import a history file.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class MarketHistory {

	private static final Logger log = LoggerFactory.getLogger(MarketHistory.class);

	private final BackfillQueue queue;

	private final HistoryBackfill backfill;

	private final HistoryImport historyImport;

	private final PoolRegistry registry;

	private final MetricCatalog catalog;

	private final ClusterJobs jobs;

	private final AuditLog auditLog;

	private final CurrentUser currentUser;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MarketHistory(BackfillQueue queue, HistoryBackfill backfill, HistoryImport historyImport, PoolRegistry registry,
			MetricCatalog catalog, ClusterJobs jobs, AuditLog auditLog, CurrentUser currentUser,
			TransactionTemplate transactions, Clock clock) {
		this.queue = queue;
		this.backfill = backfill;
		this.historyImport = historyImport;
		this.registry = registry;
		this.catalog = catalog;
		this.jobs = jobs;
		this.auditLog = auditLog;
		this.currentUser = currentUser;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Whether this node backfills from DefiLlama at all. */
	public boolean backfillAvailable() {
		return this.backfill.available();
	}

	/**
	 * Queues the pool's backfill ahead of the automatic ones and starts the backfill job
	 * now; the chart is fetched in the background.
	 * @throws UnknownPoolException for a pool that is not registered
	 * @throws IllegalStateException when the pool has no DefiLlama id, or DefiLlama is
	 * not enabled here
	 */
	public BackfillStatus requestBackfill(PoolId pool) {
		PoolDescriptor descriptor = this.registry.find(pool)
			.orElseThrow(() -> new UnknownPoolException(pool.toString(), this.catalog.suggestions(pool.toString(), 3)));
		if (descriptor.defiLlamaId() == null) {
			throw new IllegalStateException("Pool " + pool + " has no DefiLlama id, so DefiLlama has no history of it."
					+ " Import a history file instead.");
		}
		if (!this.backfill.available()) {
			throw new IllegalStateException("This server does not read DefiLlama "
					+ "(yieldpilot.market.defillama.enabled or yieldpilot.market.backfill.enabled is off), "
					+ "so it cannot backfill from it.");
		}
		BackfillStatus status = this.transactions.execute(tx -> {
			this.auditLog.record(this.currentUser.id(), "market.history.backfill-requested", pool.toString(), null);
			return this.queue.request(pool, this.clock.instant());
		});
		startNow();
		return status;
	}

	public Optional<BackfillStatus> backfill(PoolId pool) {
		return this.queue.find(pool);
	}

	/** How many backfills are queued, done and failed. */
	public Map<BackfillStatus.State, Integer> backfillCounts() {
		return this.queue.counts();
	}

	/** Failed backfills, the most recent failure first. */
	public List<BackfillStatus> failedBackfills(int limit) {
		return this.queue.failures(limit);
	}

	/**
	 * Imports a history file in DefiLlama's chart shape (CSV or JSON) into a pool, all or
	 * nothing.
	 * @throws UnknownPoolException for a pool that is not registered
	 */
	public HistoryImportReport importHistory(String pool, String fileName, InputStream content) {
		return this.historyImport.importFile(pool, fileName, content, this.currentUser.id());
	}

	private void startNow() {
		try {
			this.jobs.runNow(HistoryBackfillJob.KEY);
		}
		catch (SchedulerException ex) {
			// the request is queued; the job's next regular run takes it
			log.warn("Could not start the history backfill job now: {}", ex.getMessage());
		}
	}

}
