package com.yieldpilot.market.internal.history;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.market.internal.defillama.ChartSeries;
import com.yieldpilot.market.internal.defillama.DefiLlamaHttpException;
import com.yieldpilot.market.internal.defillama.DefiLlamaTransportException;
import com.yieldpilot.market.internal.store.BackfillQueue;
import com.yieldpilot.market.internal.store.BackfillQueue.BackfillResult;
import com.yieldpilot.market.internal.store.BackfillQueue.BackfillTask;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backfills pools' history from DefiLlama's {@code /chart/{pool}}, a few per run (see
 * {@link BackfillProperties}): queues every registered pool with a DefiLlama id that has
 * no backfill record, then fetches the due ones one after another and stores each chart
 * with its record in one transaction. A pool's failure (an unknown pool, a broken chart)
 * is recorded and retried later with a growing delay; when DefiLlama itself fails (down,
 * slow, rate-limiting, circuit open) the run stops there, so the rest of the queue waits
 * instead of hammering it. Running twice stores nothing twice. Without DefiLlama (not
 * enabled on this node) a run does nothing.
 */
public class HistoryBackfill {

	private static final Logger log = LoggerFactory.getLogger(HistoryBackfill.class);

	private final BackfillQueue queue;

	private final HistoryWriter writer;

	private final @Nullable ChartSource charts;

	private final BackfillProperties properties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final MeterRegistry meters;

	HistoryBackfill(BackfillQueue queue, HistoryWriter writer, @Nullable ChartSource charts,
			BackfillProperties properties, Clock clock, TransactionTemplate transactions, MeterRegistry meters) {
		this.queue = queue;
		this.writer = writer;
		this.charts = charts;
		this.properties = properties;
		this.clock = clock;
		this.transactions = transactions;
		this.meters = meters;
	}

	/** Whether there is a DefiLlama to backfill from, and backfilling is on. */
	public boolean available() {
		return this.charts != null && this.properties.enabled();
	}

	/** What one run did. */
	public record Run(int queued, int succeeded, int failed, boolean sourceFailed) {

		static final Run IDLE = new Run(0, 0, 0, false);

	}

	/** One run; safe to repeat and to run on any node (Quartz runs one at a time). */
	public Run run() {
		if (!available()) {
			return Run.IDLE;
		}
		Instant now = this.clock.instant();
		int queued = Objects.requireNonNull(this.transactions.execute(status -> this.queue.enqueueNewPools(now)));
		List<BackfillTask> due = this.queue.due(now, this.properties.perRun());
		int succeeded = 0;
		int failed = 0;
		boolean sourceFailed = false;
		for (BackfillTask task : due) {
			Outcome outcome = backfill(task);
			this.meters
				.counter("yieldpilot.market.backfill", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
				.increment();
			if (outcome == Outcome.DONE) {
				succeeded++;
				continue;
			}
			failed++;
			if (outcome == Outcome.SOURCE_FAILED) {
				sourceFailed = true;
				break;
			}
		}
		Run run = new Run(queued, succeeded, failed, sourceFailed);
		if (queued > 0 || !due.isEmpty()) {
			log.info("History backfill: {} pools queued, {} backfilled, {} failed{}", queued, succeeded, failed,
					sourceFailed ? "; DefiLlama failed, the rest waits for the next run" : "");
		}
		return run;
	}

	private enum Outcome {

		DONE, FAILED, SOURCE_FAILED

	}

	private Outcome backfill(BackfillTask task) {
		ChartSeries series;
		try {
			series = Objects.requireNonNull(this.charts).chart(task.defiLlamaId());
		}
		catch (RuntimeException ex) {
			boolean sourceFailed = sourceFailed(ex);
			fail(task, "DefiLlama /chart failed: " + message(ex));
			return sourceFailed ? Outcome.SOURCE_FAILED : Outcome.FAILED;
		}
		List<HistoryRow> rows = series.points().stream().map(HistoryRow::of).toList();
		try {
			this.transactions.executeWithoutResult(status -> {
				HistoryWriter.Written written = this.writer.write(task.pool(), rows);
				this.queue.succeeded(task.pool(), this.clock.instant(),
						new BackfillResult(rows.size(), series.report().skippedCount(), written.stored(),
								rows.stream().map(HistoryRow::at).min(Comparator.naturalOrder()).orElse(null),
								rows.stream().map(HistoryRow::at).max(Comparator.naturalOrder()).orElse(null)));
			});
			log.debug("Backfilled {}: {} points, {} skipped", task.pool(), rows.size(), series.report().skippedCount());
			return Outcome.DONE;
		}
		catch (RuntimeException ex) {
			fail(task, "Storing the history failed: " + message(ex));
			return Outcome.FAILED;
		}
	}

	private void fail(BackfillTask task, String error) {
		Instant now = this.clock.instant();
		Instant next = now.plus(this.properties.retryDelay(task.attempts() + 1));
		log.warn("History backfill of {} failed (attempt {}), next at {}: {}", task.pool(), task.attempts() + 1, next,
				error);
		this.transactions.executeWithoutResult(status -> this.queue.failed(task.pool(), now, error, next));
	}

	/**
	 * Whether the failure is DefiLlama's as a whole rather than this pool's: then the
	 * other pools would fail the same way.
	 */
	private static boolean sourceFailed(RuntimeException ex) {
		return ex instanceof CallNotPermittedException || ex instanceof DefiLlamaTransportException
				|| (ex instanceof DefiLlamaHttpException http && http.isRetryable());
	}

	private static String message(RuntimeException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
