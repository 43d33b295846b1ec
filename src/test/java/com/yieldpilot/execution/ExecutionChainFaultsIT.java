package com.yieldpilot.execution;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.Devnet;
import com.yieldpilot.support.Http;
import com.yieldpilot.support.LocalCredentials;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.SignedIn;
import com.yieldpilot.support.Stalls;
import com.yieldpilot.support.TestHomes;
import com.yieldpilot.support.TwoRaisesCap;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.Vaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.utils.Convert;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The chain misbehaves under a live rule's execution, on anvil's fault controls, and the
 * pipeline still makes exactly one effect per action without spending a second nonce:
 * receipts withheld past the stuck timeout (RELIABILITY 3), a stuck transaction replaced
 * at the same nonce within the cap (4), fees above the cap (5), a dropped transaction (8)
 * and a reorg (9).
 * <p>
 * These tests turn automine off, move the base fee and rewrite blocks, and item 9 needs a
 * confirmation depth above local mode's one block to show that a re-mined transaction is
 * final only at depth. So they run on a node of their own, with its own anvil and
 * database: {@code confirmations[31337]=3}, {@code stuck-after=8s} and
 * {@code defer-for=5s}, none of which the shared test node's chain could take without
 * changing what every other test sees.
 */
class ExecutionChainFaultsIT {

	private static final PoolId AAVE = PoolId.parse("aave-v3:base:USDC");

	private static final int DEPTH = 3;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path HOME = TestHomes.create("chain-faults");

	private static ConfigurableApplicationContext app;

	private static Devnet chain;

	private static Http http;

	private static LocalCredentials credentials;

	private static Vault vault;

	private final List<String> rules = new ArrayList<>();

	private final List<String> names = new ArrayList<>();

