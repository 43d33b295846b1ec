package com.yieldpilot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.yieldpilot.rules.internal.engine.Condition;
import com.yieldpilot.rules.internal.engine.Condition.AllOf;
import com.yieldpilot.rules.internal.engine.Condition.AnyOf;
import com.yieldpilot.rules.internal.engine.Condition.Comparison;
import com.yieldpilot.rules.internal.engine.Condition.HeldFor;
import com.yieldpilot.rules.internal.engine.Condition.Relation;
import com.yieldpilot.rules.internal.engine.Operand;
import com.yieldpilot.rules.internal.engine.Operand.Arithmetic;
import com.yieldpilot.rules.internal.engine.Operand.Constant;
import com.yieldpilot.rules.internal.engine.Operand.Operator;
import com.yieldpilot.rules.internal.engine.Operand.Term;
import com.yieldpilot.rules.internal.engine.Reading;
import com.yieldpilot.rules.internal.engine.TermKey;

/**
 * The rules issue's workload: {@value #POOLS} pools × 5 metrics (10,000 terms), 10% of
 * them moving per tick, and user rules of the shapes farmers write, in these shares:
 * <ul>
 * <li>30% a threshold ({@code apy(p) < x});</li>
 * <li>20% a threshold held for a while ({@code apy(p) < x for 2h});</li>
 * <li>20% the chase rule:
 * {@code apy(a) < x and apy(b) > apy(a) + 1% and risk(b) < 0.4};</li>
 * <li>15% a risk exit: {@code risk(p) > x or tvl(p) < y};</li>
 * <li>15% a drain exit over a window:
 * {@code pctchange(tvl(p), 1h) < -x and apyReward(p) <
 * apy(p) * 0.5}.</li>
 * </ul>
 * Values follow bounded random walks around their means and thresholds sit near the
 * means, so a few percent of the rules change truth each tick, as in a real market.
 */
final class RuleWorkload {

	static final int POOLS = 2_000;

	static final int TICKS = 64;

	private static final String[] METRICS = { "apy", "apyReward", "tvl", "risk", "tvl-change" };

	private static final double[] MEANS = { 5, 1.5, 50_000_000, 0.3, 0 };

	private static final double[] STEPS = { 0.25, 0.1, 2_000_000, 0.02, 2 };

	private final SplittableRandom random;

	final List<TermKey> keys = new ArrayList<>();

	final Map<TermKey, Reading> market = new HashMap<>();

	private final double[] values;

	RuleWorkload(long seed) {
		this.random = new SplittableRandom(seed);
		for (int pool = 0; pool < POOLS; pool++) {
			for (int metric = 0; metric < METRICS.length; metric++) {
				this.keys.add(key(pool, metric));
			}
		}
		this.values = new double[this.keys.size()];
		Instant start = Instant.parse("2026-11-21T00:00:00Z");
		for (int i = 0; i < this.values.length; i++) {
			int metric = i % METRICS.length;
			this.values[i] = MEANS[metric] + this.random.nextGaussian() * STEPS[metric] * 2;
			this.market.put(this.keys.get(i), Reading.of(this.values[i], start));
		}
	}

	private static TermKey key(int pool, int metric) {
		String subject = "protocol-" + (pool % 40) + ":chain-" + (pool % 3) + ":ASSET" + pool;
		return (metric == 4) ? TermKey.window(subject, "tvl", TermKey.Aggregate.PCT_CHANGE, Duration.ofHours(1))
				: TermKey.latest(subject, METRICS[metric]);
	}

	/** Ticks of market moves, each moving a tenth of the terms, to replay in a loop. */
	List<Map<TermKey, Reading>> ticks(Instant start, Duration interval) {
		List<Map<TermKey, Reading>> ticks = new ArrayList<>();
		for (int t = 0; t < TICKS; t++) {
			Instant at = start.plus(interval.multipliedBy(t + 1));
			Map<TermKey, Reading> tick = new HashMap<>();
			while (tick.size() < this.keys.size() / 10) {
				int i = this.random.nextInt(this.keys.size());
				int metric = i % METRICS.length;
				// mean-reverting walk, so the replayed loop stays near the thresholds
				this.values[i] += (MEANS[metric] - this.values[i]) * 0.1 + this.random.nextGaussian() * STEPS[metric];
				tick.put(this.keys.get(i), Reading.of(this.values[i], at));
			}
			ticks.add(tick);
		}
		return ticks;
	}

	List<Condition> rules(int count) {
		List<Condition> rules = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			int shape = this.random.nextInt(100);
			int a = this.random.nextInt(POOLS);
			int b = this.random.nextInt(POOLS);
			if (shape < 30) {
				rules.add(compare(term(a, 0), Relation.LT, near(0)));
			}
			else if (shape < 50) {
				rules.add(new HeldFor(compare(term(a, 0), Relation.LT, near(0)),
						Duration.ofMinutes(30L * (1 + this.random.nextInt(8)))));
			}
			else if (shape < 70) {
				rules.add(new AllOf(List.of(compare(term(a, 0), Relation.LT, near(0)),
						compare(term(b, 0), Relation.GT, new Arithmetic(term(a, 0), Operator.PLUS, new Constant(1))),
						compare(term(b, 3), Relation.LT, new Constant(0.4)))));
			}
			else if (shape < 85) {
				rules.add(new AnyOf(
						List.of(compare(term(a, 3), Relation.GT, near(3)), compare(term(a, 2), Relation.LT, near(2)))));
			}
			else {
				rules.add(new AllOf(List.of(compare(term(a, 4), Relation.LT, new Constant(-1 - this.random.nextInt(4))),
						compare(term(a, 1), Relation.LT,
								new Arithmetic(term(a, 0), Operator.TIMES, new Constant(0.5))))));
			}
		}
		return rules;
	}

	private Term term(int pool, int metric) {
		return new Term(this.keys.get(pool * METRICS.length + metric));
	}

	private Constant near(int metric) {
		return new Constant(MEANS[metric] + this.random.nextGaussian() * STEPS[metric] * 2);
	}

	private static Comparison compare(Operand left, Relation relation, Operand right) {
		return new Comparison(left, relation, right);
	}

}
