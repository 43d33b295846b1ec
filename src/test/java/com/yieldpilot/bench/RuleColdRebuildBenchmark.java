package com.yieldpilot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleStatus;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.EngineShard;
import com.yieldpilot.rules.internal.engine.NetworkRules;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.TermKey;
import com.yieldpilot.rules.internal.engine.Truth;
import com.yieldpilot.rules.internal.runtime.ColdRebuild;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.internal.store.ShardStores;
import com.yieldpilot.rules.internal.store.StoredRule;
import com.yieldpilot.rules.lang.RuleSyntax;
import com.yieldpilot.support.MutableClock;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
import org.openjdk.jmh.infra.Blackhole;

import static com.yieldpilot.identity.internal.db.Tables.APP_USER;
import static com.yieldpilot.rules.internal.db.Sequences.RULE_CHANGE_SEQ;
import static com.yieldpilot.rules.internal.db.Tables.RULE_DEFINITION;
import static com.yieldpilot.rules.internal.db.Tables.RULE_VERSION;

/**
 * Target: a cold rebuild of 100k rules within 10 s, from the database, as a restarted
 * node does it. The setup stores {@link RuleWorkload}'s rules (canonical texts of its
 * five shapes, {@link WorkloadRuleTexts}) for {@value #FARMERS} farmers, each rule in its
 * owner's shard of {@value #SHARDS}, with change numbers from the sequence, as saves
 * store them.
 * <ul>
 * <li>{@link #coldRebuild}: every shard read from cursor 0 in pages of
 * {@value ColdRebuild#PAGE} by {@code ShardStore.changedAfter}, in a transaction holding
 * the shard's lock, and each rule parsed, compiled and installed into a fresh engine
 * shard by the evaluator's own code; every term has a reading. After each iteration it
 * prints how the time split between the database reads and the rest, and the CPU time the
 * benchmark thread spent on the rest (what a busy machine's other processes do not
 * inflate).</li>
 * <li>{@link #parseAndCompile}: only the parse and compile of the same stored rules, read
 * once in the setup, so that install = apply − parse and compile.</li>
 * </ul>
 * Not in it: {@code NetworkRules.load()} (the generic rules' KieBase, built once at
 * start-up; the setup prints its time) and the first evaluation after the rebuild.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = { "-Xmx3g" })
public class RuleColdRebuildBenchmark {

	static final int FARMERS = 10_000;

	static final int SHARDS = 4;

	private static final int BATCH = 2_000;

	private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

	@Param({ "100000" })
	public int rules;

	private final Clock clock = new MutableClock(NOW);

	private BenchDatabase database;

	private ShardStore store;

	private NetworkRules network;

	private Function<TermKey, Reading> readings;

	private List<StoredRule> stored;

	private ColdRebuild.Split split = ColdRebuild.Split.NONE;

	@Setup(Level.Trial)
	public void setUp() {
		this.database = BenchDatabase.start(false);
		this.store = ShardStores.over(this.database.dsl());
		RuleWorkload workload = new RuleWorkload(42);
		this.readings = key -> {
			Reading reading = workload.market.get(key);
			if (reading == null) {
				throw new IllegalStateException("A stored rule reads " + key + ", which the workload has no value for");
			}
			return reading;
		};
		long started = System.nanoTime();
		load(workload.rules(this.rules));
		System.out.printf(Locale.ROOT, "%n[setup] stored %,d rules of %,d farmers in %d shards in %.1f s%n", this.rules,
				FARMERS, SHARDS, seconds(System.nanoTime() - started));
		started = System.nanoTime();
		this.network = NetworkRules.load();
		System.out.printf(Locale.ROOT, "[setup] NetworkRules.load() (once per node start, not measured): %.1f s%n",
				seconds(System.nanoTime() - started));
		this.stored = new ArrayList<>();
		for (int shard = 0; shard < SHARDS; shard++) {
			List<StoredRule> page;
			long cursor = 0;
			do {
				page = this.store.changedAfter(shard, cursor, ColdRebuild.PAGE);
				this.stored.addAll(page);
				cursor = page.isEmpty() ? cursor : page.getLast().changeSeq();
			}
			while (page.size() == ColdRebuild.PAGE);
		}
		if (this.stored.size() != this.rules) {
			throw new IllegalStateException("read " + this.stored.size() + " stored rules, not " + this.rules);
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		this.database.close();
	}

	@Benchmark
	public int coldRebuild() {
		List<EngineShard> engines = new ArrayList<>();
		ColdRebuild.Split total = ColdRebuild.Split.NONE;
		try {
			for (int shard = 0; shard < SHARDS; shard++) {
				EngineShard engine = this.network.newShard(this.clock);
				engines.add(engine);
				int number = shard;
				total = total.plus(this.database.transactions().execute(status -> {
					this.store.lockShard(number);
					return ColdRebuild.shard(this.store, engine, number, this.readings);
				}));
			}
		}
		finally {
			engines.forEach(EngineShard::close);
		}
		if (total.rules() != this.rules) {
			throw new IllegalStateException("rebuilt " + total.rules() + " rules, not " + this.rules);
		}
		this.split = total;
		return total.rules();
	}

	@TearDown(Level.Iteration)
	public void printSplit() {
		if (this.split.rules() > 0) {
			System.out.printf(Locale.ROOT,
					"%n[split] database reads %.2f s, parse + compile + install %.2f s (%.2f s CPU of this thread)%n",
					seconds(this.split.readNanos()), seconds(this.split.applyNanos()),
					seconds(this.split.applyCpuNanos()));
			this.split = ColdRebuild.Split.NONE;
		}
	}

	@Benchmark
	public void parseAndCompile(Blackhole hole) {
		for (StoredRule rule : this.stored) {
			hole.consume(ColdRebuild.compile(rule));
		}
	}

	/** Farmers, then their rules in batches, each batch in one transaction. */
	private void load(List<Condition> conditions) {
		DSLContext dsl = this.database.dsl();
		RuntimeProperties runtime = new RuntimeProperties(SHARDS, Duration.ofSeconds(30), Duration.ofDays(90),
				Duration.ofSeconds(15));
		OffsetDateTime now = NOW.atOffset(ZoneOffset.UTC);
		List<UserId> farmers = new ArrayList<>(FARMERS);
		for (int i = 0; i < FARMERS; i++) {
			farmers.add(new UserId(UUID.nameUUIDFromBytes(("farmer-" + i).getBytes(StandardCharsets.UTF_8))));
		}
		this.database.transactions().executeWithoutResult(status -> {
			var insert = dsl.insertInto(APP_USER, APP_USER.ID, APP_USER.USERNAME, APP_USER.CREATED_AT);
			for (int i = 0; i < FARMERS; i++) {
				insert = insert.values(farmers.get(i), "farmer-" + i, now);
			}
			insert.execute();
		});
		this.store.ensureShards(SHARDS);
		for (int from = 0; from < conditions.size(); from += BATCH) {
			int to = Math.min(from + BATCH, conditions.size());
			int first = from;
			this.database.transactions().executeWithoutResult(status -> {
				var definitions = dsl.insertInto(RULE_DEFINITION, RULE_DEFINITION.ID, RULE_DEFINITION.OWNER_ID,
						RULE_DEFINITION.SHARD, RULE_DEFINITION.NAME, RULE_DEFINITION.CURRENT_VERSION,
						RULE_DEFINITION.STATUS, RULE_DEFINITION.MODE, RULE_DEFINITION.CREATED_AT,
						RULE_DEFINITION.UPDATED_AT, RULE_DEFINITION.REPORTED_TRUTH, RULE_DEFINITION.FIRINGS,
						RULE_DEFINITION.CHANGE_SEQ);
				var versions = dsl.insertInto(RULE_VERSION, RULE_VERSION.RULE_ID, RULE_VERSION.VERSION,
						RULE_VERSION.NAME, RULE_VERSION.BODY, RULE_VERSION.SAVED_AT);
				for (int i = first; i < to; i++) {
					RuleSyntax rule = WorkloadRuleTexts.rule(i + 1, conditions.get(i));
					RuleId id = new RuleId(UUID.nameUUIDFromBytes(("rule-" + i).getBytes(StandardCharsets.UTF_8)));
					UserId owner = farmers.get(i % FARMERS);
					definitions = definitions.values(DSL.val(id, RULE_DEFINITION.ID),
							DSL.val(owner, RULE_DEFINITION.OWNER_ID),
							DSL.val(runtime.shardOf(owner), RULE_DEFINITION.SHARD),
							DSL.val(rule.name(), RULE_DEFINITION.NAME), DSL.val(1, RULE_DEFINITION.CURRENT_VERSION),
							DSL.val(RuleStatus.ENABLED.name(), RULE_DEFINITION.STATUS),
							DSL.val(rule.options().effectiveMode().name(), RULE_DEFINITION.MODE),
							DSL.val(now, RULE_DEFINITION.CREATED_AT), DSL.val(now, RULE_DEFINITION.UPDATED_AT),
							DSL.val(Truth.UNKNOWN.name(), RULE_DEFINITION.REPORTED_TRUTH),
							DSL.val(0L, RULE_DEFINITION.FIRINGS), RULE_CHANGE_SEQ.nextval());
					versions = versions.values(id, 1, rule.name(), WorkloadRuleTexts.canonical(rule), now);
				}
				definitions.execute();
				versions.execute();
			});
		}
		dsl.execute("vacuum analyze");
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}

}
