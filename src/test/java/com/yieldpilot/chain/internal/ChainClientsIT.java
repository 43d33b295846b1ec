package com.yieldpilot.chain.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.yieldpilot.chain.RpcEndpointStatus;
import com.yieldpilot.chain.RpcEndpointStatus.Verification;
import com.yieldpilot.support.Devnet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production chain clients against real anvil nodes: one reporting Base's chain id
 * (8453), one reporting anvil's own (31337) as a misconfigured URL, a closed port and a
 * server that accepts connections but never answers.
 */
class ChainClientsIT {

	private static final long BASE = 8453;

	private static Devnet base;

	private static Devnet otherChain;

	private static ServerSocket silent;

	private static final List<Socket> held = new CopyOnWriteArrayList<>();

	private static String closedPort;

	@BeforeAll
	static void start() throws IOException {
		base = Devnet.start(BASE);
		otherChain = Devnet.start();
		silent = new ServerSocket(0);
		Thread.ofVirtual().start(() -> {
			while (!silent.isClosed()) {
				try {
					held.add(silent.accept());
				}
				catch (IOException ex) {
					return;
				}
			}
		});
		try (ServerSocket free = new ServerSocket(0)) {
			closedPort = "http://127.0.0.1:" + free.getLocalPort();
		}
	}

	@AfterAll
	static void stop() throws IOException {
		base.close();
		otherChain.close();
		silent.close();
		for (Socket socket : held) {
			socket.close();
		}
	}

	@Test
	void fallsBackFromADeadUrlToTheNextOneAndRecordsBoth() throws IOException {
		try (RpcChainClients clients = clients(settings(), closedPort, base.rpcUrl())) {
			assertThat(clients.client("base").ethChainId().send().getChainId()).hasToString("8453");

			List<RpcEndpointStatus> endpoints = clients.endpoints("base");
			assertThat(endpoints.get(0).failures()).isPositive();
			assertThat(endpoints.get(0).lastError()).containsIgnoringCase("connect");
			assertThat(endpoints.get(0).degraded()).isTrue();
			assertThat(endpoints.get(1).verification()).isEqualTo(Verification.VERIFIED);
			assertThat(endpoints.get(1).successes()).isGreaterThanOrEqualTo(2);
			assertThat(endpoints.get(1).lastFailure()).isNull();
		}
	}

	@Test
	void aUrlThatDoesNotAnswerInTimeGivesWayToTheNext() throws IOException {
		ChainProperties.RpcClientSettings quick = new ChainProperties.RpcClientSettings(Duration.ofSeconds(1),
				Duration.ofMillis(500), 1, Duration.ofMillis(50), 2.0, 10, 50, Duration.ofMinutes(1));
		try (RpcChainClients clients = clients(quick, "http://127.0.0.1:" + silent.getLocalPort(), base.rpcUrl())) {
			long started = System.nanoTime();
			assertThat(clients.client("base").ethBlockNumber().send().getBlockNumber()).isNotNegative();

			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
			assertThat(clients.endpoints("base").get(0).lastError()).containsIgnoringCase("timeout");
		}
	}

	@Test
	void opensTheCircuitOfAFailingUrlAndStopsAskingIt() throws IOException {
		ChainProperties.RpcClientSettings twoStrikes = new ChainProperties.RpcClientSettings(Duration.ofSeconds(1),
				Duration.ofSeconds(2), 1, Duration.ofMillis(50), 2.0, 2, 50, Duration.ofHours(1));
		try (RpcChainClients clients = clients(twoStrikes, closedPort, base.rpcUrl())) {
			for (int i = 0; i < 6; i++) {
				clients.client("base").ethBlockNumber().send();
			}

			RpcEndpointStatus dead = clients.endpoints("base").get(0);
			assertThat(dead.circuit()).isEqualTo("OPEN");
			assertThat(dead.failures()).as("asked until its circuit opened, then skipped").isEqualTo(2);
			assertThat(dead.usable()).isFalse();
			assertThat(clients.endpoints("base").get(1).successes()).isGreaterThanOrEqualTo(6);
		}
	}

	@Test
	void retriesWithBackoffBeforeGivingUpOnAChainWhoseUrlsAllFail() {
		ChainProperties.RpcClientSettings threeTries = new ChainProperties.RpcClientSettings(Duration.ofSeconds(1),
				Duration.ofSeconds(2), 3, Duration.ofMillis(100), 2.0, 10, 50, Duration.ofHours(1));
		try (RpcChainClients clients = clients(threeTries, closedPort)) {
			long started = System.nanoTime();

			assertThatThrownBy(() -> clients.client("base").ethBlockNumber().send()).isInstanceOf(IOException.class)
				.hasMessageContaining("No RPC URL of base answered")
				.hasMessageContaining("base#0 http://127.0.0.1");

			assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited 100 ms, then 200 ms")
				.isGreaterThanOrEqualTo(Duration.ofMillis(300));
			assertThat(clients.endpoints("base").get(0).failures()).isEqualTo(3);
		}
	}

	@Test
	void rejectsAUrlThatServesAnotherChainAndNeverUsesIt() throws IOException {
		try (RpcChainClients clients = clients(settings(), otherChain.rpcUrl(), base.rpcUrl())) {
			clients.verifyAll();
			RpcEndpointStatus wrong = clients.endpoints("base").get(0);
			assertThat(wrong.verification()).isEqualTo(Verification.REJECTED);
			assertThat(wrong.lastError()).contains("answers chain id 31337, but base is chain 8453")
				.contains("yieldpilot.chain.rpc.base[0]");
			long asked = wrong.successes();

			for (int i = 0; i < 3; i++) {
				assertThat(clients.client("base").ethChainId().send().getChainId()).hasToString("8453");
			}

			assertThat(clients.endpoints("base").get(0).successes()).isEqualTo(asked);
			assertThat(clients.endpoints("base").get(0).usable()).isFalse();
			assertThat(clients.endpoints("base").get(1).verification()).isEqualTo(Verification.VERIFIED);
		}
	}

	@Test
	void failsAtOnceWhenEveryUrlServesAnotherChain() {
		try (RpcChainClients clients = clients(settings(), otherChain.rpcUrl())) {
			assertThatThrownBy(() -> clients.client("base").ethBlockNumber().send()).isInstanceOf(IOException.class)
				.hasMessageContaining("rejected (serves another chain)");
			assertThat(clients.endpoints("base").get(0).successes()).as("asked once, for its chain id").isEqualTo(1);
		}
	}

	@Test
	void neverShowsTheKeyInAUrlsPath() {
		String key = "Xk3q9LmNoPqRsTuVwXyZ0123456789ab";
		try (RpcChainClients clients = clients(settings(), closedPort + "/v2/" + key)) {
			assertThatThrownBy(() -> clients.client("base").ethBlockNumber().send()).hasMessageNotContaining(key)
				.hasMessageContaining(closedPort + "/…");
			RpcEndpointStatus status = clients.endpoints("base").get(0);
			assertThat(status.url()).isEqualTo(closedPort + "/…");
			assertThat(status.toString()).doesNotContain(key);
		}
	}

	private static ChainProperties.RpcClientSettings settings() {
		return new ChainProperties.RpcClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(5), 2,
				Duration.ofMillis(50), 2.0, 10, 50, Duration.ofSeconds(30));
	}

	private static RpcChainClients clients(ChainProperties.RpcClientSettings settings, String... urls) {
		return RpcChainClients.create(new ChainProperties(Map.of("base", List.of(urls)), Map.of(), settings),
				Clock.systemUTC(), null);
	}

}
