package com.yieldpilot.execution.internal.pipeline;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.rules.IntentId;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The executor's calls on a {@code YieldVault}, ABI-encoded under the generated wrapper's
 * function names, and the ERC-4626 views the planner reads.
 */
final class VaultCalls {

	private VaultCalls() {
	}

	/**
	 * The bytes32 the vault records for one action of one intent: the same for every
	 * attempt, every node and every restart, so the vault itself refuses a second effect.
	 */
	static String onchainId(IntentId intent, int actionIndex) {
		return Numeric.toHexString(
				Hash.sha3(("yieldpilot:execution:" + intent + ":" + actionIndex).getBytes(StandardCharsets.UTF_8)));
	}

	static String deposit(String onchainId, String target, BigInteger assets, BigInteger minSharesOut, long deadline) {
		return FunctionEncoder
			.encode(new Function(YieldVault.FUNC_EXECUTEDEPOSIT, List.of(bytes32(onchainId), new Address(target),
					new Uint256(assets), new Uint256(minSharesOut), new Uint256(deadline)), List.of()));
	}

	static String withdraw(String onchainId, String target, BigInteger shares, BigInteger minAssetsOut, long deadline) {
		return FunctionEncoder
			.encode(new Function(YieldVault.FUNC_EXECUTEWITHDRAW, List.of(bytes32(onchainId), new Address(target),
					new Uint256(shares), new Uint256(minAssetsOut), new Uint256(deadline)), List.of()));
	}

	static String move(String onchainId, String from, String to, BigInteger shares, BigInteger minAssetsOut,
			BigInteger minSharesOut, long deadline) {
		return FunctionEncoder.encode(
				new Function(YieldVault.FUNC_EXECUTEMOVE,
						List.of(bytes32(onchainId), new Address(from), new Address(to), new Uint256(shares),
								new Uint256(minAssetsOut), new Uint256(minSharesOut), new Uint256(deadline)),
						List.of()));
	}

	static Function executed(String onchainId) {
		return new Function(YieldVault.FUNC_EXECUTED, List.of(bytes32(onchainId)), List.of(new TypeReference<Bool>() {
		}));
	}

	/**
	 * An ERC-4626 view taking one amount and answering one: previewDeposit and the like.
	 */
	static Function erc4626View(String name, BigInteger amount) {
		return new Function(name, List.of(new Uint256(amount)), List.of(new TypeReference<Uint256>() {
		}));
	}

	private static Bytes32 bytes32(String hex) {
		return new Bytes32(Numeric.hexStringToByteArray(hex));
	}

}
