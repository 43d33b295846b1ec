package com.yieldpilot.market.internal.onchain;

import java.io.IOException;
import java.util.Optional;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthGetCode;

/**
 * Multicall3 where it is deployed. It lives at the same address on nearly every EVM chain
 * (deployed with a pre-signed transaction), but not on all, so a chain has it when there
 * is code at that address; without it, reads fall back to one {@code eth_call} each.
 */
public final class Multicall3Locator {

	/** Multicall3's address on every chain it was deployed to in the canonical way. */
	public static final String CANONICAL = "0xcA11bde05977b3631167028862bE2a173976CA11";

	private Multicall3Locator() {
	}

	/**
	 * The canonical Multicall3, if the chain has code at its address.
	 * @throws ChainReadException when the chain could not be asked
	 */
	public static Optional<String> find(Web3j web3j) {
		try {
			EthGetCode code = web3j.ethGetCode(CANONICAL, DefaultBlockParameterName.LATEST).send();
			if (code.hasError()) {
				throw new ChainReadException("eth_getCode failed: " + code.getError().getMessage());
			}
			String bytecode = code.getCode();
			boolean deployed = bytecode != null && !bytecode.isBlank() && !bytecode.equals("0x");
			return deployed ? Optional.of(CANONICAL) : Optional.empty();
		}
		catch (IOException ex) {
			throw new ChainReadException("RPC unreachable while looking for Multicall3: " + ex.getMessage(), ex);
		}
	}

}
