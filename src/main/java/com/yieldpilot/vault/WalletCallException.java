package com.yieldpilot.vault;

/**
 * A wallet call that cannot be prepared, would fail, or did not have its effect. The
 * message is written for the farmer: what is wrong and what to do about it. Nothing is
 * recorded when it is thrown.
 */
public class WalletCallException extends RuntimeException {

	public WalletCallException(String message) {
		super(message);
	}

	public WalletCallException(String message, Throwable cause) {
		super(message, cause);
	}

}
