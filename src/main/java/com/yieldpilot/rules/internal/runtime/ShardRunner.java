package com.yieldpilot.rules.internal.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.yieldpilot.platform.Foreground;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Evaluates shards on this node as soon as something asks for it: the market moved here
 * or a rule changed here. One evaluation per shard at a time: a request that arrives
 * while the shard is being evaluated runs it once more right after, so no update is
 * missed and a burst costs at most one extra evaluation. This is the fast path; the
 * shards' clustered Quartz triggers stay as the schedule that every node shares, and the
 * shard's row lock keeps an evaluation here and one on another node apart.
 */
@Component
class ShardRunner {

	private static final Logger log = LoggerFactory.getLogger(ShardRunner.class);

	private static final int IDLE = 0;

	private static final int RUNNING = 1;

	/** Running, and asked again since it started. */
	private static final int AGAIN = 2;

	private final ShardEvaluation evaluation;

	private final Map<Integer, AtomicInteger> states = new ConcurrentHashMap<>();

	private final ExecutorService threads = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("rules-shard-", 0).factory());

	private final Foreground foreground;

	ShardRunner(Foreground foreground, ShardEvaluation evaluation) {
		this.evaluation = evaluation;
		this.foreground = foreground;
	}

	/** Evaluates the shard soon, on a thread of its own; returns at once. */
	void request(int shard) {
		AtomicInteger state = this.states.computeIfAbsent(shard, (n) -> new AtomicInteger(IDLE));
		while (true) {
			int now = state.get();
			if (now == AGAIN) {
				return;
			}
			if (state.compareAndSet(now, (now == IDLE) ? RUNNING : AGAIN)) {
				if (now == IDLE) {
					// taken here, before this returns, so the lease of whoever asked can
					// close without a gap
					Foreground.Lease lease = this.foreground.begin();
					try {
						this.threads.execute(() -> drain(shard, state, lease));
					}
					catch (RuntimeException ex) {
						lease.close();
						throw ex;
					}
				}
				return;
			}
		}
	}

	/**
	 * Evaluates the shard soon if the market update wrote a value its rules read, or if
	 * it is being evaluated now (that evaluation may have read the market before the
	 * update and installed a rule that reads it). A shard the update does not concern
	 * waits for its next update or its repeating trigger, which also notices values going
	 * stale and windows moving on.
	 */
	void request(int shard, WatchedTerms.Change change) {
		AtomicInteger state = this.states.get(shard);
		if ((state != null && state.get() != IDLE) || this.evaluation.concerns(shard, change)) {
			request(shard);
		}
	}

	private void drain(int shard, AtomicInteger state, Foreground.Lease lease) {
		try (lease) {
			drain(shard, state);
		}
	}

	private void drain(int shard, AtomicInteger state) {
		while (true) {
			try {
				this.evaluation.evaluate(shard);
			}
			catch (RuntimeException ex) {
				// the shard's repeating trigger evaluates it again within one tick
				log.warn("Rule shard {} could not be evaluated now: {}", shard, ex.getMessage());
			}
			if (state.compareAndSet(RUNNING, IDLE)) {
				return;
			}
			// asked again while it ran: only this thread leaves AGAIN
			state.set(RUNNING);
		}
	}

	@PreDestroy
	void stop() {
		this.threads.shutdown();
	}

}
