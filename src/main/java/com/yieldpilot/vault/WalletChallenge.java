package com.yieldpilot.vault;

import java.time.Instant;

/**
 * A message the farmer's wallet signs (EIP-191 {@code personal_sign}) to prove it holds
 * the address. Single-use: a signature links the wallet once, and not after
 * {@code expiresAt}.
 */
public record WalletChallenge(String address, String message, Instant expiresAt) {
}
