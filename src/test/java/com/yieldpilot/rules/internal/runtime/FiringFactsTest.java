package com.yieldpilot.rules.internal.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.internal.store.IntentStore.StoredIntent;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class FiringFactsTest {

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	private final UserId owner = UserId.random();

	@Test
	void aProposalJoinsItsOwnersOpenIntentsAndTakesItsKey() {
		StoredIntent older = intent("older");
		FiringFacts facts = FiringFacts.of(Map.of(AAVE, Optional.of("sources disagree")),
				Map.of(this.owner, List.of(older)), Set.of());
		StoredIntent proposed = intent("new");

		facts.proposed(proposed);

		assertThat(facts.open(this.owner)).containsExactly(older, proposed);
		assertThat(facts.stored("new")).isTrue();
		assertThat(facts.stored("other")).isFalse();
		assertThat(facts.block(AAVE)).hasValue("sources disagree");
	}

	@Test
	void aFactThatWasNotReadIsABugNotAnEmptyAnswer() {
		FiringFacts facts = FiringFacts.of(Map.of(), Map.of(), Set.of());

		assertThatIllegalStateException().isThrownBy(() -> facts.block(AAVE));
		assertThatIllegalStateException().isThrownBy(() -> facts.open(this.owner));
	}

	private StoredIntent intent(String key) {
		return new StoredIntent(IntentId.random(), this.owner, new RuleId(java.util.UUID.randomUUID()), 1, "Rule", key,
				Mode.PAPER, false, 50, null, Set.of(AAVE.toString()), Instant.EPOCH, IntentStatus.PROPOSED, "proposed");
	}

}
