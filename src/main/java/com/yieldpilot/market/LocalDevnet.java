package com.yieldpilot.market;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;

/**
 * Local mode's simulated market on the local chain, for modules that set up demo state on
 * it (the demo farmer's vault). Present only when the devnet runs (local mode with the
 * local chain and the simulator on).
 */
public interface LocalDevnet {

	/**
	 * The simulated pools' ERC-4626 vaults and the tokens they hold, waiting up to
	 * {@code timeout} for the devnet's first deployment (it follows the simulator's first
	 * step).
	 * @throws IllegalStateException when the devnet is not deployed within the timeout
	 */
	List<DevnetPoolVault> pools(Duration timeout);

	/**
	 * Mints {@code amount} (in the token's smallest unit) of a devnet token to
	 * {@code to}, in the deployer's one sequence of transactions, and waits until it is
	 * mined.
	 * @throws IllegalArgumentException when {@code token} is not a devnet token
	 */
	void mint(String token, String to, BigInteger amount);

	/** A simulated pool's vault on the local chain. */
	record DevnetPoolVault(com.yieldpilot.shared.PoolId pool, String asset, String token, int decimals,
			boolean stablecoin, String vault) {
	}

}
