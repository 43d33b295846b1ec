package com.yieldpilot.execution.internal.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Executions ready to run on this node, handed to the pipeline in batches (decision
 * 0018). Nothing waits for a timer: an execution added while fewer than {@code inFlight}
 * batches run starts a batch at once, alone if nothing else is queued; those added while
 * the batches run queue up, and the next batch to start takes all of them, up to
 * {@code batchSize}. A burst of firings therefore goes through in a few large batches,
 * and a single firing in one of its own. The guardrails' reviews are batched the same way
 * (decision 0019).
 * <p>
 * A thread that would only hand an item over and wait, or that has nothing left to do but
 * hand items over, may run the batch itself ({@link #addHere}, {@link #holding}): the
 * same batch, under the same limit, without a hop to another thread (decision 0017, third
 * round).
 */
public final class ReadyQueue<T> {

	private final Queue<T> queued = new ConcurrentLinkedQueue<>();

	private final AtomicInteger running = new AtomicInteger();

	private final int batchSize;

	private final int inFlight;

	private final Executor threads;

	private final Consumer<List<T>> batch;

	/** The items added on a thread inside {@link #holding}, not handed over yet. */
	private final ThreadLocal<@Nullable List<T>> holds = new ThreadLocal<>();

	public ReadyQueue(int batchSize, int inFlight, Executor threads, Consumer<List<T>> batch) {
		if (batchSize < 1 || inFlight < 1) {
			throw new IllegalArgumentException("a batch holds at least one, and at least one batch runs");
		}
		this.batchSize = batchSize;
		this.inFlight = inFlight;
		this.threads = threads;
		this.batch = batch;
	}

	/**
	 * Adds an item ready to run: a batch starts on another thread if one may start;
	 * inside {@link #holding} on this thread, it waits for the held work to end instead.
	 */
	public void add(T item) {
		List<T> held = this.holds.get();
		if (held != null) {
			held.add(item);
			return;
		}
		this.queued.add(item);
		drain();
	}

	/**
	 * Adds an item and, if a batch may start, runs that batch on the calling thread (with
	 * everything else queued); otherwise the item waits for the next batch as with
	 * {@link #add}. For a caller that would only wait for the item's batch anyway.
	 */
	public void addHere(T item) {
		this.queued.add(item);
		if (takeSlot()) {
			runOne();
		}
	}

	/**
	 * Runs the work; the items it adds on this thread meanwhile (typically after a
	 * commit) then run on this thread, as one batch with whatever else is queued, if a
	 * batch may start, instead of starting a batch on another thread; otherwise they wait
	 * for the next batch as with {@link #add}. If the work fails, its items are handed on
	 * as {@link #add} does, and the failure is thrown.
	 */
	public void holding(Runnable work) {
		if (this.holds.get() != null) {
			work.run(); // the outer holding runs them
			return;
		}
		List<T> held = new ArrayList<>();
		this.holds.set(held);
		boolean done = false;
		try {
			work.run();
			done = true;
		}
		finally {
			this.holds.remove();
			this.queued.addAll(held);
			if (!done) {
				drain();
			}
		}
		if (!held.isEmpty() && takeSlot()) {
			runOne();
		}
	}

	/** Starts a batch on another thread if one may start and anything waits. */
	private void drain() {
		// with every slot taken, a running batch drains again when it ends
		if (!this.queued.isEmpty() && takeSlot()) {
			this.threads.execute(this::runOne);
		}
	}

	/** Takes one of the batch slots, if one is free. */
	private boolean takeSlot() {
		while (true) {
			int now = this.running.get();
			if (now >= this.inFlight) {
				return false;
			}
			if (this.running.compareAndSet(now, now + 1)) {
				return true;
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
