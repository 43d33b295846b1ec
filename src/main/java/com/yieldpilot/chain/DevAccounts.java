package com.yieldpilot.chain;

import java.util.List;
import java.util.stream.IntStream;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/**
 * The development accounts of a local anvil chain: derived from anvil's public test
 * mnemonic, funded with 10,000 ETH each on start. Their keys are public knowledge; they
 * must never hold anything real.
 */
public final class DevAccounts {

	/** anvil's default mnemonic; published in Foundry's documentation. */
	public static final String MNEMONIC = "test test test test test test test test test test test junk";

	public static final int COUNT = 10;

	private static final List<Credentials> ACCOUNTS = IntStream.range(0, COUNT).mapToObj(DevAccounts::derive).toList();

	private DevAccounts() {
	}

	/** The i-th account (0-based), as anvil lists them. */
	public static Credentials account(int index) {
		return ACCOUNTS.get(index);
	}

	/** The account that deploys the local contracts and drives the simulated market. */
	public static Credentials deployer() {
		return account(0);
	}

	/** Local mode's executor key: the default executor of the vaults it creates. */
	public static Credentials executor() {
		return account(1);
	}

	/** The demo farmer's wallet, which owns the demo vault in local mode. */
	public static Credentials demoFarmer() {
		return account(2);
	}

	/** The account that deploys the vault factory in local mode, and so owns it. */
	public static Credentials vaultFactoryOwner() {
		return account(3);
	}

	private static Credentials derive(int index) {
		Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(MNEMONIC, ""));
		int[] path = { 44 | Bip32ECKeyPair.HARDENED_BIT, 60 | Bip32ECKeyPair.HARDENED_BIT,
				0 | Bip32ECKeyPair.HARDENED_BIT, 0, index };
		return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
	}

}
