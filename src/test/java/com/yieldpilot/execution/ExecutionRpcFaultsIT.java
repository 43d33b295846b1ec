package com.yieldpilot.execution;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.RpcEndpointStatus;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.support.FarmerExecutions;
import com.yieldpilot.support.Http;
import com.yieldpilot.support.JsonRpcProxy;
import com.yieldpilot.support.JsonRpcProxy.Fault;
import com.yieldpilot.support.LocalCredentials;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.Vaults;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.web3j.crypto.Hash;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import static com.yieldpilot.support.FarmerExecutions.AAVE;
import static com.yieldpilot.support.FarmerExecutions.deposits;
import static com.yieldpilot.support.FarmerExecutions.executorNonce;
import static com.yieldpilot.support.FarmerExecutions.states;
import static com.yieldpilot.support.FarmerExecutions.stepDetails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RELIABILITY 10 and 11: an RPC that misbehaves after it took a signed transaction. A
 * node of its own (own home, database and anvil) reaches its chain through configured RPC
 * URLs, a primary that is a {@link JsonRpcProxy} in front of its anvil and a plain
 * secondary proxy, so what the primary does to {@code eth_sendRawTransaction} is the
 * test's to choose while everything else is answered truthfully.
 */
class ExecutionRpcFaultsIT {

	private static final Path HOME = TestHomes.create("rpc-faults");

	private static JsonRpcProxy primary;

	private static JsonRpcProxy secondary;

	private static ConfigurableApplicationContext node;

	private static FarmerExecutions farmer;

	private static Vault vault;

