package com.yieldpilot.execution;

import java.math.BigInteger;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An executor key as admins watch it.
 *
 * @param balanceWei its native balance, or null when the chain could not be read
 * @param nextNonce the next nonce YieldPilot will sign with
 * @param chainNonce the chain's count of its mined transactions, or null when unread
 * @param unconfirmed how many of its transactions are signed but not final
 * @param oldestUnconfirmed when the oldest of them was signed
 */
public record ExecutorKeyStatus(long chainId, String address, @Nullable BigInteger balanceWei, long nextNonce,
		@Nullable Long chainNonce, int unconfirmed, @Nullable Instant oldestUnconfirmed) {
}
