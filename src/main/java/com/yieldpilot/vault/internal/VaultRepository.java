package com.yieldpilot.vault.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;

/** Recorded vaults and their portfolio snapshots. Writes need a transaction. */
interface VaultRepository {

	void insert(Vault vault);

	/** Forgets a vault and its snapshots (local mode, when the chain lost it). */
	void delete(VaultId vault);

	/** The vault's owner after a confirmed ownership transfer. */
	void updateOwner(VaultId vault, String owner);

	Optional<String> factory(long chainId);

	void recordFactory(long chainId, String address, Instant at);

	List<Vault> byUser(UserId user);

	/** The users' vaults, oldest first, in one query. */
	List<Vault> byUsers(Collection<UserId> users);

	Optional<Vault> byUserAndChain(UserId user, long chainId);

	List<Vault> all();

	/** The owner's net deposits and the last block they were counted to. */
	Deposits deposits(VaultId vault);

	/**
	 * {@link #deposits(VaultId)} of many vaults in one query; a vault not found is
	 * missing.
	 */
	Map<VaultId, Deposits> deposits(Collection<VaultId> vaults);

	void updateDeposits(VaultId vault, Deposits deposits);

	void insertSnapshot(VaultId vault, Instant at, long block, BigInteger value, BigInteger netDeposits);

	/** Snapshots from {@code from} on, oldest first. */
	List<Snapshot> snapshots(List<VaultId> vaults, Instant from);

	/**
	 * The snapshots of the users' vaults from {@code from} on, oldest first, by user: one
	 * query, without reading the vaults first.
	 */
	Map<UserId, List<Snapshot>> snapshotsOfUsers(Collection<UserId> users, Instant from);

	record Deposits(BigInteger net, long scannedBlock) {
	}

	record Snapshot(VaultId vault, Instant at, BigInteger value, BigInteger netDeposits) {
	}

}
