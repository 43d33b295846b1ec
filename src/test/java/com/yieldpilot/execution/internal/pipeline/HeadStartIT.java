package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentProposed;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.Devnet;
import com.yieldpilot.vault.Vaults;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The head start on anvil, for the demo farmer's vault: an intent's first call planned,
 * cost-checked and simulated as it is proposed is what the pipeline's own steps find at
 * the same block, and the pipeline takes it only while the chain's head is that block; a
 * block mined since, a scaled verdict, a later run or a plan that stops leave the steps
 * to decide. The pipeline's own use of it, end to end, runs in every execution test of
 * the shared node.
 */
class HeadStartIT extends ApplicationIT {

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	@Autowired
	HeadStart headStart;

	@Autowired
	Planner planner;

	@Autowired
	CostCheck costs;

	@Autowired
	LocalChain chain;

	@Autowired
	Vaults vaults;

	@Autowired
	MeterRegistry meters;

	private Devnet devnet;

	private UserId farmer;

	@BeforeEach
	void demoVault() {
		this.devnet = Devnet.attach(this.chain);
		this.farmer = this.accounts.findByUsername("farmer").orElseThrow().id();
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.vaults.vault(this.farmer, LocalChain.CHAIN_ID).isPresent());
	}

	@AfterEach
	void restoreChain() {
		this.devnet.automine(true);
		// what waited in the pool meanwhile (the devnet's market steps) is mined now
		this.devnet.mine();
		this.devnet.close();
	}

	@Test
	void theHeadStartIsWhatThePipelineWouldPlanAtThatBlockAndIsTakenWhileTheHeadIsThatBlock() throws IOException {
		// nothing is mined until the test says so, whatever else the node sends
		this.devnet.automine(false);
		ActionIntent intent = deposit(AAVE, "1000");
		double adopted = count("adopted");

		this.headStart.on(new IntentProposed(intent));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.headStart.finished(intent.id()));
		EthBlock.Block head = head();
		Map<BatchItem, HeadStart.Ahead> taken = this.headStart.take(List.of(first(intent, BigDecimal.ONE)));

		assertThat(taken).hasSize(1);
		HeadStart.Ahead ahead = taken.values().iterator().next();
		assertThat(ahead.plan().block()).isEqualTo(head.getNumber().longValueExact());
		assertThat(ahead.blockHash()).isEqualTo(head.getHash());
		assertThat(ahead.gasLimit()).isPositive();
		assertThat(ahead.cost()).startsWith("pays for itself");
		assertThat(count("adopted")).isEqualTo(adopted + 1);
		// the pipeline's own plan of the same call at the same block
		Outcome<Plan> own = this.planner
			.planAll(List.of(new Planner.Request(intent, intent.actions().getFirst(),
					VaultCalls.onchainId(intent.id(), 0), 1.0)), this.costs.market())
			.getFirst();
		assertThat(own).isInstanceOf(Outcome.Next.class);
		Plan plan = ((Outcome.Next<Plan>) own).value();
		assertThat(ahead.plan()).usingRecursiveComparison().ignoringFields("deadline", "calldata").isEqualTo(plan);
		assertThat(ahead.plan().assets()).isEqualTo(new java.math.BigInteger("1000000000"));
		// its simulation stands until a block is mined
		assertThat(this.headStart.unchanged(LocalChain.CHAIN_ID, List.of(ahead))).isTrue();
		this.devnet.mine();
		assertThat(this.headStart.unchanged(LocalChain.CHAIN_ID, List.of(ahead))).isFalse();
	}

	@Test
	void aBlockMinedAfterTheHeadStartLeavesTheCallToThePipelinesSteps() {
		this.devnet.automine(false);
		ActionIntent intent = deposit(AAVE, "1000");
		double stale = count("stale");

		this.headStart.on(new IntentProposed(intent));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.headStart.finished(intent.id()));
		this.devnet.mine();

		assertThat(this.headStart.take(List.of(first(intent, BigDecimal.ONE)))).isEmpty();
		assertThat(count("stale")).isEqualTo(stale + 1);
		// taken once: the run after it finds nothing either
		assertThat(this.headStart.take(List.of(first(intent, BigDecimal.ONE)))).isEmpty();
		assertThat(count("stale")).isEqualTo(stale + 1);
	}

	@Test
	void anIntentThatWaitsForTheFarmersApprovalGetsNoHeadStart() {
		ActionIntent waiting = deposit(AAVE, "1000", true);
		double taken = count("unused") + count("adopted") + count("stale");

		this.headStart.on(new IntentProposed(waiting));

		// a head start, had one been made, would be taken here and counted
		assertThat(this.headStart.take(List.of(first(waiting, BigDecimal.ONE)))).isEmpty();
		assertThat(count("unused") + count("adopted") + count("stale")).isEqualTo(taken);
	}

	@Test
	void aScaledVerdictOrAPlanThatStopsIsNeverTakenAndTheStepsDecide() {
		ActionIntent scaled = deposit(AAVE, "1000");
		// no vault of the farmer's reaches this pool: planning fails, in the steps too
		ActionIntent unreachable = deposit(PoolId.parse("morpho:base:USDC"), "1000");
		double unused = count("unused");

		this.headStart.on(new IntentProposed(scaled));
		this.headStart.on(new IntentProposed(unreachable));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.headStart.finished(scaled.id()) && this.headStart.finished(unreachable.id()));

		assertThat(
				this.headStart.take(List.of(first(scaled, new BigDecimal("0.5")), first(unreachable, BigDecimal.ONE))))
			.isEmpty();
		assertThat(count("unused")).isEqualTo(unused + 2);
		assertThat(this.headStart.take(List.of(first(scaled, BigDecimal.ONE)))).as("taken once, unused").isEmpty();
	}

	private ActionIntent deposit(PoolId pool, String usdc) {
		return deposit(pool, usdc, false);
	}

	private ActionIntent deposit(PoolId pool, String usdc, boolean approvalRequired) {
		return new ActionIntent(new IntentId(UUID.randomUUID()), this.farmer, new RuleId(UUID.randomUUID()), 1,
				"Head start " + UUID.randomUUID(), UUID.randomUUID().toString(), Mode.LIVE, approvalRequired,
				ActionIntent.DEFAULT_PRIORITY, null,
				List.of(new Deposit(new Amount.Tokens(new BigDecimal(usdc), "USDC"), pool, List.of())), Instant.now(),
				IntentStatus.ACCEPTED, null);
	}

	/**
	 * The intent's first execution as a batch finds it, fresh, at the verdict's scale.
	 */
	private static BatchItem first(ActionIntent intent, BigDecimal scale) {
		ExecutionRecord row = new ExecutionRecord();
		row.setId(UUID.randomUUID());
		row.setIntentId(intent.id());
		row.setActionIndex(0);
		row.setState(ExecutionState.QUEUED.name());
		row.setScale(scale.setScale(6));
		row.setOnchainId(VaultCalls.onchainId(intent.id(), 0));
		BatchItem item = new BatchItem(row, ExecutionStore.CREATED_TOKEN);
		item.intent = intent;
		return item;
	}

	private EthBlock.Block head() throws IOException {
		return this.chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
	}

	private double count(String outcome) {
		return this.meters.get("yieldpilot.execution.head.starts").tag("outcome", outcome).counter().count();
	}

}
