package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.yieldpilot.chain.contracts.VaultFactory;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.vault.WalletCallException;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.StaticGasProvider;

/**
 * The generated contract wrappers, loaded only to read views and to encode calls: they
 * can sign nothing (YieldPilot holds no owner key).
 */
final class WalletContracts {

	/** Unused: these wrappers never send a transaction. */
	private static final StaticGasProvider NO_GAS = new StaticGasProvider(BigInteger.ZERO, BigInteger.ZERO);

	private WalletContracts() {
	}

	static YieldVault vault(Web3j web3j, String address) {
		return YieldVault.load(address, web3j, new ReadonlyTransactionManager(web3j, ChainReads.ZERO_ADDRESS), NO_GAS);
	}

	static VaultFactory factory(Web3j web3j, String address) {
		return VaultFactory.load(address, web3j, new ReadonlyTransactionManager(web3j, ChainReads.ZERO_ADDRESS),
				NO_GAS);
	}

	/**
	 * Reads a view; a failure means the chain is unreachable or the address is not that
	 * contract.
	 */
	static <T> T read(RemoteFunctionCall<T> call, String what) {
		try {
			return call.send();
		}
		catch (Exception ex) {
			throw new WalletCallException(
					"Cannot read " + what + " on chain (" + ex.getMessage() + "). Try again in a moment.", ex);
		}
	}

	/**
	 * An amount in the asset's smallest unit.
	 * @throws WalletCallException when it is not positive or has more decimals than the
	 * asset
	 */
	static BigInteger units(BigDecimal amount, int decimals, String symbol, String what) {
		if (amount == null) {
			throw new WalletCallException(what + " is required.");
		}
		if (amount.signum() <= 0) {
			throw new WalletCallException(what + " must be more than 0, not " + amount.toPlainString() + ".");
		}
		BigDecimal scaled = amount.movePointRight(decimals);
		try {
			return scaled.toBigIntegerExact();
		}
		catch (ArithmeticException ex) {
			throw new WalletCallException(what + " " + amount.toPlainString() + " has more decimals than " + symbol
					+ ", which has " + decimals + ".");
		}
	}

	static String amount(BigInteger units, int decimals, String symbol) {
		return new BigDecimal(units, decimals).stripTrailingZeros().toPlainString() + " " + symbol;
	}

}