	@BeforeAll
	static void startNode() {
		app = SecondApplication.start(HOME, "--yieldpilot.market.refresh.interval=2s",
				"--yieldpilot.risk.scoring.enabled=false", "--server.shutdown=immediate",
				"--spring.lifecycle.timeout-per-shutdown-phase=3s",
				"--spring.quartz.wait-for-jobs-to-complete-on-shutdown=false",
				"--yieldpilot.execution.confirmations[" + LocalChain.CHAIN_ID + "]=" + DEPTH,
				"--yieldpilot.execution.stuck-after=8s", "--yieldpilot.execution.defer-for=5s");
		chain = Devnet.attach(app.getBean(LocalChain.class));
		http = new Http(app.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		credentials = LocalCredentials.read(HOME);
		Vaults vaults = app.getBean(Vaults.class);
		UserId farmer = app.getBean(UserAccounts.class).findByUsername("farmer").orElseThrow().id();
		await().atMost(Duration.ofMinutes(2)).until(() -> vaults.vault(farmer, LocalChain.CHAIN_ID).isPresent());
		vault = vaults.vault(farmer, LocalChain.CHAIN_ID).orElseThrow();
	}

	@AfterAll
	static void stopNode() {
		if (chain != null) {
			chain.close();
		}
		if (app != null) {
			app.close();
		}
	}

	@AfterEach
	void restoreChain() {
		chain.automine(true);
		// a test that failed with automine off leaves its transactions in the pool,
		// and automine mines only when the next one arrives
		chain.mine();
		for (String id : this.rules) {
			http.post("/api/v1/rules/" + id + "/disable", credentials.farmerToken(), "");
		}
	}

	// RELIABILITY 3
	@Test
	void receiptsWithheldPastTheStuckTimeoutOnlyReplaceTheTransactionAtItsOwnNonce() throws IOException {
		chain.automine(false);
		BigInteger before = executorNonce();
		String name = "Withheld receipts " + UUID.randomUUID();

		rule(name, "deposit 5000 USDC into " + AAVE, "mode live");
		String id = awaitExecution(name);
		awaitStep(id, "BROADCAST", (d) -> d.startsWith("replaced at nonce"));

		JsonNode stuck = execution(id);
		long nonce = stuck.get("nonce").asLong();
		assertThat(nonce).isEqualTo(before.longValueExact());
		List<Attempt> attempts = attempts(id);
		assertThat(attempts).hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((a) -> assertThat(a.nonce()).isEqualTo(nonce))
			.allSatisfy((a) -> assertThat(a.from()).isEqualToIgnoringCase(DevAccounts.executor().getAddress()));
		assertThat(keyNextNonce()).as("no second nonce taken").isEqualTo(nonce + 1);
		Map<Long, String> pool = chain.pending(DevAccounts.executor().getAddress());
		assertThat(pool).containsOnlyKeys(nonce);
		assertThat(attempts).extracting(Attempt::hash).contains(pool.get(nonce));

		chain.automine(true);
		chain.mine();
		JsonNode done = confirm(id);

		assertThat(attempts(id)).extracting(Attempt::hash).contains(done.get("txHash").asString());
		assertThat(done.get("nonce").asLong()).isEqualTo(nonce);
		assertThat(executorNonce()).isEqualTo(before.add(BigInteger.ONE));
		assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
	}

	// RELIABILITY 4
	@Test
	void aStuckTransactionIsReplacedWithBothFeeCapsRaisedAndNeverAboveTheRulesCap() throws IOException {
		chain.automine(false);
		TwoRaisesCap cap = TwoRaisesCap.overTheQuote(chain);
		BigInteger tip = chain.web3j().ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
		String name = "Stuck under a cap " + UUID.randomUUID();

		rule(name, "deposit 5000 USDC into " + AAVE, "max gas " + cap.gwei() + " gwei, mode live");
		String id = awaitExecution(name);
		awaitStep(id, "BROADCAST",
				(d) -> d.startsWith("stuck at the fee cap of " + cap.gwei() + " gwei; waiting for cheaper gas"));

		List<Attempt> attempts = attempts(id);
		assertThat(attempts).hasSize(3);
		assertThat(attempts.get(0).maxFee()).isEqualTo(cap.first());
		assertThat(attempts.get(0).tip()).isEqualTo(tip);
		for (int i = 1; i < attempts.size(); i++) {
			Attempt earlier = attempts.get(i - 1);
			Attempt later = attempts.get(i);
			assertThat(later.nonce()).isEqualTo(earlier.nonce());
			assertThat(new BigDecimal(later.maxFee()))
				.isGreaterThanOrEqualTo(new BigDecimal(earlier.maxFee()).multiply(new BigDecimal("1.125")));
			assertThat(new BigDecimal(later.tip()))
				.isGreaterThanOrEqualTo(new BigDecimal(earlier.tip()).multiply(new BigDecimal("1.125")));
		}
		assertThat(attempts).allSatisfy((a) -> assertThat(a.maxFee()).isLessThanOrEqualTo(cap.cap()));
		// the next raise would pass the cap: it was not signed
		assertThat(new BigDecimal(attempts.get(2).maxFee()).multiply(new BigDecimal("1.125")))
			.isGreaterThan(new BigDecimal(cap.cap()));
		assertThat(chain.pending(DevAccounts.executor().getAddress()))
			.containsExactly(Map.entry(attempts.get(0).nonce(), attempts.get(2).hash()));

		chain.automine(true);
		chain.mine();
		JsonNode done = confirm(id);

		assertThat(done.get("txHash").asString()).isEqualTo(attempts.get(2).hash());
		assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
	}

	// RELIABILITY 5
	@Test
	void feesAboveTheCapDeferTheExecutionTellTheFarmerAndTheAdminWhyAndItRunsOnceGasIsCheaper() throws IOException {
		BigInteger before = executorNonce();
		chain.automine(false);
		chain.nextBaseFee(gwei("4"));
		chain.mine();
		String name = "Gas too dear " + UUID.randomUUID();

		rule(name, "deposit 10000 USDC into " + AAVE, "max gas 3 gwei, mode live");
		String id = awaitExecution(name);
		JsonNode deferred = awaitState(id, "DEFERRED");

		assertThat(deferred.get("reason").asString()).matches(
				"gas costs [0-9.]+ gwei now, above the cap of 3 gwei \\(the rule's max gas\\); it runs when gas is cheaper");
		assertThat(deferred.get("nonce").isNull()).isTrue();
		assertThat(deferred.get("txHash").isNull()).isTrue();
		// the admin sees it among all farmers' deferred executions, with the same reason
		ExecutionAdmin admin = app.getBean(ExecutionAdmin.class);
		SignedIn signedIn = new SignedIn(app.getBean(UserAccounts.class),
				app.getBeanProvider(SecurityContextHolderStrategy.class));
		List<DeferredExecution> waiting = signedIn.as(credentials.adminUsername(), () -> admin.deferred(100));
		assertThat(waiting).filteredOn((e) -> e.id().value().toString().equals(id))
			.singleElement()
			.satisfies((e) -> assertThat(e.reason()).isEqualTo(deferred.get("reason").asString()));
		assertThatThrownBy(() -> signedIn.as(credentials.farmerUsername(), () -> admin.deferred(100)))
			.isInstanceOf(AccessDeniedException.class);
		// tried again after defer-for, and still waiting, not failed
		await().atMost(Duration.ofSeconds(30))
			.until(() -> steps(execution(id)).stream().filter("DEFERRED"::equals).count() >= 2);
		assertThat(execution(id).get("state").asString()).isEqualTo("DEFERRED");
		assertThat(executorNonce()).isEqualTo(before);

		// gas gets cheap: the pool's transactions priced at the dear fee go, so that
		// their tips do not become the chain's suggestion
		chain.dropAllTransactions();
		chain.nextBaseFee(gwei("1"));
		chain.mine();
		chain.automine(true);
		JsonNode done = confirm(id);

		assertThat(steps(done)).containsSubsequence("DEFERRED", "DEFERRED", "SIMULATED", "SIGNED", "BROADCAST", "MINED",
				"CONFIRMED");
		assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
		assertThat(executorNonce()).isEqualTo(before.add(BigInteger.ONE));
	}

	// RELIABILITY 8
	@Test
	void aDroppedTransactionIsSentAgainAsItWasFillingItsNonceGapAndTheLaterOneGoesThrough() throws IOException {
		// a position to withdraw from: a withdrawal and a deposit move different funds,
		// so their intents run side by side (two deposits would wait for each other)
		rule("Position for the drop " + UUID.randomUUID(), "deposit 5000 USDC into " + AAVE, "mode live");
		confirm(awaitExecution(this.names.get(this.names.size() - 1)));
		chain.automine(false);
		BigInteger before = executorNonce();
		String withdraw = "Dropped " + UUID.randomUUID();
		String deposit = "Behind the dropped " + UUID.randomUUID();

		rule(withdraw, "withdraw 1000 USDC from " + AAVE, "mode live");
		rule(deposit, "deposit 5000 USDC into " + AAVE, "mode live");
		List<JsonNode> sent = new ArrayList<>(List.of(awaitState(awaitExecution(withdraw), "BROADCAST"),
				awaitState(awaitExecution(deposit), "BROADCAST")));
		sent.sort(Comparator.comparingLong((JsonNode e) -> e.get("nonce").asLong()));
		JsonNode gap = sent.get(0);
		JsonNode later = sent.get(1);
		String gapId = gap.get("id").asString();
		String dropped = gap.get("txHash").asString();
		assertThat(gap.get("nonce").asLong()).isEqualTo(before.longValueExact());
		assertThat(later.get("nonce").asLong()).isEqualTo(before.longValueExact() + 1);

		chain.dropTransaction(dropped);
		awaitStep(gapId, "BROADCAST", (d) -> d.startsWith("the node no longer had it (dropped); sent the same bytes"));
		// anvil may drop the later nonce with the gap; then the same pass of the
		// heartbeat sends it again too, a moment after
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(chain.pending(DevAccounts.executor().getAddress()))
				.containsEntry(before.longValueExact(), dropped)
				.containsKey(before.longValueExact() + 1));

		chain.automine(true);
		chain.mine();
		JsonNode filled = confirm(gapId);
		JsonNode through = confirm(later.get("id").asString());

		assertThat(filled.get("txHash").asString()).as("the same bytes").isEqualTo(dropped);
		assertThat(attempts(gapId)).hasSize(1);
		assertThat(through.get("nonce").asLong()).isEqualTo(before.longValueExact() + 1);
		assertThat(executorNonce()).isEqualTo(before.add(BigInteger.TWO));
		assertThat(keyNextNonce()).isEqualTo(before.longValueExact() + 2);
		assertThat(effects(filled) + effects(through)).as("one effect each").isEqualTo(2);
	}

