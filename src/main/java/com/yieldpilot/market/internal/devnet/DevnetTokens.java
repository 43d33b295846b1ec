package com.yieldpilot.market.internal.devnet;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.yieldpilot.market.LocalDevnet;

/**
 * The devnet's public face for local-mode set-up: its pools' vaults once deployed, and a
 * faucet for its tokens. The steward owns the tokens and mints; the call runs on the
 * feed's worker, so it takes its turn in the deployer's one nonce sequence instead of
 * racing a drive for it.
 */
final class DevnetTokens implements LocalDevnet {

	private static final Duration POLL = Duration.ofMillis(200);

	private final DevnetDeployment deployment;

	private final DevnetFeed feed;

	private final DeployerTransactions transactions;

	DevnetTokens(DevnetDeployment deployment, DevnetFeed feed, DeployerTransactions transactions) {
		this.deployment = deployment;
		this.feed = feed;
		this.transactions = transactions;
	}

	@Override
	public List<DevnetPoolVault> pools(Duration timeout) {
		DevnetContracts contracts = awaitDeployment(timeout);
		return contracts.vaults().values().stream().map((vault) -> {
			DevnetContracts.AssetContracts asset = contracts.asset(vault.asset());
			return new DevnetPoolVault(vault.pool(), vault.asset(), asset.token(), asset.asset().decimals(),
					asset.asset().stablecoin(), vault.vault());
		}).toList();
	}

	@Override
	public void mint(String token, String to, BigInteger amount) {
		DevnetContracts contracts = this.deployment.current()
			.orElseThrow(() -> new IllegalStateException("The devnet is not deployed yet"));
		boolean known = contracts.assets().values().stream().anyMatch((a) -> a.token().equalsIgnoreCase(token));
		if (!known) {
			throw new IllegalArgumentException(token + " is not a devnet token");
		}
		try {
			this.feed
				.onWorker(() -> this.transactions.send(contracts.steward(), DevnetCalls.stewardMint(token, to, amount),
						this.transactions.gasPrice()))
				.get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while minting " + token, ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Minting " + token + " to " + to + " failed: " + ex.getMessage(), ex);
		}
	}

	private DevnetContracts awaitDeployment(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		Optional<DevnetContracts> current = this.deployment.current();
		while (current.isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The devnet was not deployed within " + timeout);
			}
			try {
				// the deployment happens on the feed's worker at the simulator's
				// first step
				Thread.sleep(POLL);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for the devnet", ex);
			}
			current = this.deployment.current();
		}
		return current.get();
	}

}
