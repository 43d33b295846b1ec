package com.yieldpilot.support;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.execution.ExecutionState;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A farmer driving a node through its REST API: live rules that fire at once, their
 * executions as the API shows them, and the chain's view of what they did. Rules it
 * created are disabled by {@link #disableRules()}.
 */
public final class FarmerExecutions {

	/** The pool the demo vaults allowlist and the rules deposit into. */
	public static final String AAVE = "aave-v3:base:USDC";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Http http;

	private final String token;

	private final List<String> rules = new ArrayList<>();

	public FarmerExecutions(Http http, String token) {
		this.http = http;
		this.token = token;
	}

	/** Saves a rule that holds at once ({@code apy > 0%}), so it fires within a tick. */
	public void rule(String name, String action, String options) {
		String text = "rule \"" + name + "\"\nwhen\n  apy(" + AAVE + ") > 0%\nthen\n  " + action + "\noptions "
				+ options + "\n";
		HttpResponse<String> created = this.http.postText("/api/v1/rules", this.token, text);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		this.rules.add(JSON.readTree(created.body()).get("id").asString());
	}

	public void disableRules() {
		for (String id : this.rules) {
			this.http.post("/api/v1/rules/" + id + "/disable", this.token, "");
		}
		this.rules.clear();
	}

	/** The farmer's newest executions, by rule name. */
	public Map<String, JsonNode> executionsByRule() {
		HttpResponse<String> list = this.http.get("/api/v1/executions?limit=100", this.token);
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		Map<String, JsonNode> byRule = new HashMap<>();
		for (JsonNode execution : JSON.readTree(list.body())) {
			byRule.putIfAbsent(execution.get("ruleName").asString(), execution);
		}
		return byRule;
	}

	/**
	 * Waits until the rule's execution is in the state; one that ends in another final
	 * state fails at once.
	 */
	public JsonNode awaitExecution(String ruleName, String state) {
		AtomicReference<JsonNode> found = new AtomicReference<>();
		// crashes a test injects are uncaught on the pipeline's threads, as in a
		// dying node
		await().dontCatchUncaughtExceptions()
			.atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> {
				JsonNode execution = executionsByRule().get(ruleName);
				if (execution == null) {
					return false;
				}
				found.set(execution);
				String now = execution.get("state").asString();
				if (!now.equals(state) && ExecutionState.valueOf(now).isFinal()) {
					throw new AssertionError("ended " + now + " instead of " + state + ": " + execution);
				}
				return now.equals(state);
			});
		return found.get();
	}

	public JsonNode approve(JsonNode execution) {
		HttpResponse<String> approved = this.http
			.post("/api/v1/executions/" + execution.get("id").asString() + "/approve", this.token, "");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
		return JSON.readTree(approved.body());
	}

	public void reject(JsonNode execution) {
		this.http.post("/api/v1/executions/" + execution.get("id").asString() + "/reject", this.token, "");
	}

	public static List<String> states(JsonNode execution) {
		return execution.get("steps").valueStream().map((s) -> s.get("state").asString()).toList();
	}

	/** The details of the execution's steps into the state, oldest first. */
	public static List<String> stepDetails(JsonNode execution, String state) {
		return execution.get("steps")
			.valueStream()
			.filter((s) -> s.get("state").asString().equals(state) && !s.get("detail").isNull())
			.map((s) -> s.get("detail").asString())
			.toList();
	}

	/** The executor's transaction count on the chain. */
	public static BigInteger executorNonce(Web3j web3j) throws IOException {
		return web3j.ethGetTransactionCount(DevAccounts.executor().getAddress(), DefaultBlockParameterName.LATEST)
			.send()
			.getTransactionCount();
	}

	/** How many Deposited events the vault emitted for the on-chain execution id. */
	public static long deposits(Web3j web3j, String vault, String onchainId) throws IOException {
		EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, vault);
		filter.addSingleTopic(EventEncoder.encode(YieldVault.DEPOSITED_EVENT));
		filter.addSingleTopic(onchainId);
		return web3j.ethGetLogs(filter).send().getLogs().size();
	}

}
