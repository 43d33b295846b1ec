package com.yieldpilot.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.support.MutableClock;
import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.EngineShard;
import com.yieldpilot.rules.internal.engine.NetworkRules;
import com.yieldpilot.rules.internal.engine.Truth;
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
 * Targets: a saved rule live within 50 ms (p95) at 100k rules, a cold rebuild of 100k
 * rules within 10 s, and at most 1 GB of heap at 100k rules ({@link RuleWorkload}'s
 * rules, split over two shards as on a 2-core node).
 * <ul>
 * <li>{@link #saveRule}: replaces one rule of the 100k (uninstall, then install its new
 * version, which evaluates it against the current market): what a save costs the live
 * engine. Sampled, so JMH reports p95.</li>
 * <li>{@link #coldRebuild}: both shards built from nothing with all rules, once per
 * iteration: the engine's part only; {@link RuleColdRebuildBenchmark} measures the
 * rebuild from the database.</li>
 * </ul>
 * The setup prints the heap retained by the engine at the given size (after a full GC,
 * minus the heap before building).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = { "-Xmx3g" })
public class RuleEngineChangeBenchmark {

	@Param({ "100000" })
	public int rules;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));

	private NetworkRules network;

	private RuleWorkload workload;

	private List<Condition> conditions;

	private final List<EngineShard> shards = new ArrayList<>();

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.workload = new RuleWorkload(42);
		this.conditions = this.workload.rules(this.rules);
		this.network = NetworkRules.load();
		long before = retainedHeap();
		this.shards.addAll(build());
		long after = retainedHeap();
		System.out.printf("%n[engine] %,d rules in 2 shards retain %,d MB of heap%n", this.rules,
				(after - before) / (1024 * 1024));
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		this.shards.forEach(EngineShard::close);
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 2)
	public Truth saveRule() {
		int index = this.next;
		this.next = (this.next + 1) % this.conditions.size();
		long id = index + 1;
		EngineShard shard = this.shards.get(index % 2);
		shard.uninstall(id);
		shard.install(id, this.conditions.get(index), this.workload.market::get, Truth.UNKNOWN, Map.of());
		return shard.truth(id);
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 1)
	@Measurement(iterations = 3)
	public int coldRebuild() {
		List<EngineShard> rebuilt = build();
		int size = rebuilt.stream().mapToInt(EngineShard::size).sum();
		rebuilt.forEach(EngineShard::close);
		return size;
	}

	private List<EngineShard> build() {
		List<EngineShard> built = List.of(this.network.newShard(this.clock), this.network.newShard(this.clock));
		for (int i = 0; i < this.conditions.size(); i++) {
			built.get(i % 2).install(i + 1, this.conditions.get(i), this.workload.market::get, Truth.UNKNOWN, Map.of());
		}
		return built;
	}

	private static long retainedHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