	@BeforeAll
	static void startNode() {
		primary = JsonRpcProxy.start();
		secondary = JsonRpcProxy.start();
		// the node's anvil is known once its bean exists: both proxies forward there
		ApplicationContextInitializer<ConfigurableApplicationContext> forward = (context) -> context.getBeanFactory()
			.addBeanPostProcessor(new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof LocalChain chain) {
						primary.forwardTo(chain.rpcUrl());
						secondary.forwardTo(chain.rpcUrl());
					}
					return bean;
				}
			});
		node = SecondApplication.start(HOME, List.of(forward),
				"--yieldpilot.chain.rpc.anvil=" + primary.url() + "," + secondary.url(),
				"--yieldpilot.chain.chain-ids.anvil=" + LocalChain.CHAIN_ID, "--yieldpilot.execution.lease=3s",
				"--yieldpilot.risk.scoring.enabled=false", "--server.shutdown=immediate",
				"--spring.lifecycle.timeout-per-shutdown-phase=3s",
				"--spring.quartz.wait-for-jobs-to-complete-on-shutdown=false");
		int port = node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		farmer = new FarmerExecutions(new Http(port), LocalCredentials.read(HOME).farmerToken());
		UserId owner = node.getBean(UserAccounts.class).findByUsername("farmer").orElseThrow().id();
		Vaults vaults = node.getBean(Vaults.class);
		await().atMost(Duration.ofMinutes(2)).until(() -> vaults.vault(owner, LocalChain.CHAIN_ID).isPresent());
		vault = vaults.vault(owner, LocalChain.CHAIN_ID).orElseThrow();
	}

	@AfterAll
	static void stopNode() {
		if (node != null) {
			node.close();
		}
		primary.close();
		secondary.close();
	}

	@AfterEach
	void honestAgain() {
		primary.fault(Fault.NONE);
		farmer.disableRules();
		SecurityContextHolder.clearContext();
	}

	@Test
	void theChainIsReachedThroughTheConfiguredUrlsPrimaryFirst() {
		List<RpcEndpointStatus> endpoints = node.getBean(ChainClients.class).endpoints("anvil");

		assertThat(endpoints).extracting(RpcEndpointStatus::index).containsExactly(0, 1);
		assertThat(node.getBean(com.yieldpilot.chain.ChainAccess.class).client(LocalChain.CHAIN_ID))
			.isSameAs(node.getBean(ChainClients.class).client("anvil"));
	}

	@ParameterizedTest
	@EnumSource(names = { "UNAVAILABLE", "DROPPED" })
	void aPrimaryThatFailsAfterTakingTheTransactionHandsTheSameBytesToTheSecondaryAndSpendsOneNonce(Fault fault)
			throws IOException {
		primary.fault(fault);
		int toPrimary = primary.sentRaw().size();
		int toSecondary = secondary.sentRaw().size();
		long primaryFailures = endpoint(0).failures();
		BigInteger nonceBefore = executorNonce(chain());
		String name = "Primary " + fault + " " + UUID.randomUUID();

		farmer.rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
		JsonNode done = farmer.awaitExecution(name, "CONFIRMED");

		List<String> primarySent = primary.sentRaw().subList(toPrimary, primary.sentRaw().size());
		List<String> secondarySent = secondary.sentRaw().subList(toSecondary, secondary.sentRaw().size());
		assertThat(primarySent).as("the primary took it once").hasSize(1);
		assertThat(secondarySent).as("the same bytes, never re-signed").containsExactly(primarySent.get(0));
		assertThat(Hash.sha3(primarySent.get(0))).isEqualTo(done.get("txHash").asString());
		assertThat(endpoint(0).failures()).isGreaterThan(primaryFailures);
		// the secondary's node had mined what the primary forwarded: "nonce too low" or
		// "already known", taken as sent
		assertThat(stepDetails(done, "BROADCAST")).first().asString().containsAnyOf("already", "nonce");
		assertThat(stepDetails(done, "SIGNED")).hasSize(1);
		assertThat(executorNonce(chain())).isEqualTo(nonceBefore.add(BigInteger.ONE));
		assertThat(deposits(chain(), vault.address(), done.get("onchainId").asString())).isEqualTo(1);
	}

	@Test
	void aWrongHashFromTheRpcLeavesTheExecutionSignedAndRaisesAnAlertUntilAnHonestAnswer() throws IOException {
		primary.fault(Fault.WRONG_HASH);
		MeterRegistry meters = node.getBean(MeterRegistry.class);
		double alertsBefore = alerts(meters);
		BigInteger nonceBefore = executorNonce(chain());
		String name = "Lying RPC " + UUID.randomUUID();

		farmer.rule(name, "deposit 10000 USDC into " + AAVE, "mode live");
		// the first send and at least one re-send by the heartbeat, each answered with
		// a lie
		await().atMost(Duration.ofSeconds(60)).until(() -> alerts(meters) >= alertsBefore + 2);

		JsonNode signed = farmer.executionsByRule().get(name);
		assertThat(signed.get("state").asString()).isEqualTo("SIGNED");
		assertThat(states(signed)).doesNotContain("BROADCAST");
		String hash = signed.get("txHash").asString();
		// the node did take and mine it; only the answer lied, and the state
		// believed neither
		TransactionReceipt mined = chain().ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
		assertThat(mined.isStatusOK()).isTrue();
		ExecutionId id = new ExecutionId(UUID.fromString(signed.get("id").asString()));
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken("admin", null, "ROLE_ADMIN"));
		assertThat(node.getBean(ExecutionAdmin.class).alerts(50)).extracting(Execution::id).contains(id);

		primary.fault(Fault.NONE);
		JsonNode done = farmer.awaitExecution(name, "CONFIRMED");

		assertThat(done.get("txHash").asString()).isEqualTo(hash);
		assertThat(stepDetails(done, "SIGNED")).hasSize(1);
		assertThat(executorNonce(chain())).isEqualTo(nonceBefore.add(BigInteger.ONE));
		assertThat(deposits(chain(), vault.address(), done.get("onchainId").asString())).isEqualTo(1);
	}

	private static double alerts(MeterRegistry meters) {
		return meters.get("yieldpilot.execution.alerts").counter().count();
	}

	private static RpcEndpointStatus endpoint(int index) {
		return node.getBean(ChainClients.class).endpoints("anvil").get(index);
	}

	/** The node's anvil, directly. */
	private static Web3j chain() {
		return node.getBean(LocalChain.class).web3j();
	}

}
