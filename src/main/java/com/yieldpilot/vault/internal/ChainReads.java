package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import com.yieldpilot.chain.ContractCode;
import com.yieldpilot.vault.WalletCallException;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;

/**
 * Single views on ERC-20 tokens and ERC-4626 vaults for preparing wallet calls. A call
 * that fails becomes a {@link WalletCallException} naming what could not be read.
 */
final class ChainReads {

	static final String ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";

	private final Web3j web3j;

	ChainReads(Web3j web3j) {
		this.web3j = web3j;
	}

	BigInteger balanceOf(String token, String holder) {
		return uint(token, new Function("balanceOf", List.of(new Address(holder)), uint256()), "a balance");
	}

	BigInteger allowance(String token, String owner, String spender) {
		return uint(token, new Function("allowance", List.of(new Address(owner), new Address(spender)), uint256()),
				"an allowance");
	}

	String symbol(String token) {
		List<Type> result = call(token,
				new Function("symbol", List.of(), List.of(TypeReference.create(Utf8String.class))));
		return (result.isEmpty()) ? "?" : result.getFirst().getValue().toString();
	}

	int decimals(String token) {
		List<Type> result = call(token,
				new Function("decimals", List.of(), List.of(TypeReference.create(Uint8.class))));
		if (result.isEmpty()) {
			throw new WalletCallException(token + " is not an ERC-20 token: it has no decimals().");
		}
		return ((BigInteger) result.getFirst().getValue()).intValueExact();
	}

	/** The token an ERC-4626 vault holds, or empty when the address is not one. */
	@Nullable String assetOf(String target) {
		try {
			List<Type> result = call(target,
					new Function("asset", List.of(), List.of(TypeReference.create(Address.class))));
			return result.isEmpty() ? null : result.getFirst().getValue().toString();
		}
		catch (WalletCallException ex) {
			return null;
		}
	}

	BigInteger previewRedeem(String target, BigInteger shares) {
		return uint(target, new Function("previewRedeem", List.of(new Uint256(shares)), uint256()),
				"what the shares redeem for");
	}

	boolean hasCode(String address) {
		try {
			return ContractCode.deployed(this.web3j, address);
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	private BigInteger uint(String to, Function function, String what) {
		List<Type> result = call(to, function);
		if (result.isEmpty()) {
			throw new WalletCallException("Cannot read " + what + " from " + to + ": it returned nothing.");
		}
		return (BigInteger) result.getFirst().getValue();
	}

	private List<Type> call(String to, Function function) {
		try {
			EthCall result = this.web3j
				.ethCall(Transaction.createEthCallTransaction(null, to, FunctionEncoder.encode(function)),
						DefaultBlockParameterName.LATEST)
				.send();
			if (result.hasError() || result.isReverted()) {
				throw new WalletCallException(function.getName() + "() on " + to + " failed: "
						+ ((result.getError() != null) ? result.getError().getMessage() : "reverted"));
			}
			return FunctionReturnDecoder.decode(result.getValue(), function.getOutputParameters());
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	static WalletCallException unreadable(IOException ex) {
		return new WalletCallException(
				"YieldPilot cannot reach the chain right now (" + ex.getMessage() + "). Try again in a moment.", ex);
	}

	private static List<TypeReference<?>> uint256() {
		return List.of(TypeReference.create(Uint256.class));
	}

}
