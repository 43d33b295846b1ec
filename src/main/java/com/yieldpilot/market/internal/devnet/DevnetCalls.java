package com.yieldpilot.market.internal.devnet;

import java.math.BigInteger;
import java.util.List;

import org.web3j.abi.TypeReference;
import com.yieldpilot.chain.contracts.DevnetSteward;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The functions the devnet calls on its contracts, ABI-encoded once here: the mocks'
 * (MockStablecoin and MockToken share {@code mint}), Ownable's hand-over, and the
 * steward's.
 */
final class DevnetCalls {

	private DevnetCalls() {
	}

	static Function mint(String to, BigInteger amount) {
		return write("mint", new Address(to), new Uint256(amount));
	}

	static Function approve(String spender, BigInteger amount) {
		return write("approve", new Address(spender), new Uint256(amount));
	}

	static Function deposit(BigInteger assets, String receiver) {
		return write("deposit", new Uint256(assets), new Address(receiver));
	}

	static Function accrue(BigInteger assets) {
		return write("accrue", new Uint256(assets));
	}

	static Function lose(BigInteger assets) {
		return write("lose", new Uint256(assets));
	}

	static Function setAnswer(BigInteger answer) {
		return write("setAnswer", new Int256(answer));
	}

	static Function transferOwnership(String newOwner) {
		return write("transferOwnership", new Address(newOwner));
	}

	/** The steward's faucet: it owns the tokens. */
	static Function stewardMint(String token, String to, BigInteger amount) {
		return write("mint", new Address(token), new Address(to), new Uint256(amount));
	}

	/**
	 * Step {@code number} of the steward: each vault's growth factor, each feed's answer.
	 */
	static Function step(BigInteger number, List<DevnetSteward.Growth> growth, List<DevnetSteward.Price> prices) {
		return write("step", new Uint256(number), new DynamicArray<>(DevnetSteward.Growth.class, growth),
				new DynamicArray<>(DevnetSteward.Price.class, prices));
	}

	/** The number of the steward's last applied step. */
	static Function steps() {
		return new Function("steps", List.of(), List.of(new TypeReference<Uint256>() {
		}));
	}

	static Function balanceOf(String owner) {
		return new Function("balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() {
		}));
	}

	private static Function write(String name, org.web3j.abi.datatypes.Type<?>... arguments) {
		return new Function(name, List.of(arguments), List.of());
	}

}
