package com.yieldpilot.execution.internal.pipeline;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Turns revert data into words a farmer reads: the vault's custom errors, the ERC-20 and
 * ERC-4626 errors of OpenZeppelin 5, {@code Error(string)} and {@code Panic(uint256)}.
 */
final class RevertReasons {

	/** Signature → what it means; {0}, {1}… are the decoded arguments. */
	private static final Map<String, String> KNOWN = Map.ofEntries(
			Map.entry("ExecutionIdUsed(bytes32)", "the vault has already run execution {0}"),
			Map.entry("InsufficientSharesOut(uint256,uint256)",
					"the deposit would mint {0} shares, fewer than the minimum {1} (the price moved, or a donation "
							+ "front-ran an empty target)"),
			Map.entry("InsufficientAssetsOut(uint256,uint256)",
					"the redeem would return {0}, less than the minimum {1} (the share price fell)"),
			Map.entry("VaultPaused()", "the vault is paused by its owner"),
			Map.entry("TargetNotAllowed(address)", "{0} is not on the vault's allowlist"),
			Map.entry("ExceedsExecutionLimit(uint256,uint256)",
					"{0} is more than the vault's limit of {1} per execution"),
			Map.entry("ExceedsPeriodAllowance(uint256,uint256)",
					"{0} is more than the {1} left of the vault's allowance for this period"),
			Map.entry("NotExecutor(address)", "{0} is not this vault's executor"),
			Map.entry("NotOwner(address)", "{0} is not the vault's owner"),
			Map.entry("DeadlineExpired(uint256,uint256)", "the call's deadline {0} passed (block time {1})"),
			Map.entry("ZeroAmount()", "the amount is zero"),
			Map.entry("SameTarget(address)", "a move from {0} to itself"),
			Map.entry("InvalidExecutionId()", "the execution id is zero"),
			Map.entry("ReentrancyGuardReentrantCall()", "a re-entrant call was refused"),
			Map.entry("SafeERC20FailedOperation(address)", "token {0} refused the transfer"),
			Map.entry("ERC20InsufficientBalance(address,uint256,uint256)",
					"{0} holds {1} of the token, less than the {2} needed"),
			Map.entry("ERC4626ExceededMaxDeposit(address,uint256,uint256)",
					"the target takes at most {2} more, not {1}"),
			Map.entry("ERC4626ExceededMaxRedeem(address,uint256,uint256)",
					"the target lets {0} redeem at most {2} shares, not {1}"),
			Map.entry("Error(string)", "{0}"), Map.entry("Panic(uint256)", "the contract panicked (code {0})"));

	private static final Map<String, String> BY_SELECTOR = new HashMap<>();

	static {
		for (String signature : KNOWN.keySet()) {
			BY_SELECTOR.put(selector(signature), signature);
		}
	}

	private RevertReasons() {
	}

	static String selector(String signature) {
		return Numeric.toHexString(Hash.sha3(signature.getBytes(StandardCharsets.UTF_8))).substring(0, 10);
	}

	/**
	 * The reason, decoded when known; the raw data when not; a fallback when there is
	 * none.
	 */
	static String describe(@Nullable String data, @Nullable String message) {
		if (data == null || data.length() < 10 || !data.startsWith("0x")) {
			return (message != null && !message.isBlank()) ? message : "the call reverted without a reason";
		}
		String signature = BY_SELECTOR.get(data.substring(0, 10).toLowerCase(Locale.ROOT));
		if (signature == null) {
			return "the call reverted with unknown error " + data.substring(0, 10)
					+ ((message != null) ? " (" + message + ")" : "");
		}
		List<String> args = decode(signature, Numeric.cleanHexPrefix(data.substring(10)));
		String text = KNOWN.get(signature);
		for (int i = 0; i < args.size(); i++) {
			text = text.replace("{" + i + "}", args.get(i));
		}
		String name = signature.substring(0, signature.indexOf('('));
		return name.equals("Error") ? text : name + ": " + text;
	}

	private static List<String> decode(String signature, String hex) {
		String inside = signature.substring(signature.indexOf('(') + 1, signature.length() - 1);
		List<String> values = new ArrayList<>();
		if (inside.isEmpty()) {
			return values;
		}
		String[] types = inside.split(",");
		for (int i = 0; i < types.length; i++) {
			if (hex.length() < (i + 1) * 64) {
				values.add("?");
				continue;
			}
			String word = hex.substring(i * 64, (i + 1) * 64);
			values.add(switch (types[i]) {
				case "address" -> "0x" + word.substring(24);
				case "bytes32" -> "0x" + word;
				case "string" -> string(hex, new BigInteger(word, 16).intValueExact() * 2);
				default -> new BigInteger(word, 16).toString();
			});
		}
		return values;
	}

	private static String string(String hex, int offset) {
		if (hex.length() < offset + 64) {
			return "?";
		}
		int length = new BigInteger(hex.substring(offset, offset + 64), 16).intValueExact();
		int start = offset + 64;
		if (hex.length() < start + length * 2) {
			return "?";
		}
		return new String(Numeric.hexStringToByteArray(hex.substring(start, start + length * 2)),
				StandardCharsets.UTF_8);
	}

}
