package com.yieldpilot.vault.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Hash;

/**
 * Why a vault call reverted, in the farmer's words: the custom errors of
 * {@code YieldVault}, {@code VaultFactory} and OpenZeppelin's ERC-20, by selector.
 */
final class Reverts {

	private static final Map<String, String> WORDS = Map.ofEntries(
			word("NotOwner(address)", "only the vault's owner can do this: sign with the owner's wallet"),
			word("NotPendingOwner(address)", "only the wallet the ownership was offered to can accept it"),
			word("TargetAssetMismatch(address,address)", "that pool holds another asset than your vault"),
			word("TargetAlreadyAllowed(address)", "that pool is already on the allowlist"),
			word("TargetNotAllowed(address)", "that pool is not on the allowlist"),
			word("TooManyTargets(uint256)", "the allowlist is full; remove a pool first"),
			word("InvalidTarget(address)", "that address cannot be a target"),
			word("InvalidPeriod()", "the period must be longer than zero"),
			word("ZeroAmount()", "the amount must be more than zero"), word("ZeroAddress()", "an address is missing"),
			word("InsufficientAssetsOut(uint256,uint256)",
					"the position would redeem for less than expected (its price moved); try again"),
			word("VaultExists(address,address)", "this wallet already has a vault"),
			word("ERC20InsufficientAllowance(address,uint256,uint256)",
					"the vault may not take that much from your wallet: approve the amount first"),
			word("ERC20InsufficientBalance(address,uint256,uint256)", "there is not that much to move"),
			word("SafeERC20FailedOperation(address)", "the token refused the transfer"));

	/**
	 * Revert data starts with the selector; anvil's message names it after "custom
	 * error".
	 */
	private static final Pattern SELECTOR = Pattern.compile("(?:^\"?|custom error )(0x[0-9a-fA-F]{8})");

	private Reverts() {
	}

	/**
	 * The reason for the revert data, or for the selector a node names in its message
	 * (anvil: "custom error 0x…"), or else the node's own message.
	 */
	static String explain(@Nullable String data, @Nullable String message) {
		for (String text : new String[] { data, message }) {
			Matcher selector = (text != null) ? SELECTOR.matcher(text) : null;
			if (selector != null && selector.find()) {
				String words = WORDS.get(selector.group(1).toLowerCase(Locale.ROOT));
				if (words != null) {
					return words;
				}
			}
		}
		return (message != null && !message.isBlank()) ? message : "the contract refused it";
	}

	private static Map.Entry<String, String> word(String signature, String words) {
		return Map.entry(Hash.sha3String(signature).substring(0, 10), words);
	}

}
