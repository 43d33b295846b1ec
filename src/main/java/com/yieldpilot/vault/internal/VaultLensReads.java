package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.chain.contracts.VaultLens;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultState;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * Many vaults' configuration and holdings in one {@code eth_call} each chunk, at one
 * block: the call carries {@code VaultLens}'s creation code with the vaults as
 * constructor arguments and no {@code to}, so the constructor makes every read inside the
 * node and returns the numbers; nothing is deployed, on any chain (decision 0018). It
 * reads what {@link VaultChainReader}'s calls one by one read, in the same order.
 */
final class VaultLensReads {

	/**
	 * Vaults per {@code eth_call}: a vault with the most targets (32) costs about 0.4 M
	 * gas to read, so a chunk stays far under the gas nodes allow a call (anvil: the
	 * block's 30 M; geth: 50 M). The chunks of a batch go in one JSON-RPC batch.
	 */
	static final int CHUNK = 32;

	private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

	/** Words per vault before its targets, and per target. */
	private static final int FIXED = 10;

	private static final int PER_TARGET = 3;

	private VaultLensReads() {
	}

	/**
	 * The vaults' snapshots at the block, in the order given.
	 * @throws IOException when the node fails or any read reverts (a vault's or a
	 * target's)
	 */
	static List<VaultChainReader.Snapshot> read(Web3j web3j, long block, List<Vault> vaults) throws IOException {
		if (vaults.isEmpty()) {
			return List.of();
		}
		BatchRequest batch = web3j.newBatch();
		List<List<Vault>> chunks = new ArrayList<>();
		for (int from = 0; from < vaults.size(); from += CHUNK) {
			List<Vault> chunk = vaults.subList(from, Math.min(vaults.size(), from + CHUNK));
			chunks.add(chunk);
			batch.add(web3j.ethCall(Transaction.createEthCallTransaction(null, null, creation(chunk)),
					new DefaultBlockParameterNumber(block)));
		}
		var answers = batch.send().getResponses();
		List<VaultChainReader.Snapshot> snapshots = new ArrayList<>();
		for (int c = 0; c < chunks.size(); c++) {
			EthCall answer = (EthCall) answers.get(c);
			if (answer.hasError() || answer.isReverted()) {
				throw new IOException("the vault lens failed at block " + block + ": "
						+ ((answer.getError() != null) ? answer.getError().getMessage() : "reverted"));
			}
			snapshots.addAll(decode(block, chunks.get(c), words(answer.getValue())));
		}
		return snapshots;
	}

	private static String creation(List<Vault> vaults) {
		List<Address> at = vaults.stream().map((v) -> new Address(v.address())).toList();
		List<Address> assets = vaults.stream().map((v) -> new Address(v.assetAddress())).toList();
		return VaultLens.BINARY + FunctionEncoder.encodeConstructor(
				List.of(new DynamicArray<>(Address.class, at), new DynamicArray<>(Address.class, assets)));
	}

	@SuppressWarnings("unchecked")
	private static List<BigInteger> words(String encoded) throws IOException {
		List<Type> decoded = FunctionReturnDecoder.decode(encoded,
				List.of((TypeReference) new TypeReference<DynamicArray<Uint256>>() {
				}));
		if (decoded.isEmpty()) {
			throw new IOException("the vault lens answered nothing");
		}
		return ((List<Uint256>) decoded.getFirst().getValue()).stream().map(Uint256::getValue).toList();
	}

	private static List<VaultChainReader.Snapshot> decode(long block, List<Vault> vaults, List<BigInteger> w)
			throws IOException {
		List<VaultChainReader.Snapshot> snapshots = new ArrayList<>();
		int at = 0;
		for (Vault vault : vaults) {
			if (at + FIXED > w.size()) {
				throw new IOException("the vault lens answered too little for " + vault.address());
			}
			int decimals = vault.assetDecimals();
			int targets = w.get(at + 9).intValueExact();
			List<String> allowlist = new ArrayList<>();
			List<VaultChainReader.Held> held = new ArrayList<>();
			for (int t = 0; t < targets; t++) {
				int of = at + FIXED + PER_TARGET * t;
				String target = address(w.get(of));
				allowlist.add(target);
				held.add(new VaultChainReader.Held(target, w.get(of + 1), w.get(of + 2)));
			}
			VaultState state = new VaultState(block, address(w.get(at)), optionalAddress(w.get(at + 1)),
					optionalAddress(w.get(at + 2)), w.get(at + 3).signum() != 0,
					VaultChainReader.amount(w.get(at + 4), decimals), VaultChainReader.amount(w.get(at + 5), decimals),
					Duration.ofSeconds(w.get(at + 6).longValueExact()),
					VaultChainReader.amount(w.get(at + 7), decimals), allowlist);
			snapshots
				.add(new VaultChainReader.Snapshot(state, new VaultChainReader.Holdings(block, w.get(at + 8), held)));
			at += FIXED + PER_TARGET * targets;
		}
		return snapshots;
	}

	private static String address(BigInteger word) {
		return new Address(word).getValue();
	}

	private static @Nullable String optionalAddress(BigInteger word) {
		String address = address(word);
		return ZERO_ADDRESS.equalsIgnoreCase(address) ? null : address;
	}

}
