package com.yieldpilot.support;

import java.util.concurrent.Executors;

import com.yieldpilot.chain.Anvil;
import com.yieldpilot.chain.AnvilBinary;
import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * A throw-away anvil chain for one test class, with a client and transaction managers for
 * its accounts.
 */
public final class Devnet implements AutoCloseable {

	private final Anvil anvil;

	private final Web3j web3j;

	private Devnet(Anvil anvil) {
		this.anvil = anvil;
		this.web3j = Web3j.build(new HttpService(anvil.rpcUrl()), 100,
				Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory()));
	}

	public static Devnet start() {
		return start(LocalChain.CHAIN_ID);
	}

	/** A chain that reports the given chain id, e.g. 8453 to stand in for Base. */
	public static Devnet start(long chainId) {
		return new Devnet(Anvil.start(AnvilBinary.locate(""), chainId, null));
	}

	public Web3j web3j() {
		return this.web3j;
	}

	public String rpcUrl() {
		return this.anvil.rpcUrl();
	}

	public TransactionManager transactions(Credentials credentials) {
		return new RawTransactionManager(this.web3j, credentials, this.anvil.chainId(),
				new PollingTransactionReceiptProcessor(this.web3j, 50, 200));
	}

	public TransactionManager deployer() {
		return transactions(DevAccounts.deployer());
	}

	public ContractGasProvider gas() {
		return new DefaultGasProvider();
	}

	@Override
	public void close() {
		this.web3j.shutdown();
		this.anvil.close();
	}

}