	// RELIABILITY 9
	@Test
	void aReorgThatRemovesTheMinedBlockSendsTheSameTransactionAgainAndItIsFinalOnlyAtDepth() throws IOException {
		chain.automine(false);
		BigInteger before = executorNonce();
		String name = "Reorganised " + UUID.randomUUID();

		rule(name, "deposit 5000 USDC into " + AAVE, "mode live");
		String id = awaitExecution(name);
		String hash = awaitState(id, "BROADCAST").get("txHash").asString();
		chain.mine();
		long minedIn = awaitState(id, "MINED").get("blockNumber").asLong();

		chain.reorg(1);
		awaitStep(id, "BROADCAST",
				(d) -> d.equals("block " + minedIn + " was reorganised away; sending the same transaction again"));
		assertThat(chain.pending(DevAccounts.executor().getAddress())).containsEntry(before.longValueExact(), hash);

		chain.mine();
		JsonNode again = awaitState(id, "MINED");
		long block = again.get("blockNumber").asLong();
		assertThat(block).isEqualTo(minedIn + 1);
		for (int deep = 1; deep < DEPTH; deep++) {
			// not final while fewer than DEPTH blocks deep, however often the
			// heartbeat looks
			await().during(Duration.ofSeconds(3))
				.atMost(Duration.ofSeconds(10))
				.until(() -> execution(id).get("state").asString().equals("MINED"));
			chain.mine();
		}
		JsonNode done = awaitState(id, "CONFIRMED");

		assertThat(done.get("txHash").asString()).isEqualTo(hash);
		assertThat(attempts(id)).hasSize(1);
		assertThat(steps(done)).containsSubsequence("BROADCAST", "MINED", "BROADCAST", "MINED", "CONFIRMED");
		assertThat(stepDetails(done, "CONFIRMED")).singleElement()
			.asString()
			.startsWith("final: " + DEPTH + " block(s) deep at block " + (block + DEPTH - 1));
		assertThat(deposits(done.get("onchainId").asString())).isEqualTo(1);
		assertThat(executorNonce()).isEqualTo(before.add(BigInteger.ONE));
	}

