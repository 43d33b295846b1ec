package com.yieldpilot.chain.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.yieldpilot.chain.Anvil;
import org.web3j.protocol.Web3j;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Local mode's own chain: UP with its newest block while its anvil answers, DOWN once the
 * process has exited or stops answering. Every read and send on the local chain fails
 * then (rules cannot act, executions are deferred), and only a restart of the node starts
 * anvil again, so {@code /actuator/health} must not say UP. Production chains are
 * {@link ChainHealthIndicator}'s.
 */
class LocalChainHealthIndicator extends AbstractHealthIndicator {

	/** How long the check waits for {@code eth_blockNumber}. */
	static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final Anvil anvil;

	private final Web3j web3j;

	LocalChainHealthIndicator(Anvil anvil, Web3j web3j) {
		super("Local chain health check failed");
		this.anvil = anvil;
		this.web3j = web3j;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("chainId", this.anvil.chainId())
			.withDetail("rpcUrl", this.anvil.rpcUrl())
			.withDetail("pid", this.anvil.pid());
		String restart = "restart YieldPilot to start it again"
				+ ((this.anvil.state() != null) ? " from " + this.anvil.state() : "");
		if (!this.anvil.isRunning()) {
			builder.down()
				.withDetail("error", "anvil exited with code " + this.anvil.exitCode().orElse(-1)
						+ ": nothing can be read from or sent to the local chain; " + restart);
			return;
		}
		try {
			builder.up()
				.withDetail("block",
						this.web3j.ethBlockNumber()
							.sendAsync()
							.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
							.getBlockNumber());
		}
		catch (TimeoutException ex) {
			builder.down()
				.withDetail("error", "anvil runs but did not answer eth_blockNumber within " + TIMEOUT.toSeconds()
						+ " s; if it stays so, " + restart);
		}
		catch (ExecutionException ex) {
			builder.down()
				.withDetail("error", "anvil runs but its RPC failed (" + ex.getCause().getMessage()
						+ "); if it stays so, " + restart);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			builder.down().withDetail("error", "interrupted while asking anvil for its block");
		}
	}

}
