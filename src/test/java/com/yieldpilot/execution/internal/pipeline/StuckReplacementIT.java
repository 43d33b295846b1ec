package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SignatureException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionTxRecord;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.support.Devnet;
import com.yieldpilot.support.FarmerExecutions;
import com.yieldpilot.support.Http;
import com.yieldpilot.support.JumpingClock;
import com.yieldpilot.support.LocalCredentials;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import com.yieldpilot.support.TwoRaisesCap;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.Vaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * RELIABILITY 4 on a clock the test moves: a transaction is stuck once the node has had
 * its current attempt for {@code stuck-after} since it was last sent, not since it was
 * signed. A replacement is not replaced again before that period after its own send, a
 * dropped one sent again starts its period anew, and every replacement keeps the nonce
 * and stays within the rule's cap.
 * <p>
 * The node runs on its own anvil with automine off and on a {@link JumpingClock}; its
 * heartbeat is hourly (it runs once at start), so the test runs the confirmation step
 * itself after each jump of the clock, as the heartbeat would.
 */
class StuckReplacementIT {

	private static final Duration STUCK = Duration.ofHours(1);

	private static final Path HOME = TestHomes.create("stuck-replacement");

	private static final JumpingClock CLOCK = new JumpingClock();

	private static ConfigurableApplicationContext app;

	private static Devnet chain;

	private static FarmerExecutions farmer;

	private static Vault vault;

	@BeforeAll
	static void startNode() {
		app = SecondApplication.start(HOME, List.of(CLOCK.asTheNodesClock()), "--yieldpilot.market.refresh.interval=2s",
				"--yieldpilot.risk.scoring.enabled=false", "--server.shutdown=immediate",
				"--spring.lifecycle.timeout-per-shutdown-phase=3s",
				"--spring.quartz.wait-for-jobs-to-complete-on-shutdown=false",
				"--yieldpilot.execution.stuck-after=" + STUCK, "--yieldpilot.execution.poll=1h");
		chain = Devnet.attach(app.getBean(LocalChain.class));
		int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		farmer = new FarmerExecutions(new Http(port), LocalCredentials.read(HOME).farmerToken());
		Vaults vaults = app.getBean(Vaults.class);
		UserId owner = app.getBean(UserAccounts.class).findByUsername("farmer").orElseThrow().id();
		await().atMost(Duration.ofMinutes(2)).until(() -> vaults.vault(owner, LocalChain.CHAIN_ID).isPresent());
		vault = vaults.vault(owner, LocalChain.CHAIN_ID).orElseThrow();
	}

	@AfterAll
	static void stopNode() {
		if (farmer != null) {
			farmer.disableRules();
		}
		if (chain != null) {
			chain.close();
		}
		if (app != null) {
			app.close();
		}
	}

