package com.yieldpilot.market.internal.defillama;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A record of a DefiLlama response that was left out, and why.
 *
 * @param index position of the record in the response's {@code data} array, from 0
 * @param poolId the pool id the record carried, if it had a readable one (shortened when
 * absurdly long, since it is untrusted text)
 * @param reason what was wrong, naming the field, e.g. {@code apy is not a number: "abc"}
 */
public record SkippedRecord(int index, @Nullable String poolId, String reason) {

	public SkippedRecord {
		Objects.requireNonNull(reason, "reason");
	}

}
