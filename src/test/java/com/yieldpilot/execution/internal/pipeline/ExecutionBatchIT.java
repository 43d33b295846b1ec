package com.yieldpilot.execution.internal.pipeline;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.CrashPoints;
import com.yieldpilot.support.FarmerExecutions;
import com.yieldpilot.vault.internal.FarmerVaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION_TX;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTOR_KEY;
import static com.yieldpilot.support.FarmerExecutions.AAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline's batches (decision 0018) on embedded PostgreSQL and anvil: several
 * farmers' executions, each approved in their inbox, run as one batch through
 * {@link ExecutionPipeline#runAll}. Each execution stays fenced and fails on its own: a
 * simulation that reverts fails only its execution and spends no nonce, an execution
 * whose lease another node took is left out before any nonce is taken, and a node that
 * dies after saving the batch's signed transactions has the real recovery path send the
 * same bytes. The others sign with consecutive nonces and no gap.
 */
class ExecutionBatchIT extends ApplicationIT {

	private static final int BATCH = 3;

	@Autowired
	ApplicationContext context;

	@Autowired
	ExecutionPipeline pipeline;

	@Autowired
	ExecutionStore store;

	@Autowired
	LocalChain chain;

	@Autowired
	CrashPoints crashes;

	private final List<FarmerExecutions> farmers = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	@AfterEach
	void disarm() {
		this.names.forEach(this.crashes::disarm);
		this.farmers.forEach(FarmerExecutions::disableRules);
	}

	@Test
	void aRevertInOneSimulationFailsOnlyItAndTheOthersSignWithConsecutiveNonces() throws Exception {
		Batch batch = approvedBatch("revert");
		// its owner pauses the second vault after planning, before the batch's simulation
		FarmerVaults.Farmer owner = batch.farmers.get(1);
		YieldVault paused = YieldVault
			.load(owner.vault().address(), this.chain.web3j(),
					new RawTransactionManager(this.chain.web3j(), owner.wallet(), LocalChain.CHAIN_ID,
							new PollingTransactionReceiptProcessor(this.chain.web3j(), 50, 200)),
					new DefaultGasProvider());
		this.crashes.arm(batch.names.get(1), (id, state) -> {
			if (state == ExecutionState.COST_CHECKED) {
				try {
					paused.pause().send();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		});
		long nonceBefore = pendingNonce();

		this.pipeline.runAll(batch.ids);

		ExecutionRecord failed = row(batch.ids.get(1));
		assertThat(failed.getState()).isEqualTo(ExecutionState.FAILED.name());
		assertThat(failed.getReason())
			.isEqualTo("the simulation reverted, nothing was signed: VaultPaused: the vault is paused by its owner");
		assertThat(failed.getNonce()).isNull();
		assertThat(this.dsl.fetchCount(EXECUTION_TX, EXECUTION_TX.EXECUTION_ID.eq(failed.getId()))).isZero();
		List<ExecutionRecord> others = List.of(row(batch.ids.get(0)), row(batch.ids.get(2)));
		assertThat(others).extracting(ExecutionRecord::getNonce).containsExactly(nonceBefore, nonceBefore + 1);
		assertThat(others).extracting(ExecutionRecord::getState).allMatch((s) -> !s.equals("FAILED"));
		assertThat(keyRow()).contains(nonceBefore + 2);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(row(batch.ids.get(0)).getState()).isEqualTo(ExecutionState.CONFIRMED.name());
			assertThat(row(batch.ids.get(2)).getState()).isEqualTo(ExecutionState.CONFIRMED.name());
		});
		assertThat(pendingNonce()).as("no gap on chain").isEqualTo(nonceBefore + 2);
		paused.unpause().send();
	}

	@Test
	void anExecutionWhoseLeaseAnotherNodeTookIsLeftOutAndSpendsNoNonce() throws Exception {
		Batch batch = approvedBatch("lease");
		ExecutionId taken = batch.ids.get(0);
		// another node takes the first execution over (its lease ran out here, say)
		// while the batch simulates
		AtomicBoolean once = new AtomicBoolean();
		this.crashes.arm(batch.names.get(0), (id, state) -> {
			if (state == ExecutionState.SIMULATED && once.compareAndSet(false, true)) {
				this.dsl.update(EXECUTION)
					.set(EXECUTION.LEASE_TOKEN, EXECUTION.LEASE_TOKEN.plus(1))
					.set(EXECUTION.LEASE_OWNER, "another-node")
					.set(EXECUTION.LEASE_UNTIL, java.time.OffsetDateTime.now().plusHours(1))
					.where(EXECUTION.ID.eq(id.value()))
					.execute();
			}
		});
		long nonceBefore = pendingNonce();

		this.pipeline.runAll(batch.ids);

		ExecutionRecord left = row(taken);
		assertThat(left.getState()).isEqualTo(ExecutionState.SIMULATED.name());
		assertThat(left.getNonce()).isNull();
		assertThat(this.dsl.fetchCount(EXECUTION_TX, EXECUTION_TX.EXECUTION_ID.eq(taken.value()))).isZero();
		assertThat(left.getLeaseOwner()).as("the batch did not release another node's lease").isEqualTo("another-node");
		assertThat(List.of(row(batch.ids.get(1)), row(batch.ids.get(2)))).extracting(ExecutionRecord::getNonce)
			.containsExactly(nonceBefore, nonceBefore + 1);
		assertThat(keyRow()).contains(nonceBefore + 2);

		// the other node goes away: the heartbeat resumes it and it takes the next nonce
		this.dsl.update(EXECUTION).setNull(EXECUTION.LEASE_UNTIL).where(EXECUTION.ID.eq(taken.value())).execute();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> row(taken).getState(), (s) -> s.equals(ExecutionState.CONFIRMED.name()));
		assertThat(row(taken).getNonce()).isEqualTo(nonceBefore + 2);
		assertThat(pendingNonce()).isEqualTo(nonceBefore + 3);
	}

	@Test
	void aNodeStoppedAfterSavingTheBatchsSignedTransactionsSendsTheSameBytesOnRecovery() throws Exception {
		Batch batch = approvedBatch("crash");
		Map<ExecutionId, String> saved = new ConcurrentHashMap<>();
		this.crashes.arm(batch.names.get(0), (id, state) -> {
			if (state == ExecutionState.SIGNED && saved.isEmpty()) {
				batch.ids.forEach((each) -> saved.put(each, row(each).getTxHash()));
				throw new CrashPoints.Crash("after saving the batch's signed transactions, before sending");
			}
		});
		long nonceBefore = pendingNonce();

		assertThatThrownBy(() -> this.pipeline.runAll(batch.ids)).isInstanceOf(CrashPoints.Crash.class);

		assertThat(saved).hasSize(BATCH).doesNotContainValue(null);
		assertThat(this.chain.web3j().ethGetTransactionByHash(saved.get(batch.ids.get(0))).send().getTransaction())
			.as("nothing was sent before the crash")
			.isEmpty();
		// the dead node's leases run out; the heartbeat sends what was saved
		await().atMost(Duration.ofSeconds(90))
			.until(() -> batch.ids.stream().allMatch((id) -> row(id).getState().equals("CONFIRMED")));
		for (ExecutionId id : batch.ids) {
			ExecutionRecord done = row(id);
			assertThat(done.getTxHash()).isEqualTo(saved.get(id));
			assertThat(this.dsl.fetchCount(EXECUTION_TX, EXECUTION_TX.EXECUTION_ID.eq(id.value()))).as("signed once")
				.isOne();
			assertThat(FarmerExecutions.deposits(this.chain.web3j(), batch.vaults.get(id), done.getOnchainId()))
				.isOne();
		}
		assertThat(batch.ids.stream().map((id) -> row(id).getNonce()).sorted().toList())
			.isEqualTo(LongStream.range(nonceBefore, nonceBefore + BATCH).boxed().toList());
		assertThat(pendingNonce()).isEqualTo(nonceBefore + BATCH);
	}

	/** Farmers of their own, each with one execution approved and queued, not yet run. */
	private record Batch(List<FarmerVaults.Farmer> farmers, List<String> names, List<ExecutionId> ids,
			Map<ExecutionId, String> vaults) {
	}

	private Batch approvedBatch(String label) throws Exception {
		String run = label + "-" + UUID.randomUUID().toString().substring(0, 8);
		List<FarmerVaults.Farmer> owners = new ArrayList<>();
		List<String> rules = new ArrayList<>();
		List<JsonNode> waiting = new ArrayList<>();
		for (int i = 0; i < BATCH; i++) {
			FarmerVaults.Farmer farmer = FarmerVaults.create(this.context, "batch-" + run + "-" + i, PoolId.parse(AAVE),
					10_000);
			FarmerExecutions executions = new FarmerExecutions(http(), farmer.token());
			this.farmers.add(executions);
			owners.add(farmer);
			String name = "Batch " + run + " #" + i;
			rules.add(name);
			this.names.add(name);
			executions.rule(name, "deposit 1000 USDC into " + AAVE, "mode live, approval required");
			waiting.add(executions.awaitExecution(name, "AWAITING_APPROVAL"));
		}
		List<ExecutionId> ids = new ArrayList<>();
		Map<ExecutionId, String> vaults = new HashMap<>();
		for (int i = 0; i < BATCH; i++) {
			ExecutionId id = new ExecutionId(UUID.fromString(waiting.get(i).get("id").asString()));
			// approved as the inbox does, but run here as one batch instead of by
			// the queue
			assertThat(this.store.move(id, null, ExecutionState.AWAITING_APPROVAL, ExecutionState.QUEUED, "approved"))
				.isTrue();
			ids.add(id);
			vaults.put(id, owners.get(i).vault().address());
		}
		return new Batch(owners, rules, ids, vaults);
	}

	private ExecutionRecord row(ExecutionId id) {
		return this.store.row(id).orElseThrow();
	}

	private long pendingNonce() throws java.io.IOException {
		return this.chain.web3j()
			.ethGetTransactionCount(DevAccounts.executor().getAddress(), DefaultBlockParameterName.PENDING)
			.send()
			.getTransactionCount()
			.longValueExact();
	}

	private Optional<Long> keyRow() {
		return this.dsl.select(EXECUTOR_KEY.NEXT_NONCE)
			.from(EXECUTOR_KEY)
			.where(EXECUTOR_KEY.CHAIN_ID.eq(LocalChain.CHAIN_ID)
				.and(EXECUTOR_KEY.ADDRESS.eq(DevAccounts.executor().getAddress().toLowerCase(Locale.ROOT))))
			.fetchOptional(EXECUTOR_KEY.NEXT_NONCE);
	}

}
