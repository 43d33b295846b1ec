package com.yieldpilot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;

import com.yieldpilot.chain.Anvil;
import com.yieldpilot.chain.AnvilBinary;
import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * A throw-away anvil chain for one test class, with a client and transaction managers for
 * its accounts; or the controls of a running application's local chain
 * ({@link #attach(LocalChain)}), to inject faults into it: mining, dropped transactions,
 * fees, reorgs.
 */
public final class Devnet implements AutoCloseable {

	private final @Nullable Anvil anvil;

	private final String rpcUrl;

	private final long chainId;

	private final HttpService service;

	private final Web3j web3j;

	private Devnet(@Nullable Anvil anvil, String rpcUrl, long chainId) {
		this.anvil = anvil;
		this.rpcUrl = rpcUrl;
		this.chainId = chainId;
		this.service = new HttpService(rpcUrl);
		this.web3j = Web3j.build(this.service, 100,
				Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory()));
	}

	public static Devnet start() {
		return start(LocalChain.CHAIN_ID);
	}

	/** A chain that reports the given chain id, e.g. 8453 to stand in for Base. */
	public static Devnet start(long chainId) {
		Anvil anvil = Anvil.start(AnvilBinary.locate(""), chainId, null);
		return new Devnet(anvil, anvil.rpcUrl(), chainId);
	}

	/**
	 * The controls of an application's local anvil; closing them leaves the chain
	 * running.
	 */
	public static Devnet attach(LocalChain chain) {
		return new Devnet(null, chain.rpcUrl(), chain.chainId());
	}

	public Web3j web3j() {
		return this.web3j;
	}

	public String rpcUrl() {
		return this.rpcUrl;
	}

	public TransactionManager transactions(Credentials credentials) {
		return new RawTransactionManager(this.web3j, credentials, this.chainId,
				new PollingTransactionReceiptProcessor(this.web3j, 50, 200));
	}

	public TransactionManager deployer() {
		return transactions(DevAccounts.deployer());
	}

	public ContractGasProvider gas() {
		return new DefaultGasProvider();
	}

	/** Saves the chain's state; {@link #revert(String)} returns to it (once). */
	public String snapshot() {
		return call("evm_snapshot", String.class);
	}

	public void revert(String snapshot) {
		if (!Boolean.TRUE.equals(call("evm_revert", Boolean.class, snapshot))) {
			throw new IllegalStateException("anvil did not revert to snapshot " + snapshot);
		}
	}

	/** Moves the chain's clock forward and mines a block at the new time. */
	public void advanceTime(long seconds) {
		call("evm_increaseTime", Object.class, seconds);
		mine();
	}

	public void mine() {
		call("evm_mine", Object.class);
	}

	/**
	 * The latest block's number, once the block has a successor. Anvil answers a read at
	 * the latest block's number from its current state, which moves when the next block
	 * is mined (measured: half of repeated balance reads at the latest number differed
	 * while transfers were mined); a block with a successor reads the same every time.
	 */
	public long settledBlock() {
		try {
			long block = this.web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
			mine();
			return block;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Mines the given number of blocks, one after the other. */
	public void mine(int blocks) {
		for (int i = 0; i < blocks; i++) {
			mine();
		}
	}

	/** Removes a pending transaction from the node's pool, as a node that drops it. */
	public void dropTransaction(String hash) {
		call("anvil_dropTransaction", Object.class, hash);
	}

	/** Empties the node's pool of pending transactions. */
	public void dropAllTransactions() {
		call("anvil_dropAllTransactions", Object.class);
	}

	/** The base fee of the next block mined; later blocks follow EIP-1559 from it. */
	public void nextBaseFee(BigInteger wei) {
		call("anvil_setNextBlockBaseFeePerGas", Object.class, Numeric.encodeQuantity(wei));
	}

	/**
	 * Replaces the last {@code depth} blocks by as many empty blocks at the same heights:
	 * their transactions are gone from the chain and from the pool.
	 */
	public void reorg(int depth) {
		call("anvil_reorg", Object.class, depth, List.of());
	}

	/** The pool's pending transactions of an account, by nonce: their hashes. */
	public Map<Long, String> pending(String account) {
		JsonNode pool = call("txpool_content", JsonNode.class);
		Map<Long, String> byNonce = new TreeMap<>();
		for (String section : List.of("pending", "queued")) {
			pool.path(section).properties().forEach((sender) -> {
				if (sender.getKey().equalsIgnoreCase(account)) {
					sender.getValue()
						.properties()
						.forEach((tx) -> byNonce.put(Long.parseLong(tx.getKey()), tx.getValue().path("hash").asText()));
				}
			});
		}
		return byNonce;
	}

	/** With automine off, sent transactions wait in the pool until {@link #mine()}. */
	public void automine(boolean on) {
		call("evm_setAutomine", Object.class, on);
	}

	/** The latest block's timestamp, in seconds. */
	public BigInteger timestamp() {
		try {
			return this.web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
				.send()
				.getBlock()
				.getTimestamp();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private <T> T call(String method, Class<T> result, Object... params) {
		try {
			var response = new Request<>(method, List.of(params), this.service, RawResponse.class).send();
			if (response.hasError()) {
				throw new IllegalStateException(method + " failed: " + response.getError().getMessage());
			}
			return org.web3j.protocol.ObjectMapperFactory.getObjectMapper().convertValue(response.getResult(), result);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A JSON-RPC response whose result is kept as parsed JSON. */
	public static final class RawResponse extends Response<Object> {

	}

	@Override
	public void close() {
		this.web3j.shutdown();
		if (this.anvil != null) {
			this.anvil.close();
		}
	}

}
