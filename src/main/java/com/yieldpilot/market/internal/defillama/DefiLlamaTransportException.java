package com.yieldpilot.market.internal.defillama;

/**
 * DefiLlama could not be reached or the response broke off: connection refused or reset,
 * a timeout ({@link java.net.http.HttpTimeoutException} as the cause), a cut-off gzip
 * stream. Retried, unless records of the failed attempt had already been handed to the
 * caller (a retry would hand them over twice) or the thread was interrupted.
 */
public class DefiLlamaTransportException extends RuntimeException {

	private final boolean retryable;

	public DefiLlamaTransportException(String message, Throwable cause, boolean retryable) {
		super(message, cause);
		this.retryable = retryable;
	}

	/** Whether another attempt may be made after this failure. */
	public boolean isRetryable() {
		return this.retryable;
	}

}
