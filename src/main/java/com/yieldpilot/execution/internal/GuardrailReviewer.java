package com.yieldpilot.execution.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.yieldpilot.execution.internal.pipeline.ReadyQueue;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentProposed;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Hands each proposed intent to the guardrails' review, batched with the intents proposed
 * at the same time (decision 0019), and returns once its review has committed. The event
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

	private final ExecutorService runner = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("guardrails-", 0).factory());

	private final ReadyQueue<Pending> queue = new ReadyQueue<>(BATCH_SIZE, BATCHES_IN_FLIGHT, this.runner,
			this::review);

	GuardrailReviewer(GuardrailBatch batch) {
		this.batch = batch;
	}

	/** An intent waiting for its review, and who waits for it. */
	private record Pending(IntentId intent, CompletableFuture<Void> reviewed) {
	}

	@Async
	@TransactionalEventListener
	void on(IntentProposed event) {
		CompletableFuture<Void> reviewed = new CompletableFuture<>();
		this.queue.add(new Pending(event.intent().id(), reviewed));
		// throws when the review did not happen: the registry keeps the publication
		reviewed.join();
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
