package com.yieldpilot.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.contracts.MockERC4626;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.chain.contracts.VaultFactory;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.support.Devnet;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A vault on a throw-away anvil chain, the way the contract tests need it: a 6-decimal
 * stablecoin, two allowlisted ERC-4626 targets with some deposits and a third that is
 * never allowlisted, the factory, and the owner's vault with 10,000 USDC in it and 10,000
 * more in the owner's wallet. Limits: 1,000 USDC per execution and 5,000 per day.
 */
final class VaultChain implements AutoCloseable {

	static final Credentials DEPLOYER = DevAccounts.deployer();

	static final Credentials EXECUTOR = DevAccounts.account(1);

	static final Credentials OWNER = DevAccounts.account(2);

	static final Credentials STRANGER = DevAccounts.account(3);

	static final Credentials NEW_OWNER = DevAccounts.account(4);

	static final BigInteger USDC = BigInteger.TEN.pow(6);

	static final BigInteger MAX_PER_EXECUTION = usdc(1_000);

	static final BigInteger ALLOWANCE = usdc(5_000);

	static final BigInteger DAY = BigInteger.valueOf(86_400);

	private static final SecureRandom RANDOM = new SecureRandom();

	final Devnet devnet;

	final MockStablecoin usdc;

	final MockERC4626 aave;

	final MockERC4626 morpho;

	final MockERC4626 unlisted;

	final VaultFactory factory;

	final String vault;

	private VaultChain(Devnet devnet) throws Exception {
		this.devnet = devnet;
		var tx = devnet.deployer();
		this.usdc = MockStablecoin.deploy(devnet.web3j(), tx, devnet.gas(), "USD Coin", "USDC").send();
		this.aave = target("Aave USDC", "aUSDC");
		this.morpho = target("Morpho USDC", "mUSDC");
		this.unlisted = target("Unlisted USDC", "uUSDC");
		this.usdc.mint(DEPLOYER.getAddress(), usdc(1_000_000)).send();
		for (MockERC4626 target : new MockERC4626[] { this.aave, this.morpho }) {
			this.usdc.approve(target.getContractAddress(), usdc(1_000_000)).send();
			target.deposit(usdc(1_000), DEPLOYER.getAddress()).send();
		}
		this.factory = VaultFactory.deploy(devnet.web3j(), tx, devnet.gas(), EXECUTOR.getAddress()).send();
		VaultFactory asOwner = VaultFactory.load(this.factory.getContractAddress(), devnet.web3j(),
				devnet.transactions(OWNER), devnet.gas());
		asOwner.createVault(this.usdc.getContractAddress(), MAX_PER_EXECUTION, ALLOWANCE, DAY).send();
		this.vault = this.factory.vaultOf(OWNER.getAddress()).send();
		this.usdc.mint(OWNER.getAddress(), usdc(20_000)).send();
		token(OWNER).approve(this.vault, usdc(20_000)).send();
		YieldVault owner = vault(OWNER);
		owner.fund(usdc(10_000)).send();
		owner.allowTarget(this.aave.getContractAddress()).send();
		owner.allowTarget(this.morpho.getContractAddress()).send();
	}

	static VaultChain start() {
		Devnet devnet = Devnet.start();
		try {
			return new VaultChain(devnet);
		}
		catch (Exception ex) {
			devnet.close();
			throw new IllegalStateException("Cannot set up the vault chain", ex);
		}
	}

	static BigInteger usdc(long whole) {
		return USDC.multiply(BigInteger.valueOf(whole));
	}

	static byte[] executionId() {
		byte[] id = new byte[32];
		RANDOM.nextBytes(id);
		return id;
	}

	/** The vault as {@code who} calls it. */
	YieldVault vault(Credentials who) {
		return YieldVault.load(this.vault, this.devnet.web3j(), this.devnet.transactions(who), this.devnet.gas());
	}

	MockStablecoin token(Credentials who) {
		return MockStablecoin.load(this.usdc.getContractAddress(), this.devnet.web3j(), this.devnet.transactions(who),
				this.devnet.gas());
	}

	BigInteger deadline() {
		return this.devnet.timestamp().add(BigInteger.valueOf(3_600));
	}

	BigInteger balance(String holder) throws Exception {
		return this.usdc.balanceOf(holder).send();
	}

	BigInteger shares(MockERC4626 target, String holder) throws Exception {
		return target.balanceOf(holder).send();
	}

	/**
	 * Asserts that {@code call}, sent by {@code from}, reverts with the custom error
	 * {@code errorSignature} (e.g. {@code "NotOwner(address)"}): first as an
	 * {@code eth_call}, whose revert data must start with the error's selector, then as a
	 * mined transaction, which must fail.
	 */
	void assertReverts(Credentials from, Contract contract, RemoteFunctionCall<TransactionReceipt> call,
			String errorSignature) {
		String selector = Hash.sha3String(errorSignature).substring(0, 10);
		try {
			EthCall result = this.devnet.web3j()
				.ethCall(Transaction.createEthCallTransaction(from.getAddress(), contract.getContractAddress(),
						call.encodeFunctionCall()), DefaultBlockParameterName.LATEST)
				.send();
			assertThat(result.isReverted()).as("%s reverts", errorSignature).isTrue();
			// web3j keeps the error's data as the JSON text it came as, quotes included
			String data = String.valueOf(result.getError().getData()).replace("\"", "");
			assertThat(data).as("revert data of %s", errorSignature).startsWith(selector);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThatThrownBy(call::send).as("the mined transaction fails").isNotNull();
	}

	private MockERC4626 target(String name, String symbol) throws Exception {
		return MockERC4626
			.deploy(this.devnet.web3j(), this.devnet.deployer(), this.devnet.gas(), this.usdc.getContractAddress(),
					name, symbol)
			.send();
	}

	@Override
	public void close() {
		this.devnet.close();
	}

}