	@Test
	void aReplacementIsReplacedAgainOnlyAStuckPeriodAfterItWasLastSentAtTheSameNonceAndWithinTheCap()
			throws IOException {
		chain.automine(false);
		TwoRaisesCap cap = TwoRaisesCap.overTheQuote(chain);
		BigInteger before = FarmerExecutions.executorNonce(chain.web3j());
		String name = "Stuck on the test's clock " + UUID.randomUUID();

		farmer.rule(name, "deposit 5000 USDC into " + FarmerExecutions.AAVE,
				"max gas " + cap.gwei() + " gwei, mode live");
		JsonNode sent = farmer.awaitExecution(name, "BROADCAST");
		// its intent is out: the hours the clock skips must not fire the rule again
		farmer.disableRules();
		ExecutionId id = new ExecutionId(UUID.fromString(sent.get("id").asString()));
		long nonce = sent.get("nonce").asLong();
		assertThat(nonce).isEqualTo(before.longValueExact());

		assertThat(attemptsAfter(50, id)).as("50 minutes after the first send").hasSize(1);

		List<ExecutionTxRecord> replaced = attemptsAfter(15, id);
		assertThat(replaced).as("65 minutes after the first send").hasSize(2);
		String second = replaced.get(1).getTxHash();
		assertThat(pool()).containsExactly(Map.entry(nonce, second));

		assertThat(attemptsAfter(50, id)).as("50 minutes after the replacement's send").hasSize(2);

		chain.dropTransaction(second);
		List<ExecutionTxRecord> resent = attemptsAfter(20, id);
		assertThat(resent).as("a dropped replacement is sent again as it was, not replaced").hasSize(2);
		assertThat(pool()).containsExactly(Map.entry(nonce, second));
		assertThat(resent.get(1).getLastSentAt()).isAfter(resent.get(1).getSignedAt().plusMinutes(69));

		assertThat(attemptsAfter(40, id)).as("110 minutes after signing the replacement, 40 after sending it again")
			.hasSize(2);

		List<ExecutionTxRecord> all = attemptsAfter(25, id);
		assertThat(all).as("65 minutes after the replacement was last sent").hasSize(3);
		assertThat(pool()).containsExactly(Map.entry(nonce, all.get(2).getTxHash()));

		assertThat(attemptsAfter(65, id)).as("a third raise would pass the cap").hasSize(3);
		assertThat(FarmerExecutions.stepDetails(execution(id), "BROADCAST"))
			.contains("stuck at the fee cap of " + cap.gwei() + " gwei; waiting for cheaper gas");

		assertThat(all.get(0).getMaxFeeWei()).isEqualTo(cap.first());
		for (int i = 0; i < all.size(); i++) {
			RawTransaction signed = TransactionDecoder.decode(all.get(i).getRawTx());
			assertThat(signed.getNonce().longValueExact()).isEqualTo(nonce);
			assertThat(from(signed)).isEqualToIgnoringCase(DevAccounts.executor().getAddress());
			assertThat(all.get(i).getMaxFeeWei()).isLessThanOrEqualTo(cap.cap());
			if (i > 0) {
				assertThat(new BigDecimal(all.get(i).getMaxFeeWei())).isGreaterThanOrEqualTo(
						new BigDecimal(all.get(i - 1).getMaxFeeWei()).multiply(new BigDecimal("1.125")));
				assertThat(new BigDecimal(all.get(i).getMaxPriorityFeeWei())).isGreaterThanOrEqualTo(
						new BigDecimal(all.get(i - 1).getMaxPriorityFeeWei()).multiply(new BigDecimal("1.125")));
			}
		}

		chain.automine(true);
		chain.mine();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			app.getBean(Confirmations.class).poll();
			return execution(id).get("state").asString().equals("CONFIRMED");
		});
		JsonNode done = execution(id);
		assertThat(done.get("txHash").asString()).isEqualTo(all.get(2).getTxHash());
		assertThat(FarmerExecutions.deposits(chain.web3j(), vault.address(), done.get("onchainId").asString()))
			.isEqualTo(1);
		assertThat(FarmerExecutions.executorNonce(chain.web3j())).isEqualTo(before.add(BigInteger.ONE));
	}

	/**
	 * Moves the clock, runs the confirmation step as the heartbeat would, and reads the
	 * execution's attempts.
	 */
	private static List<ExecutionTxRecord> attemptsAfter(int minutes, ExecutionId id) {
		CLOCK.jump(Duration.ofMinutes(minutes));
		app.getBean(Confirmations.class).poll();
		return app.getBean(ChainTxStore.class).attempts(id);
	}

	private static JsonNode execution(ExecutionId id) {
		return farmer.executionsByRule()
			.values()
			.stream()
			.filter((e) -> e.get("id").asString().equals(id.value().toString()))
			.findFirst()
			.orElseThrow();
	}

	/** The executor's transactions in the node's pool, by nonce. */
	private static Map<Long, String> pool() {
		return chain.pending(DevAccounts.executor().getAddress().toLowerCase(Locale.ROOT));
	}

	private static String from(RawTransaction signed) {
		try {
			return ((SignedRawTransaction) signed).getFrom();
		}
		catch (SignatureException ex) {
			throw new IllegalStateException("a saved transaction whose signature does not recover", ex);
		}
	}

}
