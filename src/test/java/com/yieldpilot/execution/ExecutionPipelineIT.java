package com.yieldpilot.execution;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.execution.internal.pipeline.ExecutionReads;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.platform.Foreground;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleIntents;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.CrashPoints;
import com.yieldpilot.support.DiskFull;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.Vaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline end to end in local mode, for the demo farmer and their vault: a live rule
 * that fires is planned, simulated, signed, sent and confirmed on anvil, and the vault's
 * position moves; a paper rule is simulated and recorded, never signed; a revert found in
 * simulation fails the execution without spending a nonce (RELIABILITY 6); a node stopped
 * after saving the signed transaction, or after sending it but before recording that, is
 * finished by the real recovery path with the same bytes and one on-chain effect
 * (RELIABILITY 1 and 2).
 */
class ExecutionPipelineIT extends ApplicationIT {

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Vaults vaults;

	@Autowired
	LocalChain chain;

	@Autowired
	CrashPoints crashes;

	@Autowired
	ExecutionReads store;

	@Autowired
	RuleIntents intents;

	@Autowired
	Foreground foreground;

	private final List<String> rules = new java.util.ArrayList<>();

	private UserId farmer;

	private Vault vault;

	@BeforeEach
	void demoVault() {
		this.farmer = this.accounts.findByUsername("farmer").orElseThrow().id();
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.vaults.vault(this.farmer, LocalChain.CHAIN_ID).isPresent());
		this.vault = this.vaults.vault(this.farmer, LocalChain.CHAIN_ID).orElseThrow();
	}

	@AfterEach
	void disableRules() {
		for (String id : this.rules) {
			http().post("/api/v1/rules/" + id + "/disable", credentials().farmerToken(), "");
		}
	}

	@Test
	void aLiveRuleThatFiresIsConfirmedOnChainAndMovesTheVaultsPosition() throws IOException {
		Portfolio before = this.vaults.portfolio(this.vault);
		BigInteger nonceBefore = executorNonce();
		String name = "Live deposit " + UUID.randomUUID();

		rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
		JsonNode done = awaitExecution(name, "CONFIRMED");

		String hash = done.get("txHash").asString();
		assertThat(done.get("owner").isString()).as("ids are bare UUIDs in the API: %s", done.get("owner")).isTrue();
		TransactionReceipt receipt = this.chain.web3j()
			.ethGetTransactionReceipt(hash)
			.send()
			.getTransactionReceipt()
			.orElseThrow();
		assertThat(receipt.isStatusOK()).isTrue();
		assertThat(receipt.getTo()).isEqualToIgnoringCase(this.vault.address());
		assertThat(receipt.getFrom()).isEqualToIgnoringCase(DevAccounts.executor().getAddress());
		assertThat(receipt.getBlockNumber().longValueExact()).isEqualTo(done.get("blockNumber").asLong());
		assertThat(done.get("gasUsed").asLong()).isEqualTo(receipt.getGasUsed().longValueExact());
		assertThat(states(done)).containsSubsequence("QUEUED", "PLANNED", "COST_CHECKED", "SIMULATED", "SIGNED",
				"BROADCAST", "MINED", "CONFIRMED");
		assertThat(executorNonce()).isEqualTo(nonceBefore.add(BigInteger.ONE));
		assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);

		Portfolio after = this.vaults.portfolio(this.vault);
		assertThat(after.idle()).isEqualByComparingTo(before.idle().subtract(new BigDecimal("10000")));
		// the execution records what it left in the vault, read once it was final
		JsonNode result = done.get("result");
		assertThat(result.get("block").asLong()).isGreaterThanOrEqualTo(receipt.getBlockNumber().longValueExact());
		assertThat(result.get("asset").asString()).isEqualTo("USDC");
		assertThat(result.get("idle").decimalValue()).isCloseTo(after.idle(),
				org.assertj.core.data.Offset.offset(new BigDecimal("0.000001")));
		JsonNode aave = java.util.stream.StreamSupport.stream(result.get("positions").spliterator(), false)
			.filter((h) -> AAVE.toString().equals(h.get("pool").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(aave.get("assets").decimalValue()).isBetween(position(before).add(new BigDecimal("9999")),
				position(after));
		// plus the seconds of yield the position accrued
		assertThat(position(after).subtract(position(before))).isBetween(new BigDecimal("9999"),
				new BigDecimal("10001"));
		// the intent is settled just after its last execution is confirmed
		IntentId intent = new IntentId(UUID.fromString(done.get("intent").asString()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.intents.find(intent).orElseThrow().status() == IntentStatus.COMPLETED);
	}

	/**
	 * From the rule's save (which asks for its shard's evaluation before it answers) to
	 * the first run of the execution it fires, the node holds a foreground lease without
	 * a gap, so background work that waits for a quiet node (risk scoring) never runs
	 * beside a firing on its way to the chain.
	 */
	@Test
	void theNodeIsQuietOnlyOnceTheFiringItWasAskedForHasBeenSent() throws InterruptedException {
		String name = "Foreground " + UUID.randomUUID();

		rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
		assertThat(this.foreground.awaitQuiet(Duration.ofSeconds(60))).isTrue();

		JsonNode execution = execution(name).orElseThrow(() -> new AssertionError("no execution of " + name));
		assertThat(states(execution)).as("%s", execution).contains("SIGNED", "BROADCAST");
		awaitExecution(name, "CONFIRMED");
	}

	@Test
	void aPaperRuleIsSimulatedAndRecordedButNeverSigned() throws IOException {
		BigInteger nonceBefore = executorNonce();
		String name = "Paper deposit " + UUID.randomUUID();

		rule(name, "deposit 10000 USDC into " + AAVE, "mode paper");
		JsonNode done = awaitExecution(name, "PAPER_RECORDED");

		assertThat(done.get("reason").asString())
			.isEqualTo("paper: would deposit 10000 USDC into " + AAVE + " (simulated, not signed)");
		assertThat(done.get("txHash").isNull()).isTrue();
		assertThat(done.get("nonce").isNull()).isTrue();
		assertThat(states(done)).contains("SIMULATED").doesNotContain("SIGNED");
		assertThat(executorNonce()).isEqualTo(nonceBefore);
	}

	@Test
	void aRevertFoundInSimulationFailsTheExecutionWithItsReasonAndSpendsNoNonce() throws Exception {
		String name = "Paused in between " + UUID.randomUUID();
		YieldVault owned = YieldVault.load(this.vault.address(), this.chain.web3j(),
				// receipts polled quickly: the hook must pause well within the node's
				// 3 s lease, or the heartbeat takes the execution over and plans it
				// again (the fence at work)
				new RawTransactionManager(this.chain.web3j(), DevAccounts.demoFarmer(), LocalChain.CHAIN_ID,
						new PollingTransactionReceiptProcessor(this.chain.web3j(), 50, 200)),
				new DefaultGasProvider());
		// the owner pauses the vault after the plan was made and before the simulation
		this.crashes.arm(name, (id, state) -> {
			if (state == ExecutionState.COST_CHECKED) {
				send(() -> owned.pause().send());
			}
		});
		BigInteger nonceBefore = executorNonce();
		try {
			rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
			JsonNode failed = awaitExecution(name, "FAILED");

			assertThat(failed.get("reason").asString()).isEqualTo(
					"the simulation reverted, nothing was signed: VaultPaused: the vault is paused by its owner");
			assertThat(failed.get("nonce").isNull()).isTrue();
			assertThat(executorNonce()).isEqualTo(nonceBefore);
			UUID intent = UUID.fromString(failed.get("intent").asString());
			// the intent is settled just after its last execution ends
			await().atMost(Duration.ofSeconds(30))
				.until(() -> this.intents.find(new IntentId(intent)).orElseThrow().status(),
						(status) -> status == IntentStatus.FAILED);
		}
		finally {
			this.crashes.disarm(name);
			owned.unpause().send();
		}
	}

	@Test
	void aDatabaseOutOfDiskSpaceWhenTheSignedTransactionIsSavedSpendsNoNonceAndTheExecutionGoesAheadOnceThereIsSpace()
			throws IOException {
		String name = "Disk full at signing " + UUID.randomUUID();
		BigInteger nonceBefore = executorNonce();
		// the signing transaction takes the nonce and saves the signed bytes together:
		// the full disk refuses the save, and the nonce goes back with the rollback
		DiskFull.on(this.dsl, "execution_tx", "exists (select 1 from execution e join rule_intent i on i.id = "
				+ "e.intent_id where e.id = new.execution_id and i.rule_name = '" + name + "')");
		JsonNode deferred;
		try {
			rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
			deferred = awaitExecution(name, "DEFERRED");
		}
		finally {
			DiskFull.off(this.dsl, "execution_tx");
		}
		assertThat(stepDetails(deferred, "DEFERRED")).containsExactly("the database ran out of disk space before it "
				+ "was signed, so nothing was sent; it is tried again when its deferral ends");
		assertThat(deferred.get("nonce").isNull()).isTrue();
		assertThat(executorNonce()).as("nothing was sent").isEqualTo(nonceBefore);

		// there is space again; the deferral's minute is passed at once
		this.dsl.execute("update execution set retry_at = now() where id = '" + deferred.get("id").asString() + "'");
		JsonNode done = awaitExecution(name, "CONFIRMED");
		assertThat(executorNonce()).isEqualTo(nonceBefore.add(BigInteger.ONE));
		assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
	}

	@Test
	void aNodeStoppedAfterSavingTheSignedTransactionIsFinishedWithTheSameBytesAndOneEffect() throws IOException {
		String name = "Crash after signing " + UUID.randomUUID();
		Map<String, String> signedAs = new ConcurrentHashMap<>();
		this.crashes.arm(name, (id, state) -> {
			if (state == ExecutionState.SIGNED && signedAs.putIfAbsent("hash", hashOf(id)) == null) {
				throw new CrashPoints.Crash("after signing, before broadcast");
			}
		});
		BigInteger nonceBefore = executorNonce();
		try {
			rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
			JsonNode done = awaitExecution(name, "CONFIRMED");

			assertThat(done.get("txHash").asString()).isEqualTo(signedAs.get("hash"));
			assertThat(executorNonce()).isEqualTo(nonceBefore.add(BigInteger.ONE));
			assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
			assertThat(this.store.find(new ExecutionId(UUID.fromString(done.get("id").asString())))
				.orElseThrow()
				.steps()
				.stream()
				.filter((s) -> s.state() == ExecutionState.SIGNED)
				.count()).as("signed once").isEqualTo(1);
		}
		finally {
			this.crashes.disarm(name);
		}
	}

	@Test
	void aNodeStoppedAsAnExecutionEndsLeavesTheWholeEndingUndoneAndNeverAnIntentOpenBehindAFinalExecution()
			throws IOException {
		String name = "Crash as it ends " + UUID.randomUUID();
		AtomicReference<ExecutionState> storedAtCrash = new AtomicReference<>();
		// the confirmation stores CONFIRMED, publishes ExecutionConfirmed and settles the
		// intent: the node stops between the first and the last
		this.crashes.arm(name, (id, state) -> {
			if (state == ExecutionState.CONFIRMED
					&& storedAtCrash.compareAndSet(null, this.store.find(id).orElseThrow().state())) {
				throw new CrashPoints.Crash("as the execution ends, before its intent is settled");
			}
		});
		BigInteger nonceBefore = executorNonce();
		try {
			rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
			JsonNode done = awaitExecution(name, "CONFIRMED");

			assertThat(storedAtCrash.get()).as("the crash came after the move, in the same transaction")
				.isEqualTo(ExecutionState.CONFIRMED);
			// read once, no waiting: the intent settles in the commit that ends its last
			// execution, so no reader ever sees one without the other
			IntentId intent = new IntentId(UUID.fromString(done.get("intent").asString()));
			assertThat(this.intents.find(intent).orElseThrow().status()).isEqualTo(IntentStatus.COMPLETED);
			assertThat(this.store.find(new ExecutionId(UUID.fromString(done.get("id").asString())))
				.orElseThrow()
				.steps()
				.stream()
				.filter((s) -> s.state() == ExecutionState.CONFIRMED)
				.count()).as("ended once: the lost ending left nothing behind").isEqualTo(1);
			assertThat(executorNonce()).isEqualTo(nonceBefore.add(BigInteger.ONE));
			assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
		}
		finally {
			this.crashes.disarm(name);
		}
	}

	@Test
	void aNodeStoppedBeforeItsSimulationIsStoredPlansAgainFromTheChainAndMakesOneEffect() throws IOException {
		String name = "Crash before the simulation " + UUID.randomUUID();
		AtomicReference<ExecutionState> storedAtCrash = new AtomicReference<>();
		// the states before signing are stored together with the simulation's result:
		// at this crash the plan and the cost check exist only in the node's memory
		this.crashes.arm(name, (id, state) -> {
			if (state == ExecutionState.COST_CHECKED
					&& storedAtCrash.compareAndSet(null, this.store.find(id).orElseThrow().state())) {
				throw new CrashPoints.Crash("after the cost check, before the simulation");
			}
		});
		BigInteger nonceBefore = executorNonce();
		try {
			rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
			JsonNode done = awaitExecution(name, "CONFIRMED");

			assertThat(storedAtCrash.get()).as("nothing of the lost run was stored").isEqualTo(ExecutionState.QUEUED);
			assertThat(executorNonce()).isEqualTo(nonceBefore.add(BigInteger.ONE));
			assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
			List<ExecutionStep> steps = this.store.find(new ExecutionId(UUID.fromString(done.get("id").asString())))
				.orElseThrow()
				.steps();
			List<ExecutionStep> beforeSigning = steps.stream()
				.filter((s) -> s.state() == ExecutionState.PLANNED || s.state() == ExecutionState.COST_CHECKED
						|| s.state() == ExecutionState.SIMULATED)
				.toList();
			// the recovery's plan alone, each state with its own time, in order
			assertThat(beforeSigning).extracting(ExecutionStep::state)
				.containsExactly(ExecutionState.PLANNED, ExecutionState.COST_CHECKED, ExecutionState.SIMULATED);
			assertThat(beforeSigning).extracting(ExecutionStep::at).isSorted();
			assertThat(beforeSigning.get(0).detail()).startsWith("deposit 10000 USDC");
			assertThat(beforeSigning.get(1).detail()).startsWith("pays for itself");
			assertThat(beforeSigning.get(2).detail()).startsWith("the call passes");
		}
		finally {
			this.crashes.disarm(name);
		}
	}

	@Test
	void aNodeStoppedAfterSendingButBeforeRecordingItTakesTheNodesAnswerAsSentAndMakesOneEffect() throws IOException {
		String name = "Crash after sending " + UUID.randomUUID();
		AtomicReference<String> crashed = new AtomicReference<>();
		this.crashes.armSent(name, (id) -> {
			if (crashed.compareAndSet(null, hashOf(id))) {
				throw new CrashPoints.Crash("after broadcast, before the state update");
			}
		});
		BigInteger nonceBefore = executorNonce();
		try {
			rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
			JsonNode done = awaitExecution(name, "CONFIRMED");

			assertThat(done.get("txHash").asString()).isEqualTo(crashed.get());
			assertThat(executorNonce()).isEqualTo(nonceBefore.add(BigInteger.ONE));
			assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
			// the recovery's re-send was answered "already known" or "nonce too low": not
			// a failure
			assertThat(stepDetails(done, "BROADCAST")).anyMatch((d) -> d.contains("already") || d.contains("nonce"));
		}
		finally {
			this.crashes.disarm(name);
		}
	}

	// ---- helpers ----

	private void rule(String name, String action, String options) {
		String text = "rule \"" + name + "\"\nwhen\n  apy(" + AAVE + ") > 0%\nthen\n  " + action + "\noptions "
				+ options + "\n";
		HttpResponse<String> created = http().postText("/api/v1/rules", credentials().farmerToken(), text);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.rules.add(this.json.readTree(created.body()).get("id").asString());
	}

	private Optional<JsonNode> execution(String ruleName) {
		HttpResponse<String> list = http().get("/api/v1/executions?limit=100", credentials().farmerToken());
		for (JsonNode execution : this.json.readTree(list.body())) {
			if (execution.get("ruleName").asString().equals(ruleName)) {
				return Optional.of(execution);
			}
		}
		return Optional.empty();
	}

	private JsonNode awaitExecution(String ruleName, String state) {
		AtomicReference<JsonNode> found = new AtomicReference<>();
		// the crash tests' crashes are uncaught on the pipeline's threads, as they would
		// be in a dying node: not this test's failure
		await().dontCatchUncaughtExceptions()
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				HttpResponse<String> list = http().get("/api/v1/executions?limit=100", credentials().farmerToken());
				for (JsonNode execution : this.json.readTree(list.body())) {
					if (execution.get("ruleName").asString().equals(ruleName)) {
						found.set(execution);
						String now = execution.get("state").asString();
						if (!now.equals(state) && ExecutionState.valueOf(now).isFinal()) {
							throw new AssertionError("ended " + now + " instead of " + state + ": " + execution);
						}
						return now.equals(state);
					}
				}
				return false;
			});
		return found.get();
	}

	private static List<String> states(JsonNode execution) {
		return execution.get("steps").valueStream().map((s) -> s.get("state").asString()).toList();
	}

	private static List<String> stepDetails(JsonNode execution, String state) {
		return execution.get("steps")
			.valueStream()
			.filter((s) -> s.get("state").asString().equals(state) && !s.get("detail").isNull())
			.map((s) -> s.get("detail").asString())
			.toList();
	}

	private String hashOf(ExecutionId id) {
		return this.store.find(id).orElseThrow().txHash();
	}

	private BigInteger executorNonce() throws IOException {
		return this.chain.web3j()
			.ethGetTransactionCount(DevAccounts.executor().getAddress(), DefaultBlockParameterName.LATEST)
			.send()
			.getTransactionCount();
	}

	/** How many Deposited events the vault emitted for the execution id. */
	private long deposits(String onchainId) throws IOException {
		Web3j web3j = this.chain.web3j();
		EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
				this.vault.address());
		filter.addSingleTopic(EventEncoder.encode(YieldVault.DEPOSITED_EVENT));
		filter.addSingleTopic(onchainId);
		return web3j.ethGetLogs(filter).send().getLogs().size();
	}

	private BigDecimal position(Portfolio portfolio) {
		Optional<Position> found = portfolio.positions().stream().filter((p) -> AAVE.equals(p.pool())).findFirst();
		return found.map(Position::assets).orElse(BigDecimal.ZERO);
	}

	@FunctionalInterface
	private interface ChainCall {

		void run() throws Exception;

	}

	private static void send(ChainCall call) {
		try {
			call.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
