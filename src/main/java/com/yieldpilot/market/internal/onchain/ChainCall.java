package com.yieldpilot.market.internal.onchain;

import org.web3j.abi.datatypes.Function;

/** One read: a contract address and the function to call on it. */
public record ChainCall(String target, Function function) {
}
