package com.yieldpilot.chain.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.chain.Anvil;
import com.yieldpilot.chain.AnvilBinary;
import com.yieldpilot.chain.LocalChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Local mode's chain health against a real anvil: UP with its block while it answers,
 * DOWN while it hangs (stopped with SIGSTOP) and after it was killed, with what to do.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalChainHealthIndicatorIT {

	@Test
	void saysDownWithWhatToDoWhenAnvilHangsOrDiesAndLogsAnUnexpectedExit(CapturedOutput output) throws Exception {
		try (Anvil anvil = Anvil.start(AnvilBinary.locate(""), LocalChain.CHAIN_ID, null)) {
			Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
			try {
				LocalChainHealthIndicator indicator = new LocalChainHealthIndicator(anvil, web3j);
				Health up = indicator.health(true);
				assertThat(up.getStatus()).isEqualTo(Status.UP);
				assertThat(up.getDetails()).containsEntry("chainId", LocalChain.CHAIN_ID)
					.containsEntry("rpcUrl", anvil.rpcUrl())
					.containsEntry("pid", anvil.pid())
					.containsKey("block");

				signal("STOP", anvil.pid());
				try {
					Health hung = indicator.health(true);
					assertThat(hung.getStatus()).isEqualTo(Status.DOWN);
					assertThat(hung.getDetails().get("error"))
						.isEqualTo("anvil runs but did not answer eth_blockNumber within 2 s; if it stays so, restart "
								+ "YieldPilot to start it again");
				}
				finally {
					signal("CONT", anvil.pid());
				}
				assertThat(indicator.health(true).getStatus()).as("answering again").isEqualTo(Status.UP);

				ProcessHandle process = ProcessHandle.of(anvil.pid()).orElseThrow();
				process.destroyForcibly();
				process.onExit().get(10, TimeUnit.SECONDS);
				Health down = indicator.health(true);
				assertThat(down.getStatus()).isEqualTo(Status.DOWN);
				assertThat(down.getDetails().get("error")).isEqualTo("anvil exited with code "
						+ anvil.exitCode().orElseThrow()
						+ ": nothing can be read from or sent to the local chain; restart YieldPilot to start it again");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> output.getOut()
						.contains("The local chain's anvil (pid " + anvil.pid() + ") exited unexpectedly with code "
								+ anvil.exitCode().orElseThrow()));
			}
			finally {
				web3j.shutdown();
			}
		}
	}

	private static void signal(String signal, long pid) throws IOException, InterruptedException {
		Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
		assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(kill.exitValue()).isZero();
	}

}
