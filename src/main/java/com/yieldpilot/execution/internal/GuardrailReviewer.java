package com.yieldpilot.execution.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.yieldpilot.execution.internal.pipeline.ExecutionPipeline;
import com.yieldpilot.execution.internal.pipeline.ReadyQueue;
import com.yieldpilot.platform.Foreground;
import com.yieldpilot.platform.RedeliveredLater;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentProposed;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands each proposed intent to the guardrails' review, batched with the intents proposed
 * at the same time (decision 0019), and returns once its review has committed; when a
 * batch may start, the listener's own thread reviews it and then runs the executions it
 * accepted (decision 0017, third round), so it returns after their first run. The event
 * publication registry marks the delivery complete only then, so an intent whose review
 * was lost (a crash, a failed commit) is delivered again, and the stored verdict makes
 * that redelivery review nothing twice. The listener holds no database connection while
 * it waits: it is a plain asynchronous listener after the proposal's commit, which the
 * registry tracks like an {@code @ApplicationModuleListener}, without the transaction
 * that would take a connection for the whole wait.
 */
@Component
class GuardrailReviewer {

	/** How many intents one batch reviews at most. */
	static final int BATCH_SIZE = 256;

	/**
	 * How many batches run at once on a node: a single proposal arriving while a batch
	 * runs starts one of its own instead of waiting.
	 */
	static final int BATCHES_IN_FLIGHT = 2;

	private static final Logger log = LoggerFactory.getLogger(GuardrailReviewer.class);

	private final GuardrailBatch batch;

	private final ExecutionPipeline pipeline;

	private final ExecutorService runner = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("guardrails-", 0).factory());

	private final ReadyQueue<Pending> queue;

	private final Foreground foreground;

	/**
	 * The foreground leases of intents proposed on this node and not yet handed to their
	 * review, taken inside the proposing transaction.
	 */
	private final Map<IntentId, Foreground.Lease> proposed = new ConcurrentHashMap<>();

	GuardrailReviewer(GuardrailBatch batch, ExecutionPipeline pipeline, Foreground foreground) {
		this.batch = batch;
		this.pipeline = pipeline;
		this.foreground = foreground;
		// a batch that waited for a slot runs on a thread of its own, and so do the
		// executions it accepts, after it
		this.queue = new ReadyQueue<>(BATCH_SIZE, BATCHES_IN_FLIGHT,
				(reviews) -> this.runner.execute(() -> thenExecute(reviews)), this::review);
	}

	/** An intent waiting for its review, and who waits for it. */
	private record Pending(IntentId intent, CompletableFuture<Void> reviewed) {
	}

	/**
	 * Holds the foreground from the proposal until its review has run (the rule's
	 * evaluation holds it until it committed; this listener's start comes after that): a
	 * plain listener inside the proposing transaction, released by {@link #on} or, when
	 * the proposal rolls back, with it.
	 */
	@EventListener
	void proposing(IntentProposed event) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		IntentId id = event.intent().id();
		Foreground.Lease lease = this.foreground.begin();
		Foreground.Lease before = this.proposed.put(id, lease);
		if (before != null) {
			before.close();
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				if (status != STATUS_COMMITTED && GuardrailReviewer.this.proposed.remove(id, lease)) {
					lease.close();
				}
			}
		});
	}

	@Async
	@TransactionalEventListener
	void on(IntentProposed event) {
		try {
			review(event);
		}
		finally {
			Foreground.Lease lease = this.proposed.remove(event.intent().id());
			if (lease != null) {
				lease.close();
			}
		}
	}

	private void review(IntentProposed event) {
		CompletableFuture<Void> reviewed = new CompletableFuture<>();
		Pending pending = new Pending(event.intent().id(), reviewed);
		// this thread would only wait: when a batch may start, it reviews here, and runs
		// the executions the review accepted right after (no hop to another thread);
		// otherwise the intent waits for the next batch
		thenExecute(() -> this.queue.addHere(pending));
		try {
			reviewed.join();
		}
		catch (CompletionException ex) {
			// the registry keeps the publication, and the intent comes back
			throw new RedeliveredLater("the review of intent " + pending.intent()
					+ " did not happen; it is reviewed again when its event is redelivered", ex.getCause());
		}
	}

	/**
	 * Runs reviews, then the executions they accepted on the same thread. The reviews
	 * have settled their futures by then: an execution that fails to start here is left
	 * to the pipeline's heartbeat (it was marked ready when it was created), never to a
	 * second review.
	 */
	private void thenExecute(Runnable reviews) {
		try (Foreground.Lease lease = this.foreground.begin()) {
			this.pipeline.runStartedHere(reviews);
		}
		catch (RuntimeException ex) {
			log.warn("Executions the guardrails accepted could not start on the reviewing thread; "
					+ "the pipeline's heartbeat runs them", ex);
		}
	}

	private void review(List<Pending> pending) {
		Set<IntentId> ids = new LinkedHashSet<>();
		pending.forEach(p -> ids.add(p.intent()));
		Set<IntentId> failed;
		try {
			failed = this.batch.reviewAll(new ArrayList<>(ids));
		}
		catch (Throwable ex) {
			log.warn("A batch of {} reviews stopped; each is reviewed again when its event is redelivered", ids.size(),
					ex);
			pending.forEach(p -> p.reviewed().completeExceptionally(ex));
			return;
		}
		for (Pending p : pending) {
			if (failed.contains(p.intent())) {
				p.reviewed()
					.completeExceptionally(new IllegalStateException("The review of intent " + p.intent()
							+ " did not happen; it is reviewed again when the event is redelivered"));
			}
			else {
				p.reviewed().complete(null);
			}
		}
	}

	@PreDestroy
	void stop() {
		this.runner.shutdown();
	}

}
