package com.yieldpilot.rules.internal.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Function;

import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.EngineShard;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.internal.store.StoredRule;

/**
 * A restarted node's rebuild of one shard, for the JMH benchmarks under
 * {@code src/test/java/com/yieldpilot/bench}: the page loop of {@link ShardEvaluator}'s
 * evaluation from cursor 0, and each stored rule installed by the evaluator's own
 * {@code Shard.apply} (parse, compile, install). It times the two halves separately.
 */
public final class ColdRebuild {

	/** {@link ShardEvaluator}'s page size. */
	public static final int PAGE = 5_000;

	private ColdRebuild() {
	}

	/**
	 * How long one rebuild spent reading pages from the database and applying the rules
	 * read (parse, compile, install into the engine), and the CPU time the calling thread
	 * spent applying them, which other processes on a busy machine do not inflate.
	 */
	public record Split(long readNanos, long applyNanos, long applyCpuNanos, int rules) {

		public static final Split NONE = new Split(0, 0, 0, 0);

		public Split plus(Split other) {
			return new Split(this.readNanos + other.readNanos, this.applyNanos + other.applyNanos,
					this.applyCpuNanos + other.applyCpuNanos, this.rules + other.rules);
		}

	}

	/**
	 * Reads every rule of the shard and installs it into {@code engine}, which must be
	 * fresh; the caller holds the transaction and the shard's lock, as the evaluator
	 * does.
	 */
	public static Split shard(ShardStore store, EngineShard engine, int shardNumber,
			Function<TermKey, Reading> readings) {
		ShardEvaluator.Shard shard = new ShardEvaluator.Shard(engine);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long read = 0;
		long apply = 0;
		long applyCpu = 0;
		List<StoredRule> page;
		do {
			long started = System.nanoTime();
			page = store.changedAfter(shardNumber, shard.cursor, PAGE);
			long fetched = System.nanoTime();
			long cpu = threads.getCurrentThreadCpuTime();
			for (StoredRule stored : page) {
				shard.apply(stored, readings);
				shard.cursor = stored.changeSeq();
			}
			applyCpu += threads.getCurrentThreadCpuTime() - cpu;
			read += fetched - started;
			apply += System.nanoTime() - fetched;
		}
		while (page.size() == PAGE);
		return new Split(read, apply, applyCpu, shard.live.size());
	}

	/** Parses and compiles a stored rule as the evaluator does before installing it. */
	public static Condition compile(StoredRule stored) {
		Condition condition = LiveRule.of(stored).condition();
		if (condition == null) {
			throw new IllegalArgumentException("Rule " + stored.id() + " has no condition");
		}
		return condition;
	}

}
