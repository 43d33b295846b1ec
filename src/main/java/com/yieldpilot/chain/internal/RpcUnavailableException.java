package com.yieldpilot.chain.internal;

import java.io.IOException;
import java.util.List;

/**
 * No URL of a chain answered a request: each failed, was skipped while its circuit was
 * open, or was rejected for serving another chain. The message names each URL by its host
 * only.
 */
final class RpcUnavailableException extends IOException {

	private final boolean retryable;

	RpcUnavailableException(String chain, List<String> problems, boolean retryable) {
		super("No RPC URL of " + chain + " answered: " + String.join("; ", problems));
		this.retryable = retryable;
	}

	/**
	 * Whether another pass may help: some URL failed this time rather than being skipped.
	 */
	boolean retryable() {
		return this.retryable;
	}

}
