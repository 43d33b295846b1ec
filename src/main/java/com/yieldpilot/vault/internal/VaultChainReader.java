package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.VaultState;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/**
 * Reads a vault's configuration and holdings on chain, everything at one block, through
 * the vault lens ({@link #snapshot}, {@link #snapshots}), and keeps each vault's newest
 * snapshot per block. Single views are {@link VaultViews}' and the owner's deposits and
 * withdrawals {@link VaultFlows}'.
 */
final class VaultChainReader {

	/** How many vaults' newest snapshots are kept: one per farmer and chain. */
	private static final int RECENT = 4_096;

	/**
	 * How long a read waits for another's read of the same vault at the same block: as
	 * long as one RPC call may take (connect and read), well inside an execution's lease.
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(20);

	/** Each vault's snapshot at the newest block it was read at ("chainId/address"). */
	private final BlockPinned<Snapshot> recent = new BlockPinned<>(RECENT, PATIENCE);

	/** What the vault holds at a block, in the asset's smallest unit. */
	record Holdings(long block, BigInteger idle, List<Held> positions) {

		BigInteger total() {
			return this.positions.stream().map(Held::assets).reduce(this.idle, BigInteger::add);
		}

	}

	record Held(String target, BigInteger shares, BigInteger assets) {
	}

	/** The vault's configuration and what it holds, at one block. */
	record Snapshot(VaultState state, Holdings holdings) {
	}

	/**
	 * {@link VaultViews#state} and {@link VaultViews#holdings} at the chain's newest
	 * block, in two round trips: the newest block, then one {@code eth_call} of the vault
	 * lens ({@link VaultLensReads}). A vault already read, or being read, at that very
	 * block (same number and hash) is not read again: what a block holds never changes.
	 * So the guardrails' read of an intent's vault, started while the intent is proposed,
	 * and the plan's read a few milliseconds later cost one round trip each after the
	 * first when no block came in between, and see the same numbers. A reorg changes the
	 * hash and reads again; a read that failed is not kept.
	 */
	Snapshot snapshot(Web3j web3j, Vault vault) {
		try {
			return read(web3j, List.of(vault)).getFirst();
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof VaultReadException failed) {
				throw failed;
			}
			throw new VaultReadException("Cannot read vault " + vault.address() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@link #snapshot} of many vaults on one chain at the newest block, still in two
	 * round trips: those read at that block already are served as they are, all others
	 * are read together by the vault lens (one {@code eth_call} per
	 * {@value VaultLensReads#CHUNK} vaults, all in one JSON-RPC batch).
	 * @throws VaultReadException when any read fails (the caller may read the vaults one
	 * by one to find which)
	 */
	List<Snapshot> snapshots(Web3j web3j, List<Vault> vaults) {
		try {
			return read(web3j, vaults);
		}
		catch (IOException | RuntimeException ex) {
			throw new VaultReadException("Cannot read " + vaults.size() + " vaults at once: " + ex.getMessage(), ex);
		}
	}

	private List<Snapshot> read(Web3j web3j, List<Vault> vaults) throws IOException {
		EthBlock.Block head = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
		if (head == null || head.getHash() == null) {
			throw new IOException("the node named no latest block");
		}
		Map<String, Vault> byKey = new LinkedHashMap<>();
		vaults.forEach((v) -> byKey.put(key(v), v));
		Map<String, Snapshot> read = this.recent.getAll(byKey.keySet(), head.getNumber().longValueExact(),
				head.getHash(), (block, keys) -> {
					List<Snapshot> snapshots = VaultLensReads.read(web3j, block,
							keys.stream().map(byKey::get).toList());
					Map<String, Snapshot> byVault = new HashMap<>();
					for (int i = 0; i < keys.size(); i++) {
						byVault.put(keys.get(i), snapshots.get(i));
					}
					return byVault;
				});
		return vaults.stream().map((v) -> read.get(key(v))).toList();
	}

	private static String key(Vault vault) {
		return vault.chainId() + "/" + vault.address().toLowerCase(Locale.ROOT);
	}

	/** Each target's shares, then what they are worth, at the block. */

	static BigDecimal amount(BigInteger units, int decimals) {
		return new BigDecimal(units, decimals);
	}

}
