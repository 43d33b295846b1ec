package com.yieldpilot.rules.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.yieldpilot.identity.UserId;
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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event publication registry stores {@code IntentProposed} as JSON and reads it back
 * to redeliver it: every kind of action and amount must survive the round trip.
 */
class ActionJsonTest {

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	private static final PoolId MORPHO = PoolId.parse("morpho:base:USDC-prime");

	private final IntentProposed proposed = new IntentProposed(new ActionIntent(IntentId.random(), UserId.random(),
			RuleId.random(), 3, "Chase yield", "r:3:f1", Mode.LIVE, false, 50, new BigDecimal("30"),
			List.of(new Move(new Amount.Share(new BigDecimal("100")), AAVE, MORPHO,
					new Amount.Tokens(new BigDecimal("50000"), "USDC"), List.of("the big one")),
					new Deposit(new Amount.Usd(new BigDecimal("5000")), AAVE),
					new Withdraw(new Amount.Share(new BigDecimal("25")), MORPHO), new Notify("moved")),
			Instant.parse("2026-11-21T12:00:00Z"), IntentStatus.PROPOSED, "proposed: 4 actions"));

	@Test
	void aProposedIntentWithEveryKindOfActionAndAmountReadsBackEqual() {
		JsonMapper mapper = JsonMapper.builder().addModule(ActionJson.module()).build();

		String json = mapper.writeValueAsString(this.proposed);

		assertThat(mapper.readValue(json, IntentProposed.class)).isEqualTo(this.proposed);
		assertThat(json).contains("\"kind\":\"move\"", "\"kind\":\"tokens\"");
	}

	@Test
	void withoutTheModuleTheEventCannotBeReadBack() {
		JsonMapper mapper = JsonMapper.builder().build();

		String json = mapper.writeValueAsString(this.proposed);

		assertThatThrownBy(() -> mapper.readValue(json, IntentProposed.class))
			.hasMessageContaining("com.yieldpilot.rules.lang");
	}

}
