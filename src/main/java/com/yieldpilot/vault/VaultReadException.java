package com.yieldpilot.vault;

/** The chain could not be read for a vault (RPC down, wrong chain, not a vault). */
public class VaultReadException extends RuntimeException {

	public VaultReadException(String message, Throwable cause) {
		super(message, cause);
	}

}
