package com.yieldpilot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.support.MutableClock;
import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.EngineShard;
import com.yieldpilot.rules.internal.engine.NetworkRules;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.ReferenceEvaluator;
import com.yieldpilot.rules.internal.engine.RuleChange;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.engine.Truth;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target: a tick at 100k rules within 8× the plain indexed Java evaluator of the same
 * rules, measured in the same run ({@link RuleWorkload} describes the market and the
 * rules).
 * <ul>
 * <li>{@code engine=reference}: {@link ReferenceEvaluator}, the baseline: a term → rules
 * index and a re-evaluation of each affected rule;</li>
 * <li>{@code engine=drools}: the Drools network in one session (one core);</li>
 * <li>{@code engine=drools-2-shards}: the rules split over two sessions ticking in
 * parallel, as the engine runs them on a 2-core node.</li>
 * </ul>
 * A tick applies a tenth of the terms' new values, wakes held parts that are due, and
 * counts the rules that became true.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx3g" })
public class RuleEngineBenchmark {

	@Param({ "1000", "10000", "100000" })
	public int rules;

	@Param({ "reference", "drools", "drools-2-shards" })
	public String engine;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));

	private List<Map<TermKey, Reading>> ticks;

	private int next;

	private ReferenceEvaluator reference;

	private final List<EngineShard> shards = new ArrayList<>();

	private ExecutorService threads;

	@Setup(Level.Trial)
	public void setUp() {
		RuleWorkload workload = new RuleWorkload(42);
		List<Condition> conditions = workload.rules(this.rules);
		this.ticks = workload.ticks(this.clock.instant(), Duration.ofSeconds(15));
		if (this.engine.equals("reference")) {
			this.reference = new ReferenceEvaluator(this.clock);
			this.reference.update(workload.market);
			for (int i = 0; i < conditions.size(); i++) {
				this.reference.install(i + 1, conditions.get(i), Truth.UNKNOWN);
			}
			return;
		}
		NetworkRules network = NetworkRules.load();
		int count = this.engine.equals("drools") ? 1 : 2;
		for (int s = 0; s < count; s++) {
			this.shards.add(network.newShard(this.clock));
		}
		for (int i = 0; i < conditions.size(); i++) {
			this.shards.get(i % count).install(i + 1, conditions.get(i), workload.market::get, Truth.UNKNOWN, Map.of());
		}
		this.threads = Executors.newFixedThreadPool(count);
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		if (this.threads != null) {
			this.threads.shutdownNow();
		}
		this.shards.forEach(EngineShard::close);
	}

	/**
	 * Rules that became true, summed over an iteration: every engine must show the same
	 * per tick.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Fired {

		public long fired;

	}

	@Benchmark
	public int tick(Fired fired) throws Exception {
		Map<TermKey, Reading> tick = this.ticks.get(this.next);
		this.next = (this.next + 1) % this.ticks.size();
		this.clock.advance(Duration.ofSeconds(15));
		int total;
		if (this.reference != null) {
			total = count(this.reference.update(tick)) + count(this.reference.advance());
		}
		else if (this.shards.size() == 1) {
			EngineShard shard = this.shards.get(0);
			total = count(shard.update(tick)) + count(shard.advance());
		}
		else {
			List<Future<Integer>> results = new ArrayList<>();
			for (EngineShard shard : this.shards) {
				results.add(this.threads.submit(() -> count(shard.update(tick)) + count(shard.advance())));
			}
			total = 0;
			for (Future<Integer> result : results) {
				total += result.get();
			}
		}
		fired.fired += total;
		return total;
	}

	private static int count(List<RuleChange> changes) {
		int count = 0;
		for (RuleChange change : changes) {
			if (change.becameTrue()) {
				count++;
			}
		}
		return count;
	}

}
