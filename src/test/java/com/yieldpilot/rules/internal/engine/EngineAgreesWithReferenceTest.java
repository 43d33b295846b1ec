package com.yieldpilot.rules.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.yieldpilot.support.MutableClock;
import com.yieldpilot.rules.internal.engine.Condition.AllOf;
import com.yieldpilot.rules.internal.engine.Condition.AnyOf;
import com.yieldpilot.rules.internal.engine.Condition.Comparison;
import com.yieldpilot.rules.internal.engine.Condition.HeldFor;
import com.yieldpilot.rules.internal.engine.Condition.Not;
import com.yieldpilot.rules.internal.engine.Condition.Relation;
import com.yieldpilot.rules.internal.engine.Operand.Arithmetic;
import com.yieldpilot.rules.internal.engine.Operand.Constant;
import com.yieldpilot.rules.internal.engine.Operand.Operator;
import com.yieldpilot.rules.internal.engine.Operand.Term;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential test: random rules over a few terms, random market moves (including stale
 * values), time passing, rules added and removed. The Drools network and the plain Java
 * reference must report the same changes of truth at every step.
 */
class EngineAgreesWithReferenceTest {

	private static final NetworkRules NETWORK = NetworkRules.load();

	private static final List<TermKey> TERMS = List.of(TermKey.latest("aave-v3:base:USDC", "apy"),
			TermKey.latest("morpho:base:USDC-prime", "apy"), TermKey.latest("morpho:base:USDC-prime", "risk"),
			TermKey.latest("chain:base", "gas"),
			TermKey.window("aave-v3:base:USDC", "tvl", TermKey.Aggregate.PCT_CHANGE, Duration.ofHours(1)));

	private static final Comparator<RuleChange> ORDER = Comparator.comparingLong(RuleChange::rule);

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
	void reportsTheSameChangesAsThePlainEvaluator(long seed) {
		Random random = new Random(seed);
		MutableClock clock = new MutableClock(Instant.parse("2026-11-21T00:00:00Z"));
		ReferenceEvaluator reference = new ReferenceEvaluator(clock);
		Map<TermKey, Reading> market = new HashMap<>();
		List<Long> live = new ArrayList<>();
		long nextRule = 1;
		try (EngineShard shard = NETWORK.newShard(clock)) {
			for (int step = 0; step < 300; step++) {
				int action = random.nextInt(10);
				if (action == 0 || live.size() < 5) {
					Condition condition = condition(random, 0);
					long rule = nextRule++;
					live.add(rule);
					assertSame(shard.install(rule, condition, (k) -> market.getOrDefault(k, Reading.UNKNOWN),
							Truth.UNKNOWN, Map.of()), reference.install(rule, condition, Truth.UNKNOWN), step);
				}
				else if (action == 1) {
					long rule = live.remove(random.nextInt(live.size()));
					shard.uninstall(rule);
					reference.uninstall(rule);
				}
				else if (action == 2) {
					clock.advance(Duration.ofMinutes(random.nextInt(90)));
					assertSame(shard.advance(), reference.advance(), step);
				}
				else {
					Map<TermKey, Reading> moves = new HashMap<>();
					for (int i = random.nextInt(3) + 1; i > 0; i--) {
						TermKey key = TERMS.get(random.nextInt(TERMS.size()));
						moves.put(key, (random.nextInt(8) == 0) ? Reading.UNKNOWN
								: Reading.of(random.nextInt(11) * 0.5, clock.instant()));
					}
					market.putAll(moves);
					assertSame(shard.update(moves), reference.update(moves), step);
				}
				for (long rule : live) {
					assertThat(shard.truth(rule)).as("rule %d at step %d", rule, step).isEqualTo(reference.truth(rule));
				}
			}
		}
	}

	private static void assertSame(List<RuleChange> engine, List<RuleChange> reference, int step) {
		assertThat(engine.stream().sorted(ORDER).toList()).as("changes at step %d", step)
			.isEqualTo(reference.stream().sorted(ORDER).toList());
	}

	private static Condition condition(Random random, int depth) {
		int kind = (depth >= 3) ? 0 : random.nextInt(6);
		return switch (kind) {
			case 1 -> new AllOf(parts(random, depth));
			case 2 -> new AnyOf(parts(random, depth));
			case 3 -> new Not(condition(random, depth + 1));
			case 4 -> new HeldFor(condition(random, depth + 1), Duration.ofMinutes(30L * (1 + random.nextInt(4))));
			default -> comparison(random);
		};
	}

	private static List<Condition> parts(Random random, int depth) {
		List<Condition> parts = new ArrayList<>();
		for (int i = random.nextInt(3) + 1; i > 0; i--) {
			parts.add(condition(random, depth + 1));
		}
		return parts;
	}

	private static Comparison comparison(Random random) {
		Relation relation = Relation.values()[random.nextInt(Relation.values().length)];
		return new Comparison(operand(random, 0), relation, operand(random, 1));
	}

	private static Operand operand(Random random, int depth) {
		int kind = (depth >= 2) ? random.nextInt(2) : random.nextInt(4);
		return switch (kind) {
			case 0 -> new Constant(random.nextInt(11) * 0.5);
			case 1 -> new Term(TERMS.get(random.nextInt(TERMS.size())));
			default -> new Arithmetic(operand(random, depth + 1),
					Operator.values()[random.nextInt(Operator.values().length)], operand(random, depth + 1));
		};
	}

}
