package com.yieldpilot.market.internal.devnet;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.chain.ContractCode;
import com.yieldpilot.market.internal.onchain.BlockReader;
import com.yieldpilot.market.internal.onchain.ChainCall;
import com.yieldpilot.market.internal.onchain.ChainReadException;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.tx.response.TransactionReceiptProcessor;

/**
 * The deployer account's transactions on the local chain, one at a time: each waits for
 * its receipt before the next is signed, so the nonce web3j reads from the chain is
 * always the right one. Local mode is one node with one deployer, and anvil mines each
 * transaction as it arrives, so a receipt is there at the first or second poll.
 */
final class DeployerTransactions {

	/** Ample for the mocks' writes (about 30–80k gas each). */
	private static final BigInteger CALL_GAS = BigInteger.valueOf(300_000);

	/** Ample for the largest mock (the ERC-4626 vault, about 1.5M gas). */
	private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(6_000_000);

	private final Web3j web3j;

	private final String from;

	private final RawTransactionManager manager;

	private final TransactionReceiptProcessor receipts;

	DeployerTransactions(Web3j web3j, Credentials deployer, long chainId) {
		this(web3j, deployer, chainId, 100);
	}

	/**
	 * @param receiptPolls how often to look for a receipt, 50 ms apart, before giving up
	 */
	DeployerTransactions(Web3j web3j, Credentials deployer, long chainId, int receiptPolls) {
		this.web3j = web3j;
		this.from = deployer.getAddress();
		this.receipts = new PollingTransactionReceiptProcessor(web3j, 50, receiptPolls);
		this.manager = new RawTransactionManager(web3j, deployer, chainId, this.receipts);
	}

	String from() {
		return this.from;
	}

	TransactionManager manager() {
		return this.manager;
	}

	/** The chain's own gas price suggestion, fetched once per batch of transactions. */
	BigInteger gasPrice() throws IOException {
		return this.web3j.ethGasPrice().send().getGasPrice();
	}

	ContractGasProvider deployGas(BigInteger gasPrice) {
		return new StaticGasProvider(gasPrice, DEPLOY_GAS);
	}

	/** Sends one call and waits for it to be mined; a revert is an exception. */
	TransactionReceipt send(String to, Function function, BigInteger gasPrice)
			throws IOException, TransactionException {
		String hash = sendData(to, function, FunctionEncoder.encode(function), CALL_GAS, gasPrice);
		TransactionReceipt receipt = this.receipts.waitForTransactionReceipt(hash);
		if (!receipt.isStatusOK()) {
			throw new TransactionException(function.getName() + " on " + to + " reverted", receipt);
		}
		return receipt;
	}

	/**
	 * Sends a call with the gas its estimate names and a quarter more, without waiting
	 * for it to be mined. A call the estimate finds reverting sends nothing.
	 * @return the transaction's hash
	 */
	String submit(String to, Function function, BigInteger gasPrice) throws IOException, TransactionException {
		String data = FunctionEncoder.encode(function);
		EthEstimateGas estimate = this.web3j
			.ethEstimateGas(Transaction.createFunctionCallTransaction(this.from, null, gasPrice, null, to, data))
			.send();
		if (estimate.hasError()) {
			throw new TransactionException(
					function.getName() + " on " + to + " would revert: " + estimate.getError().getMessage());
		}
		BigInteger gas = estimate.getAmountUsed().multiply(BigInteger.valueOf(5)).divide(BigInteger.valueOf(4));
		return sendData(to, function, data, gas, gasPrice);
	}

	private String sendData(String to, Function function, String data, BigInteger gas, BigInteger gasPrice)
			throws IOException, TransactionException {
		EthSendTransaction sent = this.manager.sendTransaction(gasPrice, gas, to, data, BigInteger.ZERO);
		if (sent.hasError()) {
			throw new TransactionException(
					function.getName() + " on " + to + " was refused: " + sent.getError().getMessage());
		}
		return sent.getTransactionHash();
	}

	/**
	 * Waits for a transaction's receipt.
	 * @throws TransactionException when none came in time: the transaction may still be
	 * mined later
	 */
	TransactionReceipt awaitReceipt(String hash) throws IOException, TransactionException {
		return this.receipts.waitForTransactionReceipt(hash);
	}

	/** The transaction's receipt if it is mined. */
	Optional<TransactionReceipt> receipt(String hash) throws IOException {
		return this.web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
	}

	/** Whether the chain knows the transaction, mined or waiting in its pool. */
	boolean known(String hash) throws IOException {
		return this.web3j.ethGetTransactionByHash(hash).send().getTransaction().isPresent();
	}

	/** An Ownable contract's owner on the latest block. */
	String owner(String contract) {
		return read(contract, new Function("owner", List.of(), List.of(new TypeReference<Address>() {
		}))).toString();
	}

	/**
	 * The first value a view function returns on the latest block.
	 * @throws ChainReadException when the call reverts, the node cannot be reached, or
	 * the answer is not what the function returns
	 */
	Object read(String contract, Function function) {
		BlockReader reader = new BlockReader(this.web3j, null);
		return reader.call(new ChainCall(contract, function), reader.latestBlock()).getFirst().getValue();
	}

	/** Whether a contract is deployed at the address on the latest block. */
	boolean hasCode(String address) throws IOException {
		return ContractCode.deployed(this.web3j, address);
	}

}
