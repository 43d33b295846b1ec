package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.internal.VaultChainReader.Held;
import com.yieldpilot.vault.internal.VaultChainReader.Holdings;
import com.yieldpilot.vault.internal.VaultChainReader.Snapshot;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * Reads a vault on chain view by view, each round of calls in one JSON-RPC batch at one
 * block: its configuration; its idle balance and targets, then each target's shares, then
 * what they are worth ({@code convertToAssets}). The reads that need no snapshot of
 * everything, and the reference the vault lens must match ({@code VaultLensIT}).
 */
final class VaultViews {

	private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

	private VaultViews() {
	}

	static VaultState state(Web3j web3j, Vault vault) {
		try {
			DefaultBlockParameter block = latest(web3j);
			return state(vault, block, batch(web3j, block, stateCalls(vault)));
		}
		catch (IOException | RuntimeException ex) {
			throw new VaultReadException("Cannot read vault " + vault.address() + ": " + ex.getMessage(), ex);
		}
	}

	static Holdings holdings(Web3j web3j, Vault vault) {
		try {
			DefaultBlockParameter block = latest(web3j);
			List<List<Type>> first = batch(web3j, block, List.of(new Call(vault.address(), targetsCall()),
					new Call(vault.assetAddress(), balanceOf(vault.address()))));
			return holdings(web3j, vault, block, addresses(first.get(0)), uint(first.get(1)));
		}
		catch (IOException | RuntimeException ex) {
			throw new VaultReadException(
					"Cannot read the holdings of vault " + vault.address() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * {@link #state} and {@link #holdings} at the block, read view by view in three
	 * rounds as they are read alone: the reference the vault lens must match
	 * ({@code VaultLensIT} compares the two on anvil).
	 */
	static Snapshot callByCall(Web3j web3j, Vault vault, long block) {
		try {
			DefaultBlockParameter at = new DefaultBlockParameterNumber(block);
			List<Call> calls = new ArrayList<>(stateCalls(vault));
			calls.add(new Call(vault.assetAddress(), balanceOf(vault.address())));
			List<List<Type>> r = batch(web3j, at, calls);
			VaultState state = state(vault, at, r);
			return new Snapshot(state, holdings(web3j, vault, at, state.allowlist(), uint(r.get(r.size() - 1))));
		}
		catch (IOException | RuntimeException ex) {
			throw new VaultReadException("Cannot read vault " + vault.address() + ": " + ex.getMessage(), ex);
		}
	}

	private static List<Call> stateCalls(Vault vault) {
		String at = vault.address();
		return Stream
			.of(view("owner", Address.class), view("pendingOwner", Address.class), view("executor", Address.class),
					view("paused", Bool.class), view("maxAssetsPerExecution", Uint256.class),
					view("allowancePerPeriod", Uint256.class), view("period", Uint64.class),
					view("availableAllowance", Uint256.class), targetsCall())
			.map((f) -> new Call(at, f))
			.toList();
	}

	private static VaultState state(Vault vault, DefaultBlockParameter block, List<List<Type>> r) {
		int decimals = vault.assetDecimals();
		return new VaultState(number(block), address(r.get(0)), optionalAddress(r.get(1)), optionalAddress(r.get(2)),
				(Boolean) r.get(3).getFirst().getValue(), amount(r.get(4), decimals), amount(r.get(5), decimals),
				Duration.ofSeconds(uint(r.get(6)).longValueExact()), amount(r.get(7), decimals), addresses(r.get(8)));
	}

	private static Holdings holdings(Web3j web3j, Vault vault, DefaultBlockParameter block, List<String> targets,
			BigInteger idle) throws IOException {
		return holdings(web3j, List.of(vault), block, List.of(targets), List.of(idle)).getFirst();
	}

	/**
	 * Each vault's targets' shares, then what they are worth, at the block: two batches
	 * whatever the number of vaults.
	 */
	private static List<Holdings> holdings(Web3j web3j, List<Vault> vaults, DefaultBlockParameter block,
			List<List<String>> targets, List<BigInteger> idle) throws IOException {
		List<Call> owned = new ArrayList<>();
		for (int v = 0; v < vaults.size(); v++) {
			for (String target : targets.get(v)) {
				owned.add(new Call(target, balanceOf(vaults.get(v).address())));
			}
		}
		List<List<Type>> shares = batch(web3j, block, owned);
		List<Call> worth = new ArrayList<>();
		for (int i = 0; i < owned.size(); i++) {
			worth.add(new Call(owned.get(i).to(),
					call("convertToAssets", new Uint256(uint(shares.get(i))), Uint256.class)));
		}
		List<List<Type>> assets = batch(web3j, block, worth);
		List<Holdings> result = new ArrayList<>();
		int i = 0;
		for (int v = 0; v < vaults.size(); v++) {
			List<Held> held = new ArrayList<>();
			for (String target : targets.get(v)) {
				held.add(new Held(target, uint(shares.get(i)), uint(assets.get(i))));
				i++;
			}
			result.add(new Holdings(number(block), idle.get(v), held));
		}
		return result;
	}

	private record Call(String to, Function function) {
	}

	private static List<List<Type>> batch(Web3j web3j, DefaultBlockParameter block, List<Call> calls)
			throws IOException {
		if (calls.isEmpty()) {
			return List.of();
		}
		BatchRequest batch = web3j.newBatch();
		for (Call call : calls) {
			batch.add(web3j.ethCall(
					Transaction.createEthCallTransaction(null, call.to(), FunctionEncoder.encode(call.function())),
					block));
		}
		BatchResponse response = batch.send();
		List<List<Type>> results = new ArrayList<>();
		for (int i = 0; i < calls.size(); i++) {
			EthCall result = (EthCall) response.getResponses().get(i);
			Function function = calls.get(i).function();
			if (result.hasError() || result.isReverted()) {
				throw new IOException(function.getName() + " on " + calls.get(i).to() + " failed: "
						+ ((result.getError() != null) ? result.getError().getMessage() : "reverted"));
			}
			results.add(FunctionReturnDecoder.decode(result.getValue(), function.getOutputParameters()));
		}
		return results;
	}

	private static DefaultBlockParameter latest(Web3j web3j) throws IOException {
		return new DefaultBlockParameterNumber(web3j.ethBlockNumber().send().getBlockNumber());
	}

	private static long number(DefaultBlockParameter block) {
		return ((DefaultBlockParameterNumber) block).getBlockNumber().longValueExact();
	}

	private static <T extends Type<?>> Function view(String name, Class<T> output) {
		return call(name, null, output);
	}

	private static <T extends Type<?>> Function call(String name, @Nullable Type<?> argument, Class<T> output) {
		List<Type> inputs = (argument != null) ? List.of(argument) : List.of();
		return new Function(name, inputs, List.of(TypeReference.create(output)));
	}

	private static Function balanceOf(String holder) {
		return call("balanceOf", new Address(holder), Uint256.class);
	}

	private static Function targetsCall() {
		return new Function("targets", List.of(), List.of(new TypeReference<DynamicArray<Address>>() {
		}));
	}

	private static BigInteger uint(List<Type> result) {
		return (BigInteger) result.getFirst().getValue();
	}

	private static BigDecimal amount(List<Type> result, int decimals) {
		return VaultChainReader.amount(uint(result), decimals);
	}

	private static String address(List<Type> result) {
		return result.getFirst().getValue().toString();
	}

	private static @Nullable String optionalAddress(List<Type> result) {
		String address = address(result);
		return ZERO_ADDRESS.equalsIgnoreCase(address) ? null : address;
	}

	@SuppressWarnings("unchecked")
	private static List<String> addresses(List<Type> result) {
		List<Address> list = (List<Address>) result.getFirst().getValue();
		return list.stream().map(Address::getValue).toList();
	}

}
