package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.VaultState;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.EventEncoder;
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
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Reads a vault on chain, everything at one block: its configuration and holdings
 * together through the vault lens ({@link #snapshot}, {@link #snapshots}); alone, each
 * round of calls in one JSON-RPC batch: its configuration; its idle balance and targets,
 * then each target's shares, then what they are worth ({@code convertToAssets}); and the
 * owner's deposits and withdrawals from the vault's events.
 */
final class VaultChainReader {

	/** How many vaults' newest snapshots are kept: one per farmer and chain. */
	private static final int RECENT = 4_096;

	private static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

	private static final String FUNDED = EventEncoder.buildEventSignature("Funded(address,uint256)");

	private static final String TOKEN_WITHDRAWN = EventEncoder
		.buildEventSignature("TokenWithdrawn(address,address,uint256)");

	private static final String POSITION_REDEEMED = EventEncoder
		.buildEventSignature("PositionRedeemed(address,address,uint256,uint256)");

	/** Each vault's snapshot at the newest block it was read at ("chainId/address"). */
	private final BlockPinned<Snapshot> recent = new BlockPinned<>(RECENT);

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

	VaultState state(Web3j web3j, Vault vault) {
		try {
			DefaultBlockParameter block = latest(web3j);
			return state(vault, block, batch(web3j, block, stateCalls(vault)));
		}
		catch (IOException | RuntimeException ex) {
			throw new VaultReadException("Cannot read vault " + vault.address() + ": " + ex.getMessage(), ex);
		}
	}

	Holdings holdings(Web3j web3j, Vault vault) {
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
	 * {@link #state} and {@link #holdings} at the chain's newest block, in two round
	 * trips: the newest block, then one {@code eth_call} of the vault lens
	 * ({@link VaultLensReads}). A vault already read, or being read, at that very block
	 * (same number and hash) is not read again: what a block holds never changes. So the
	 * guardrails' read of an intent's vault, started while the intent is proposed, and
	 * the plan's read a few milliseconds later cost one round trip each after the first
	 * when no block came in between, and see the same numbers. A reorg changes the hash
	 * and reads again; a read that failed is not kept.
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

	/**
	 * {@link #state} and {@link #holdings} at the block, read view by view in three
	 * rounds as they are read alone: the reference the vault lens must match
	 * ({@code VaultLensIT} compares the two on anvil).
	 */
	Snapshot callByCall(Web3j web3j, Vault vault, long block) {
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

	/** Each target's shares, then what they are worth, at the block. */
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

	/**
	 * The owner's net deposits up to {@code toBlock}: {@code net} plus what was funded
	 * and less what the owner took out in the asset (withdrawn or redeemed to them) in
	 * the blocks after {@code fromBlock}. Shares the owner withdraws as tokens are not
	 * counted (their worth in the asset is not in the event).
	 */
	BigInteger netDeposits(Web3j web3j, Vault vault, BigInteger net, long fromBlock, long toBlock) {
		if (toBlock <= fromBlock) {
			return net;
		}
		try {
			EthFilter filter = new EthFilter(new DefaultBlockParameterNumber(fromBlock + 1),
					new DefaultBlockParameterNumber(toBlock), vault.address());
			filter.addOptionalTopics(FUNDED, TOKEN_WITHDRAWN, POSITION_REDEEMED);
			EthLog logs = web3j.ethGetLogs(filter).send();
			if (logs.hasError()) {
				throw new IOException(logs.getError().getMessage());
			}
			BigInteger result = net;
			for (EthLog.LogResult<?> entry : logs.getLogs()) {
				Log log = (Log) entry.get();
				String topic = log.getTopics().getFirst();
				List<String> words = words(log.getData());
				if (FUNDED.equals(topic)) {
					result = result.add(Numeric.toBigInt(words.get(0)));
				}
				else if (TOKEN_WITHDRAWN.equals(topic)
						&& topicAddress(log.getTopics().get(1)).equalsIgnoreCase(vault.assetAddress())) {
					result = result.subtract(Numeric.toBigInt(words.get(0)));
				}
				else if (POSITION_REDEEMED.equals(topic)) {
					result = result.subtract(Numeric.toBigInt(words.get(1)));
				}
			}
			return result;
		}
		catch (IOException | RuntimeException ex) {
			throw new VaultReadException("Cannot read the events of vault " + vault.address() + ": " + ex.getMessage(),
					ex);
		}
	}

	static BigDecimal amount(BigInteger units, int decimals) {
		return new BigDecimal(units, decimals);
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
		return amount(uint(result), decimals);
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

	private static List<String> words(String data) {
		String hex = Numeric.cleanHexPrefix(data);
		List<String> words = new ArrayList<>();
		for (int i = 0; i + 64 <= hex.length(); i += 64) {
			words.add(hex.substring(i, i + 64));
		}
		return words;
	}

	private static String topicAddress(String topic) {
		return "0x" + Numeric.cleanHexPrefix(topic).substring(24);
	}

}
