package com.yieldpilot.platform;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The work on a node that stands between a market update and the transaction it makes the
 * vault send: the rule evaluations the update starts, the guardrails' review of the
 * intents they propose and the first run of the executions the review accepts. Each holds
 * a {@link Lease} while it runs, handed on without a gap from one to the next. Work that
 * can wait (scoring the pools an update touched) calls {@link #awaitQuiet(Duration)}
 * first, so that it does not take the two cores and the database from a firing that is on
 * its way to the chain (decision 0017, eighth round).
 * <p>
 * A lease is released by closing it; closing it again does nothing. One that stays open
 * longer than {@link #ABANDONED} no longer counts (a holder that failed without closing
 * it cannot hold background work back for good), and a waiter never waits longer than it
 * asked for.
 */
@Component
public class Foreground {

	/** After this long an open lease no longer keeps the node from being quiet. */
	public static final Duration ABANDONED = Duration.ofSeconds(30);

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	private final long abandonedNanos;

	/** The open leases, oldest first. */
	private final ArrayDeque<Lease> open = new ArrayDeque<>();

	public Foreground() {
		this(ABANDONED);
	}

	Foreground(Duration abandoned) {
		this.abandonedNanos = abandoned.toNanos();
	}

	/** Marks foreground work as running until the returned lease is closed. */
	public Lease begin() {
		Lease lease = new Lease(System.nanoTime());
		this.lock.lock();
		try {
			this.open.addLast(lease);
		}
		finally {
			this.lock.unlock();
		}
		return lease;
	}

	/**
	 * Waits until no lease is open (or every open one was abandoned), at most
	 * {@code atMost}.
	 * @return whether the node was quiet; false when the wait ran out first
	 * @throws InterruptedException when the waiting thread is interrupted
	 */
	public boolean awaitQuiet(Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		this.lock.lockInterruptibly();
		try {
			while (true) {
				long now = System.nanoTime();
				Lease oldest = oldestCounting(now);
				if (oldest == null) {
					return true;
				}
				long left = deadline - now;
				if (left <= 0) {
					return false;
				}
				// woken by a close, or when the oldest lease would count as abandoned
				this.changed.awaitNanos(Math.min(left, oldest.startNanos + this.abandonedNanos - now));
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** How many leases are open now, abandoned ones included. */
	public int leases() {
		this.lock.lock();
		try {
			return this.open.size();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The oldest open lease that still counts, or null when none does; abandoned ones are
	 * dropped.
	 */
	private @Nullable Lease oldestCounting(long now) {
		while (!this.open.isEmpty()) {
			Lease oldest = this.open.peekFirst();
			if (now - oldest.startNanos < this.abandonedNanos) {
				return oldest;
			}
			this.open.pollFirst();
		}
		return null;
	}

	private void release(Lease lease) {
		this.lock.lock();
		try {
			if (this.open.remove(lease)) {
				this.changed.signalAll();
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/** One piece of foreground work, running until closed. */
	public final class Lease implements AutoCloseable {

		private final long startNanos;

		private final AtomicBoolean closed = new AtomicBoolean();

		private Lease(long startNanos) {
			this.startNanos = startNanos;
		}

		@Override
		public void close() {
			if (this.closed.compareAndSet(false, true)) {
				release(this);
			}
		}

	}

}
