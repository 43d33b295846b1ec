package com.yieldpilot.market.internal.devnet;

import java.math.BigInteger;
import java.util.List;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * The mock contracts' functions the devnet calls, ABI-encoded once here so that both
 * token kinds (MockStablecoin and MockToken share {@code mint}) go through one path.
 */
final class DevnetCalls {

	/** An allowance that never runs out, as wallets grant it. */
	static final BigInteger UNLIMITED = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

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

	static Function balanceOf(String owner) {
		return new Function("balanceOf", List.of(new Address(owner)), List.of(new TypeReference<Uint256>() {
		}));
	}

	private static Function write(String name, org.web3j.abi.datatypes.Type<?>... arguments) {
		return new Function(name, List.of(arguments), List.of());
	}

}
