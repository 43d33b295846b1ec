package com.yieldpilot.execution.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Executions ready to run on this node, handed to the pipeline in batches (decision
 * 0018). Nothing waits for a timer: an execution added while fewer than {@code inFlight}
 * batches run starts a batch at once, alone if nothing else is queued; those added while
 * the batches run queue up, and the next batch to start takes all of them, up to
 * {@code batchSize}. A burst of firings therefore goes through in a few large batches,
 * and a single firing in one of its own. The guardrails' reviews are batched the same way
 * (decision 0019).
 */
public final class ReadyQueue<T> {

	private final Queue<T> queued = new ConcurrentLinkedQueue<>();

	private final AtomicInteger running = new AtomicInteger();

	private final int batchSize;

	private final int inFlight;

	private final Executor threads;

	private final Consumer<List<T>> batch;

	public ReadyQueue(int batchSize, int inFlight, Executor threads, Consumer<List<T>> batch) {
		if (batchSize < 1 || inFlight < 1) {
			throw new IllegalArgumentException("a batch holds at least one, and at least one batch runs");
		}
		this.batchSize = batchSize;
		this.inFlight = inFlight;
		this.threads = threads;
		this.batch = batch;
	}

	public void add(T item) {
		this.queued.add(item);
		drain();
	}

	/** Starts a batch if one may start and anything waits. */
	private void drain() {
		while (!this.queued.isEmpty()) {
			int now = this.running.get();
			if (now >= this.inFlight) {
				return; // a running batch drains again when it ends
			}
			if (this.running.compareAndSet(now, now + 1)) {
				this.threads.execute(this::runOne);
				return;
			}
		}
	}

	private void runOne() {
		try {
			List<T> taken = new ArrayList<>();
			T next;
			while (taken.size() < this.batchSize && (next = this.queued.poll()) != null) {
				taken.add(next);
			}
			if (!taken.isEmpty()) {
				this.batch.accept(taken);
			}
		}
		finally {
			this.running.decrementAndGet();
			drain();
		}
	}

}
