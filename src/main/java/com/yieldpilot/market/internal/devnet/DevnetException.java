package com.yieldpilot.market.internal.devnet;

/** The devnet could not be deployed or moved; the next simulator step tries again. */
class DevnetException extends RuntimeException {

	DevnetException(String message) {
		super(message);
	}

	DevnetException(String message, Throwable cause) {
		super(message, cause);
	}

}
