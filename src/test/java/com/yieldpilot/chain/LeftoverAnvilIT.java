package com.yieldpilot.chain;

import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A node killed with {@code kill -9} leaves its anvil running on the home folder's state
 * file. The next start stops it (it writes its chain on the way out) and takes the chain
 * over; an anvil whose node is alive is left alone and the second start refused.
 */
class LeftoverAnvilIT {

	@Test
	void aLeftoverAnvilIsStoppedAndItsChainKept() throws Exception {
		Path state = TestHomes.create("leftover-anvil").resolve("state.json");
		Path binary = AnvilBinary.locate("");
		int port = freePort();
		// started through a shell that exits at once, as a killed node's anvil is left:
		// its parent is no Java process any more
		new ProcessBuilder("sh", "-c", "'" + binary + "' --host 127.0.0.1 --port " + port + " --chain-id "
				+ LocalChain.CHAIN_ID + " --state '" + state + "' --state-interval 3600 >/dev/null 2>&1 &")
			.inheritIO()
			.start()
			.waitFor();
		String orphanUrl = "http://127.0.0.1:" + port;
		Web3j orphan = Web3j.build(new HttpService(orphanUrl));
		await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> orphan.ethChainId().send() != null);
		// blocks the orphan has not written yet: its state interval is an hour
		new Request<>("anvil_mine", List.of(7), new HttpService(orphanUrl), VoidResponse.class).send();
		orphan.shutdown();
		List<ProcessHandle> left = com.yieldpilot.platform.LeftoverProcesses.running(binary.getFileName().toString(),
				"--state", state);
		assertThat(left).hasSize(1);

		try (Anvil anvil = Anvil.start(binary, LocalChain.CHAIN_ID, state)) {
			assertThat(left.getFirst().isAlive()).as("the leftover anvil is stopped").isFalse();
			Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
			try {
				assertThat(web3j.ethBlockNumber().send().getBlockNumber())
					.as("the blocks it mined after its last periodic write were written on SIGTERM")
					.isEqualTo(BigInteger.valueOf(7));
			}
			finally {
				web3j.shutdown();
			}
		}
	}

	@Test
	void anAnvilWhoseNodeIsAliveIsNotTouched() {
		Path state = TestHomes.create("live-anvil").resolve("state.json");
		Path binary = AnvilBinary.locate("");
		try (Anvil running = Anvil.start(binary, LocalChain.CHAIN_ID, state)) {
			assertThatIllegalStateException().isThrownBy(() -> Anvil.start(binary, LocalChain.CHAIN_ID, state))
				.withMessageContaining("Another YieldPilot node (pid " + ProcessHandle.current().pid() + ")")
				.withMessageContaining("own yieldpilot.home");
			assertThat(running.isRunning()).isTrue();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
