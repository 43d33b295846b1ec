package com.yieldpilot.vault;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.shared.PoolId;

/**
 * A farmer's vaults, their configuration and their positions. Every method answers for
 * the given user only: another user's vault is not found.
 */
public interface Vaults {

	/** The user's vaults, oldest first. */
	List<Vault> vaults(UserId user);

	/**
	 * {@link #vaults(UserId)} of many users in one query: each user's vaults, oldest
	 * first; a user without a vault is left out.
	 */
	Map<UserId, List<Vault>> vaults(Collection<UserId> users);

	/** The user's vault on the chain, if they have one there. */
	Optional<Vault> vault(UserId user, long chainId);

	/** One of the user's vaults by id. */
	Optional<Vault> vault(UserId user, VaultId id);

	/**
	 * The vault's configuration, read on chain at one block.
	 * @throws VaultReadException when the chain cannot be read
	 */
	VaultState state(Vault vault);

	/**
	 * The vault's idle balance and positions, read on chain at one block, in a handful of
	 * batched calls.
	 * @throws VaultReadException when the chain cannot be read
	 */
	Portfolio portfolio(Vault vault);

	/**
	 * The vault's configuration and its portfolio, read on chain at the same block: what
	 * planning a call needs, in fewer round trips than {@link #state} and
	 * {@link #portfolio} one after the other.
	 * @throws VaultReadException when the chain cannot be read
	 */
	VaultSnapshot snapshot(Vault vault);

	/**
	 * Starts reading the user's vaults at the chain's newest block in the background and
	 * returns at once: a {@link #portfolio} or {@link #snapshot} asked for soon after, at
	 * the same block, waits for that read instead of making its own. A failed read is
	 * forgotten; the read that follows makes its own and reports.
	 */
	void prefetch(UserId user);

	/**
	 * {@link #snapshot} of many vaults, each chain's at one block and in as many round
	 * trips as one vault's: what planning a batch of executions needs.
	 * @return the snapshots in the order of {@code vaults}
	 * @throws VaultReadException when the chain cannot be read for any of them (read them
	 * one by one to tell which)
	 */
	List<VaultSnapshot> snapshots(List<Vault> vaults);

	/**
	 * The ERC-4626 target the pool is on the vault's chain, allowlisted or not; empty
	 * when YieldPilot knows no target for the pool there.
	 */
	Optional<String> target(Vault vault, PoolId pool);

}
