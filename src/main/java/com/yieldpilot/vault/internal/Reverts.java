package com.yieldpilot.vault.internal;

import java.util.Map;

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

	private Reverts() {
	}

	/**
	 * The reason for the revert data, or the node's own message when the data is unknown.
	 */
	static String explain(@Nullable String data, @Nullable String message) {
		if (data != null && data.length() >= 10) {
			String words = WORDS.get(data.substring(0, 10).toLowerCase());
			if (words != null) {
				return words;
			}
		}
		return (message != null && !message.isBlank()) ? message : "the contract refused it";
	}

	private static Map.Entry<String, String> word(String signature, String words) {
		return Map.entry(Hash.sha3String(signature).substring(0, 10), words);
	}

}
