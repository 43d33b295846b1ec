package com.yieldpilot.rules.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EngineShardTest {

	private static final TermKey AAVE = TermKey.latest("aave-v3:base:USDC", "apy");

	private static final TermKey MORPHO = TermKey.latest("morpho:base:USDC-prime", "apy");

	private static final TermKey RISK = TermKey.latest("morpho:base:USDC-prime", "risk");

	private static NetworkRules network;

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T12:00:00Z"));

	private final Map<TermKey, Reading> market = new HashMap<>();

	private final EngineShard shard = network.newShard(this.clock);

	@BeforeAll
	static void buildGenericRules() {
		network = NetworkRules.load();
	}

	@AfterEach
	void close() {
		this.shard.close();
	}

	@ParameterizedTest(name = "{0} {1} {2} is {3}")
	@CsvSource({ "3, <, 4, TRUE", "4, <, 4, FALSE", "4, <=, 4, TRUE", "5, <=, 4, FALSE", "5, >, 4, TRUE",
			"4, >, 4, FALSE", "4, >=, 4, TRUE", "3, >=, 4, FALSE", "4, ==, 4, TRUE", "4.5, ==, 4, FALSE",
			"4.5, !=, 4, TRUE", "4, !=, 4, FALSE" })
	void comparesATermWithAConstant(double value, String relation, double constant, Truth expected) {
		set(AAVE, value);
		install(1, compare(term(AAVE), relation(relation), number(constant)));
		assertThat(this.shard.truth(1)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} {1} {2} = {3}")
	@CsvSource({ "6, +, 1.5, 7.5", "6, -, 1.5, 4.5", "6, *, 1.5, 9", "6, /, 1.5, 4" })
	void computesArithmeticBeforeComparing(double value, String operator, double operand, double result) {
		set(AAVE, value);
		Operand expression = new Arithmetic(term(AAVE), operator(operator), number(operand));
		install(1, compare(expression, Relation.EQ, number(result)));
		assertThat(this.shard.truth(1)).isEqualTo(Truth.TRUE);
	}

	@Test
	void aDivisionByZeroIsUnknownNotAnError() {
		set(AAVE, 0);
		install(1, compare(new Arithmetic(number(1), Operator.DIVIDED_BY, term(AAVE)), Relation.GT, number(0)));
		assertThat(this.shard.truth(1)).isEqualTo(Truth.UNKNOWN);
	}

	@Test
	void firesOnceOnTheTransitionToTrueNotOnEveryUpdateWhileItHolds() {
		set(AAVE, 5);
		assertThat(install(1, compare(term(AAVE), Relation.LT, number(4))))
			.containsExactly(new RuleChange(1, Truth.UNKNOWN, Truth.FALSE));
		assertThat(update(AAVE, 3.9)).containsExactly(new RuleChange(1, Truth.FALSE, Truth.TRUE));
		assertThat(update(AAVE, 3.5)).isEmpty();
		assertThat(update(AAVE, 3.2)).isEmpty();
		assertThat(update(AAVE, 4.1)).containsExactly(new RuleChange(1, Truth.TRUE, Truth.FALSE));
	}

	@Test
	void comparesTwoPoolsWithArithmetic() {
		set(AAVE, 3.5);
		set(MORPHO, 4.0);
		install(1, compare(term(MORPHO), Relation.GT, new Arithmetic(term(AAVE), Operator.PLUS, number(1))));
		assertThat(this.shard.truth(1)).isEqualTo(Truth.FALSE);
		assertThat(update(MORPHO, 4.6)).extracting(RuleChange::becameTrue).containsExactly(true);
		assertThat(update(AAVE, 3.7)).containsExactly(new RuleChange(1, Truth.TRUE, Truth.FALSE));
	}

	@Test
	void aStaleTermMakesItsConditionsUnknownAndNeverFires() {
		set(AAVE, 5);
		install(1, compare(term(AAVE), Relation.LT, number(4)));
		assertThat(this.shard.update(Map.of(AAVE, Reading.UNKNOWN)))
			.containsExactly(new RuleChange(1, Truth.FALSE, Truth.UNKNOWN));
		assertThat(this.shard.update(Map.of(AAVE, new Reading(3, false, null)))).isEmpty();
		assertThat(this.shard.truth(1)).isEqualTo(Truth.UNKNOWN);
	}

	@Test
	void combinesWithAllAnyAndNotInThreeValuedLogic() {
		set(AAVE, 3);
		set(MORPHO, 6);
		Condition aaveLow = compare(term(AAVE), Relation.LT, number(4));
		Condition morphoHigh = compare(term(MORPHO), Relation.GT, number(5));
		install(1, new AllOf(List.of(aaveLow, morphoHigh)));
		install(2, new AnyOf(List.of(aaveLow, morphoHigh)));
		install(3, new Not(aaveLow));
		assertThat(truths(1, 2, 3)).containsExactly(Truth.TRUE, Truth.TRUE, Truth.FALSE);

		update(AAVE, 4.5);
		assertThat(truths(1, 2, 3)).containsExactly(Truth.FALSE, Truth.TRUE, Truth.TRUE);

		this.shard.update(Map.of(MORPHO, Reading.UNKNOWN));
		// false and unknown is false; false or unknown is unknown
		assertThat(truths(1, 2, 3)).containsExactly(Truth.FALSE, Truth.UNKNOWN, Truth.TRUE);

		this.shard.update(Map.of(AAVE, Reading.UNKNOWN));
		assertThat(truths(1, 2, 3)).containsExactly(Truth.UNKNOWN, Truth.UNKNOWN, Truth.UNKNOWN);
	}

	@Test
	void childrenChangingTogetherProduceNoTransientTruth() {
		set(AAVE, 3);
		set(MORPHO, 4);
		// exactly one of the two holds before and after: the "any" stays true throughout
		Condition aaveLow = compare(term(AAVE), Relation.LT, number(3.5));
		Condition morphoHigh = compare(term(MORPHO), Relation.GT, number(5));
		// both orders of the parts, so whichever child the engine counts first, one of
		// them sees
		// the other's change late
		install(1, new HeldFor(new AnyOf(List.of(aaveLow, morphoHigh)), Duration.ofHours(2)));
		install(2, new HeldFor(new AnyOf(List.of(morphoHigh, aaveLow)), Duration.ofHours(2)));
		install(3, new AllOf(List.of(new Not(aaveLow), morphoHigh)));
		// parts at different depths: the shallow one's change must wait for the
		// deep one's
		install(4, new HeldFor(new AnyOf(List.of(aaveLow, new AllOf(List.of(morphoHigh)))), Duration.ofHours(2)));
		this.clock.advance(Duration.ofHours(1));

		assertThat(this.shard.update(Map.of(AAVE, Reading.of(4, now()), MORPHO, Reading.of(6, now()))))
			.containsExactly(new RuleChange(3, Truth.FALSE, Truth.TRUE));
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.shard.advance()).containsExactlyInAnyOrder(new RuleChange(1, Truth.FALSE, Truth.TRUE),
				new RuleChange(2, Truth.FALSE, Truth.TRUE), new RuleChange(4, Truth.FALSE, Truth.TRUE));
	}

	@Test
	void aHeldConditionBecomesTrueOnceItHasHeldForItsDuration() {
		set(AAVE, 3.8);
		install(1, new HeldFor(compare(term(AAVE), Relation.LT, number(4)), Duration.ofHours(2)));
		assertThat(this.shard.truth(1)).isEqualTo(Truth.FALSE);
		assertThat(this.shard.nextDue()).isEqualTo(now().plus(Duration.ofHours(2)));

		this.clock.advance(Duration.ofMinutes(119));
		update(AAVE, 3.7);
		assertThat(this.shard.advance()).isEmpty();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.shard.advance()).containsExactly(new RuleChange(1, Truth.FALSE, Truth.TRUE));
	}

	@Test
	void anInterruptionRestartsTheHold() {
		set(AAVE, 3.8);
		install(1, new HeldFor(compare(term(AAVE), Relation.LT, number(4)), Duration.ofHours(2)));
		this.clock.advance(Duration.ofMinutes(90));
		update(AAVE, 4.2);
		this.clock.advance(Duration.ofMinutes(10));
		update(AAVE, 3.9);
		Instant restarted = now();
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(this.shard.advance()).isEmpty();
		assertThat(this.shard.heldSince(1)).containsExactly(Map.entry(0, restarted));
		this.clock.advance(Duration.ofMinutes(90));
		assertThat(this.shard.advance()).extracting(RuleChange::becameTrue).containsExactly(true);
	}

	@Test
	void aRebuiltRuleKeepsItsHoldAndDoesNotFireAgain() {
		set(AAVE, 3.8);
		Condition held = new HeldFor(compare(term(AAVE), Relation.LT, number(4)), Duration.ofHours(2));
		Instant since = now().minus(Duration.ofMinutes(90));

		assertThat(this.shard.install(1, held, this.market::get, Truth.FALSE, Map.of(0, since))).isEmpty();
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(this.shard.advance()).containsExactly(new RuleChange(1, Truth.FALSE, Truth.TRUE));

		try (EngineShard rebuilt = network.newShard(this.clock)) {
			assertThat(rebuilt.install(1, held, this.market::get, Truth.TRUE, this.shard.heldSince(1))).isEmpty();
			assertThat(rebuilt.truth(1)).isEqualTo(Truth.TRUE);
		}
	}

	@Test
	void uninstallingARuleRemovesItsFactsAndLeavesOthersRunning() {
		set(AAVE, 5);
		set(RISK, 0.2);
		install(1, compare(term(AAVE), Relation.LT, number(4)));
		install(2, new AllOf(
				List.of(compare(term(AAVE), Relation.LT, number(4.5)), compare(term(RISK), Relation.LT, number(0.4)))));
		this.shard.uninstall(1);
		assertThat(this.shard.terms()).containsExactlyInAnyOrder(AAVE, RISK);
		assertThat(update(AAVE, 3)).containsExactly(new RuleChange(2, Truth.FALSE, Truth.TRUE));
		this.shard.uninstall(2);
		assertThat(this.shard.terms()).isEmpty();
		assertThat(this.shard.size()).isZero();
		assertThat(update(AAVE, 5)).isEmpty();
	}

	private List<Truth> truths(long... rules) {
		return java.util.Arrays.stream(rules).mapToObj(this.shard::truth).toList();
	}

	private List<RuleChange> install(long rule, Condition condition) {
		return this.shard.install(rule, condition, (key) -> this.market.getOrDefault(key, Reading.UNKNOWN),
				Truth.UNKNOWN, Map.of());
	}

	private List<RuleChange> update(TermKey key, double value) {
		set(key, value);
		return this.shard.update(Map.of(key, this.market.get(key)));
	}

	private void set(TermKey key, double value) {
		this.market.put(key, Reading.of(value, now()));
	}

	private Instant now() {
		return this.clock.instant();
	}

	static Comparison compare(Operand left, Relation relation, Operand right) {
		return new Comparison(left, relation, right);
	}

	static Term term(TermKey key) {
		return new Term(key);
	}

	static Constant number(double value) {
		return new Constant(value);
	}

	private static Relation relation(String symbol) {
		return java.util.Arrays.stream(Relation.values())
			.filter((r) -> r.symbol().equals(symbol))
			.findFirst()
			.orElseThrow();
	}

	private static Operator operator(String symbol) {
		return java.util.Arrays.stream(Operator.values())
			.filter((o) -> o.symbol().equals(symbol))
			.findFirst()
			.orElseThrow();
	}

}
