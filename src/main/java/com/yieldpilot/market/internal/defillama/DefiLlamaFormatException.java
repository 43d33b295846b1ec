package com.yieldpilot.market.internal.defillama;

import org.jspecify.annotations.Nullable;

/**
 * A DefiLlama response was not in the documented shape as a whole: not JSON, cut off,
 * {@code status} other than {@code success}, no {@code data} array. Individual bad
 * records never cause this; they are skipped and reported. Retrying does not help, so the
 * client does not retry it.
 * <p>
 * Records read before the problem was found may already have been handed to the caller's
 * consumer; {@link #recordsRead()} says how many, and the caller should treat the whole
 * batch as failed.
 */
public class DefiLlamaFormatException extends RuntimeException {

	private final int recordsRead;

	public DefiLlamaFormatException(String message, int recordsRead, @Nullable Throwable cause) {
		super(message, cause);
		this.recordsRead = recordsRead;
	}

	/** Records of the {@code data} array read completely before the problem. */
	public int recordsRead() {
		return this.recordsRead;
	}

}
