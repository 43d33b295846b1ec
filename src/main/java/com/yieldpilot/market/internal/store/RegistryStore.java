package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.market.RegistryEntry;
import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * The registry's side of the pool table: the reviewed entries with how they are read on
 * chain and who maintains them, and the checksums of the registry files applied. Writes
 * need a running transaction.
 */
public interface RegistryStore {

	Optional<RegistryEntry> find(PoolId id);

	/** Every pool, whatever its origin, ordered by id. */
	List<RegistryEntry> page(int offset, int limit);

	int count();

	/** Adds a registry pool; the id must be free. */
	void insert(RegistryEntryData data, RegistryEntry.ManagedBy managedBy, @Nullable String file, Instant at);

	/**
	 * Replaces a pool's registry data and makes it a registry pool maintained as given.
	 * @return false when the row is not at {@code version} any more (someone changed it)
	 */
	boolean update(PoolId id, long version, RegistryEntryData data, RegistryEntry.ManagedBy managedBy,
			@Nullable String file, Instant at);

	/**
	 * Turns a pool its file no longer lists into a watched pool: its history stays, but
	 * it is no longer read on chain or acted on. Only rows the file still owns are
	 * touched.
	 */
	boolean retire(PoolId id, String file, Instant at);

	/** The pools a registry file owns. */
	List<RegistryEntry> ownedBy(String file);

	/** The pool that holds a DefiLlama id, if any. */
	Optional<PoolId> holderOfDefiLlamaId(String defiLlamaId);

	/** Takes a watched pool's DefiLlama id away, so a registry entry can claim it. */
	void clearDefiLlamaId(PoolId id);

	/** The checksum the file had when it was last applied. */
	Optional<String> fileChecksum(String file);

	void recordFile(String file, String checksum, int pools, Instant at);

	/**
	 * Serialises registry file loads across nodes until the transaction ends, so two
	 * nodes starting together apply a file once.
	 */
	void lockFiles();

	/** The chain's registry pools that are read on chain. */
	List<OnChainPool> onChain(String chain);

}