	// ---- helpers ----

	/** One signed attempt as saved, read back from its raw bytes. */
	private record Attempt(int attempt, String hash, String from, long nonce, BigInteger maxFee, BigInteger tip) {
	}

	private List<Attempt> attempts(String executionId) {
		return app.getBean(JdbcClient.class)
			.sql("select attempt, tx_hash, raw_tx from execution_tx where execution_id = ? order by attempt")
			.param(UUID.fromString(executionId))
			.query((rs, row) -> {
				RawTransaction raw = TransactionDecoder.decode(rs.getString("raw_tx"));
				Transaction1559 fees = (Transaction1559) raw.getTransaction();
				String from;
				try {
					from = ((SignedRawTransaction) raw).getFrom();
				}
				catch (java.security.SignatureException ex) {
					throw new IllegalStateException("a saved transaction whose signature does not recover", ex);
				}
				return new Attempt(rs.getInt("attempt"), rs.getString("tx_hash"), from, raw.getNonce().longValueExact(),
						fees.getMaxFeePerGas(), fees.getMaxPriorityFeePerGas());
			})
			.list();
	}

	private static long keyNextNonce() {
		return app.getBean(JdbcClient.class)
			.sql("select next_nonce from executor_key where chain_id = ? and address = ?")
			.param(LocalChain.CHAIN_ID)
			.param(DevAccounts.executor().getAddress().toLowerCase(java.util.Locale.ROOT))
			.query(Long.class)
			.single();
	}

	private void rule(String name, String action, String options) {
		String text = "rule \"" + name + "\"\nwhen\n  apy(" + AAVE + ") > 0%\nthen\n  " + action + "\noptions "
				+ options + "\n";
		HttpResponse<String> created = http.postText("/api/v1/rules", credentials.farmerToken(), text);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.rules.add(JSON.readTree(created.body()).get("id").asString());
		this.names.add(name);
	}

