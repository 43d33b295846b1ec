package com.yieldpilot.chain;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Whether a contract is deployed at an address: what {@code eth_getCode} answers, read
 * the one way every module that asks reads it.
 */
public final class ContractCode {

	private ContractCode() {
	}

	/** Whether the address holds code on the latest block. */
	public static boolean deployed(Web3j web3j, String address) throws IOException {
		return present(web3j.ethGetCode(address, DefaultBlockParameterName.LATEST).send().getCode());
	}

	/** Whether an {@code eth_getCode} answer is code: neither missing nor empty. */
	public static boolean present(@Nullable String code) {
		return code != null && !code.isEmpty() && !"0x".equals(code);
	}

}
