package com.yieldpilot.market.internal.onchain;

/**
 * A read failed: the RPC answered with an error, the call reverted, or the answer could
 * not be decoded.
 */
public class ChainReadException extends RuntimeException {

	public ChainReadException(String message) {
		super(message);
	}

	public ChainReadException(String message, Throwable cause) {
		super(message, cause);
	}

}
