package com.yieldpilot.chain.internal;

import java.io.IOException;

/**
 * The URL serves another chain than the one it is configured for, so it is never used.
 */
final class EndpointRejectedException extends IOException {

	EndpointRejectedException(String message) {
		super(message);
	}

}
