package com.yieldpilot.vault.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.identity.UserId;

/** The wallets farmers have proven to hold, and the challenges they sign to prove it. */
interface WalletStore {

	void insertChallenge(String nonce, UserId user, String address, String message, Instant expiresAt);

	/**
	 * Removes the user's challenges for the address and returns the newest one still
	 * valid at {@code now}: a challenge can be answered once.
	 */
	Optional<String> takeChallenge(UserId user, String address, Instant now);

	/** Forgets challenges that expired before {@code now}. */
	void purgeChallenges(Instant now);

	void link(UserId user, String address, Instant at);

	/** The user's wallets, in checksum form, oldest link first. */
	List<String> wallets(UserId user);

}