	/**
	 * The id of the rule's execution, once its rule fired (a rule waits while another
	 * intent of the farmer moves the same funds).
	 */
	private static String awaitExecution(String ruleName) {
		AtomicReference<String> found = new AtomicReference<>();
		AtomicReference<String> seen = new AtomicReference<>();
		Stalls.explained(() -> await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.alias("an execution of rule " + ruleName)
			.until(() -> {
				HttpResponse<String> list = http.get("/api/v1/executions?limit=100", credentials.farmerToken());
				seen.set(list.body());
				for (JsonNode execution : JSON.readTree(list.body())) {
					if (execution.get("ruleName").asString().equals(ruleName)) {
						found.set(execution.get("id").asString());
						return true;
					}
				}
				return false;
			}), seen::get);
		return found.get();
	}

	/** The execution as the farmer reads it: {@code GET /api/v1/executions/{id}}. */
	private static JsonNode execution(String id) {
		HttpResponse<String> response = http.get("/api/v1/executions/" + id, credentials.farmerToken());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode awaitState(String id, String state) {
		AtomicReference<JsonNode> seen = new AtomicReference<>();
		Stalls.explained(() -> await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
			JsonNode execution = execution(id);
			seen.set(execution);
			String now = execution.get("state").asString();
			if (!now.equals(state) && ExecutionState.valueOf(now).isFinal()) {
				throw new AssertionError("ended " + now + " instead of " + state + ": " + execution);
			}
			return now.equals(state);
		}), seen::get);
		return seen.get();
	}

	/**
	 * Waits for a step of the state whose detail matches; on a timeout the failure shows
	 * the execution with every step it has, so a run that went elsewhere says where.
	 */
	private static void awaitStep(String id, String state, Predicate<String> detail) {
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			JsonNode execution = execution(id);
			assertThat(stepDetails(execution, state)).as("a %s step as expected in %s", state, execution)
				.anyMatch(detail);
		});
	}

	/**
	 * Waits until the execution is mined, mines the blocks that make it deep enough, and
	 * waits until it is final.
	 */
	private static JsonNode confirm(String id) {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> List.of("MINED", "CONFIRMED").contains(execution(id).get("state").asString()));
		chain.mine(DEPTH - 1);
		return awaitState(id, "CONFIRMED");
	}

	private static List<String> steps(JsonNode execution) {
		return execution.get("steps").valueStream().map((s) -> s.get("state").asString()).toList();
	}

	private static List<String> stepDetails(JsonNode execution, String state) {
		return execution.get("steps")
			.valueStream()
			.filter((s) -> s.get("state").asString().equals(state) && !s.get("detail").isNull())
			.map((s) -> s.get("detail").asString())
			.toList();
	}

	private static BigInteger executorNonce() throws IOException {
		return chain.web3j()
			.ethGetTransactionCount(DevAccounts.executor().getAddress(), DefaultBlockParameterName.LATEST)
			.send()
			.getTransactionCount();
	}

	/** How many Deposited events the vault emitted for the execution id. */
	private static long deposits(String onchainId) throws IOException {
		return events(YieldVault.DEPOSITED_EVENT, onchainId);
	}

	/** How many Deposited or Withdrawn events the vault emitted for the execution. */
	private static long effects(JsonNode execution) throws IOException {
		String onchainId = execution.get("onchainId").asString();
		return events(YieldVault.DEPOSITED_EVENT, onchainId) + events(YieldVault.WITHDRAWN_EVENT, onchainId);
	}

	private static long events(org.web3j.abi.datatypes.Event event, String onchainId) throws IOException {
		Web3j web3j = chain.web3j();
		EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
				vault.address());
		filter.addSingleTopic(EventEncoder.encode(event));
		filter.addSingleTopic(onchainId);
		return web3j.ethGetLogs(filter).send().getLogs().size();
	}

	private static BigInteger gwei(String gwei) {
		return Convert.toWei(gwei, Convert.Unit.GWEI).toBigIntegerExact();
	}

}
