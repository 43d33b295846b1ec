package com.yieldpilot;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.yieldpilot.execution.ExecutionBlocked;
import com.yieldpilot.execution.ExecutionConfirmed;
import com.yieldpilot.execution.ExecutionFailed;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.Disagreement;
import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolBecameConsistent;
import com.yieldpilot.market.PoolBecameInconsistent;
import com.yieldpilot.market.PoolInconsistency;
import com.yieldpilot.market.Source;
import com.yieldpilot.risk.RiskFactor;
import com.yieldpilot.risk.RiskScored;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentProposed;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.events.core.EventSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event the modules publish reads back, through the serializer of the event
 * publication registry, as the event that was written. A node that dies with an event
 * undelivered republishes it from its stored JSON on the next start; an event that could
 * not be read back stopped that start (an intent's actions, an interface, once did).
 */
class EventSerializationIT extends ApplicationIT {

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	private static final PoolId MORPHO = PoolId.parse("morpho:base:USDC-prime");

	private static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	EventSerializer serializer;

	static List<Object> events() {
		UserId owner = new UserId(UUID.randomUUID());
		IntentId intent = new IntentId(UUID.randomUUID());
		ExecutionId execution = new ExecutionId(UUID.randomUUID());
		ActionIntent proposed = new ActionIntent(intent, owner, new RuleId(UUID.randomUUID()), 3, "Chase yield",
				"rule:3:7", Mode.LIVE, true, 60, new BigDecimal("30"),
				List.of(new Move(new Amount.Share(new BigDecimal("100")), AAVE, MORPHO,
						new Amount.Tokens(new BigDecimal("50000"), "USDC"), List.of(" leave Aave")),
						new Withdraw(new Amount.Usd(new BigDecimal("5000")), MORPHO, List.of()),
						new Deposit(new Amount.Tokens(new BigDecimal("1000.5"), "USDC"), AAVE, List.of()),
						new Notify("moved", List.of())),
				AT, IntentStatus.PROPOSED, null);
		Disagreement disagreement = new Disagreement(Metric.APY, Source.DEFILLAMA, 0.05, AT, 0.03, AT, 0.02, 0.01, AT);
		return List.of(new IntentProposed(proposed), new ExecutionBlocked(intent, owner, List.of("kill switch")),
				new ExecutionConfirmed(execution, intent, owner, 31337, "0x" + "ab".repeat(32), 12, 90_000,
						BigInteger.valueOf(123_456_789_000L)),
				new ExecutionFailed(execution, intent, owner, "reverted: over the limit", null),
				new PoolBecameConsistent(AAVE, AT, AT.plusSeconds(60)),
				new PoolBecameInconsistent(AAVE, new PoolInconsistency(AAVE, AT, List.of(disagreement))),
				new RiskScored(AAVE, 0.31, 4, false, List.of(new RiskFactor("tvl_change_7d", -0.38, 0.21, "TVL fell"))),
				new MarketUpdated(List.of(AAVE, MORPHO), List.of("base"), Set.of(Metric.APY, Metric.TVL), AT,
						Source.CHAIN, 4));
	}

	@ParameterizedTest
	@MethodSource("events")
	void readsBackAsWritten(Object event) {
		Object json = this.serializer.serialize(event);

		assertThat(this.serializer.deserialize(json, event.getClass())).isEqualTo(event);
	}

}
