package com.yieldpilot.vault.internal;

import java.util.Locale;

import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.vault.WalletCallException;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Keys;

/**
 * Addresses typed by farmers or returned by wallets, checked and put in checksum form.
 */
final class Addresses {

	private Addresses() {
	}

	/**
	 * The address in EIP-55 checksum form.
	 * @throws WalletCallException saying what is wrong with it, for {@code what}
	 */
	static String checksum(@Nullable String text, String what) {
		if (text == null || text.isBlank()) {
			throw new WalletCallException(what + " is required: 0x followed by 40 hex digits.");
		}
		RegistryEntryData.addressProblem(text).ifPresent((problem) -> {
			throw new WalletCallException(what + ": " + problem);
		});
		return Keys.toChecksumAddress(text.strip().toLowerCase(Locale.ROOT));
	}

	static boolean same(@Nullable String a, @Nullable String b) {
		return a != null && a.equalsIgnoreCase(b);
	}

	static boolean isZero(@Nullable String address) {
		return address == null || ChainReads.ZERO_ADDRESS.equalsIgnoreCase(address);
	}

}
