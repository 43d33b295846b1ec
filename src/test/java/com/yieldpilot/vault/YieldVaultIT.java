package com.yieldpilot.vault;

import java.math.BigInteger;
import java.util.List;

import com.yieldpilot.chain.contracts.DonationAttacker;
import com.yieldpilot.chain.contracts.FalseReturnToken;
import com.yieldpilot.chain.contracts.MockERC4626;
import com.yieldpilot.chain.contracts.NoReturnToken;
import com.yieldpilot.chain.contracts.ReentrantTarget;
import com.yieldpilot.chain.contracts.VaultFactory;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.chain.DevAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import static com.yieldpilot.vault.VaultChain.ALLOWANCE;
import static com.yieldpilot.vault.VaultChain.DAY;
import static com.yieldpilot.vault.VaultChain.DEPLOYER;
import static com.yieldpilot.vault.VaultChain.EXECUTOR;
import static com.yieldpilot.vault.VaultChain.MAX_PER_EXECUTION;
import static com.yieldpilot.vault.VaultChain.NEW_OWNER;
import static com.yieldpilot.vault.VaultChain.OWNER;
import static com.yieldpilot.vault.VaultChain.STRANGER;
import static com.yieldpilot.vault.VaultChain.executionId;
import static com.yieldpilot.vault.VaultChain.usdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vault contract on anvil against RELIABILITY.md items 12 to 17. One chain for the
 * class; each test runs on a snapshot of the set-up chain and reverts it afterwards.
 */
class YieldVaultIT {

	private static VaultChain chain;

	private String snapshot;

	@BeforeAll
	static void startChain() {
		chain = VaultChain.start();
	}

	@AfterAll
	static void stopChain() {
		chain.close();
	}

	@BeforeEach
	void snapshot() {
		this.snapshot = chain.devnet.snapshot();
	}

	@AfterEach
	void revert() {
		chain.devnet.revert(this.snapshot);
	}

	// item 12

	@Test
	void revertsAnExecutionIdThatWasAlreadyUsed() throws Exception {
		YieldVault executor = chain.vault(EXECUTOR);
		byte[] id = executionId();
		executor.executeDeposit(id, address(chain.aave), usdc(100), BigInteger.ONE, chain.deadline()).send();

		assertThat(executor.executed(id).send()).isTrue();
		chain.assertReverts(EXECUTOR, executor,
				executor.executeDeposit(id, address(chain.aave), usdc(100), BigInteger.ONE, chain.deadline()),
				"ExecutionIdUsed(bytes32)");
		BigInteger shares = chain.shares(chain.aave, chain.vault);
		chain.assertReverts(EXECUTOR, executor,
				executor.executeWithdraw(id, address(chain.aave), shares, BigInteger.ONE, chain.deadline()),
				"ExecutionIdUsed(bytes32)");
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(9_900));
	}

	// item 13

	@Test
	void letsOnlyTheExecutorMoveFunds() throws Exception {
		for (Credentials who : List.of(OWNER, STRANGER, DEPLOYER)) {
			YieldVault vault = chain.vault(who);
			chain.assertReverts(who, vault, vault.executeDeposit(executionId(), address(chain.aave), usdc(100),
					BigInteger.ONE, chain.deadline()), "NotExecutor(address)");
		}
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(10_000));
	}

	@Test
	void letsOnlyTheOwnerConfigureOrWithdraw() throws Exception {
		for (Credentials who : List.of(EXECUTOR, STRANGER)) {
			YieldVault vault = chain.vault(who);
			String error = "NotOwner(address)";
			chain.assertReverts(who, vault, vault.allowTarget(address(chain.unlisted)), error);
			chain.assertReverts(who, vault, vault.removeTarget(address(chain.aave)), error);
			chain.assertReverts(who, vault, vault.setLimits(usdc(1_000_000), usdc(1_000_000), DAY), error);
			chain.assertReverts(who, vault, vault.setExecutor(who.getAddress()), error);
			chain.assertReverts(who, vault, vault.pause(), error);
			chain.assertReverts(who, vault, vault.unpause(), error);
			chain.assertReverts(who, vault, vault.transferOwnership(who.getAddress()), error);
			chain.assertReverts(who, vault, vault.withdrawToken(address(chain.usdc), usdc(1)), error);
			chain.assertReverts(who, vault, vault.redeemPosition(address(chain.aave), BigInteger.ONE, BigInteger.ZERO),
					error);
			chain.assertReverts(who, vault, vault.fund(usdc(1)), error);
		}
		YieldVault vault = chain.vault(OWNER);
		assertThat(vault.targets().send()).hasSize(2);
		assertThat(vault.executor().send()).isEqualToIgnoringCase(EXECUTOR.getAddress());
		assertThat(vault.maxAssetsPerExecution().send()).isEqualTo(MAX_PER_EXECUTION);
		assertThat(vault.paused().send()).isFalse();
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(10_000));
	}

	@Test
	void movesOwnershipOnlyWhenTheNewOwnerAccepts() throws Exception {
		YieldVault owner = chain.vault(OWNER);
		owner.transferOwnership(NEW_OWNER.getAddress()).send();
		assertThat(owner.owner().send()).isEqualToIgnoringCase(OWNER.getAddress());
		assertThat(owner.pendingOwner().send()).isEqualToIgnoringCase(NEW_OWNER.getAddress());

		YieldVault next = chain.vault(NEW_OWNER);
		chain.assertReverts(NEW_OWNER, next, next.pause(), "NotOwner(address)");
		YieldVault stranger = chain.vault(STRANGER);
		chain.assertReverts(STRANGER, stranger, stranger.acceptOwnership(), "NotPendingOwner(address)");

		next.acceptOwnership().send();
		assertThat(next.owner().send()).isEqualToIgnoringCase(NEW_OWNER.getAddress());
		assertThat(next.pendingOwner().send()).isEqualToIgnoringCase(address0());
		chain.assertReverts(OWNER, owner, owner.withdrawToken(address(chain.usdc), usdc(1)), "NotOwner(address)");
		next.withdrawToken(address(chain.usdc), usdc(10_000)).send();
		assertThat(chain.balance(NEW_OWNER.getAddress())).isEqualTo(usdc(10_000));
	}

	@Test
	void rotatingTheExecutorLocksTheOldKeyOut() throws Exception {
		chain.vault(OWNER).setExecutor(STRANGER.getAddress()).send();

		YieldVault old = chain.vault(EXECUTOR);
		chain.assertReverts(EXECUTOR, old,
				old.executeDeposit(executionId(), address(chain.aave), usdc(100), BigInteger.ONE, chain.deadline()),
				"NotExecutor(address)");
		chain.vault(STRANGER)
			.executeDeposit(executionId(), address(chain.aave), usdc(100), BigInteger.ONE, chain.deadline())
			.send();
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(9_900));
	}

	@Test
	void factoryDeploysOneInitialisedCloneAtThePredictedAddress() throws Exception {
		VaultFactory factory = chain.factory;
		assertThat(factory.predictVaultAddress(OWNER.getAddress()).send()).isEqualToIgnoringCase(chain.vault);
		YieldVault vault = chain.vault(OWNER);
		assertThat(vault.owner().send()).isEqualToIgnoringCase(OWNER.getAddress());
		assertThat(vault.executor().send()).isEqualToIgnoringCase(factory.defaultExecutor().send());
		assertThat(vault.asset().send()).isEqualToIgnoringCase(address(chain.usdc));

		VaultFactory asOwner = VaultFactory.load(address(factory), chain.devnet.web3j(),
				chain.devnet.transactions(OWNER), chain.devnet.gas());
		chain.assertReverts(OWNER, asOwner, asOwner.createVault(address(chain.usdc), usdc(1), usdc(1), DAY),
				"VaultExists(address,address)");
		chain.assertReverts(STRANGER, chain.vault(STRANGER), chain.vault(STRANGER)
			.initialize(STRANGER.getAddress(), address(chain.usdc), STRANGER.getAddress(), usdc(1), usdc(1), DAY),
				"InvalidInitialization()");
		YieldVault implementation = YieldVault.load(factory.implementation().send(), chain.devnet.web3j(),
				chain.devnet.transactions(STRANGER), chain.devnet.gas());
		chain.assertReverts(STRANGER, implementation, implementation.initialize(STRANGER.getAddress(),
				address(chain.usdc), STRANGER.getAddress(), usdc(1), usdc(1), DAY), "InvalidInitialization()");

		String predicted = factory.predictVaultAddress(STRANGER.getAddress()).send();
		VaultFactory
			.load(address(factory), chain.devnet.web3j(), chain.devnet.transactions(STRANGER), chain.devnet.gas())
			.createVault(address(chain.usdc), usdc(1), usdc(1), DAY)
			.send();
		assertThat(factory.vaultOf(STRANGER.getAddress()).send()).isEqualToIgnoringCase(predicted);
	}

	@Test
	void factoryDefaultExecutorIsTheFactoryOwnersToChange() throws Exception {
		VaultFactory stranger = VaultFactory.load(address(chain.factory), chain.devnet.web3j(),
				chain.devnet.transactions(STRANGER), chain.devnet.gas());
		chain.assertReverts(STRANGER, stranger, stranger.setDefaultExecutor(STRANGER.getAddress()),
				"OwnableUnauthorizedAccount(address)");
		chain.factory.setDefaultExecutor(NEW_OWNER.getAddress()).send();
		assertThat(chain.factory.defaultExecutor().send()).isEqualToIgnoringCase(NEW_OWNER.getAddress());
		assertThat(chain.vault(OWNER).executor().send()).as("existing vaults keep theirs")
			.isEqualToIgnoringCase(EXECUTOR.getAddress());
	}

	// item 14

	@Test
	void revertsForATargetThatIsNotAllowlisted() throws Exception {
		YieldVault executor = chain.vault(EXECUTOR);
		chain.assertReverts(EXECUTOR, executor, executor.executeDeposit(executionId(), address(chain.unlisted),
				usdc(100), BigInteger.ONE, chain.deadline()), "TargetNotAllowed(address)");
		executor.executeDeposit(executionId(), address(chain.aave), usdc(100), BigInteger.ONE, chain.deadline()).send();
		BigInteger shares = chain.shares(chain.aave, chain.vault);
		chain
			.assertReverts(
					EXECUTOR, executor, executor.executeMove(executionId(), address(chain.aave),
							address(chain.unlisted), shares, BigInteger.ONE, BigInteger.ONE, chain.deadline()),
					"TargetNotAllowed(address)");

		chain.vault(OWNER).removeTarget(address(chain.aave)).send();
		chain.assertReverts(EXECUTOR, executor,
				executor.executeWithdraw(executionId(), address(chain.aave), shares, BigInteger.ONE, chain.deadline()),
				"TargetNotAllowed(address)");
		assertThat(chain.shares(chain.aave, chain.vault)).isEqualTo(shares);
		assertThat(chain.shares(chain.unlisted, chain.vault)).isZero();
	}

	@Test
	void refusesToAllowlistAVaultOfAnotherAsset() throws Exception {
		MockERC4626 otherAsset = MockERC4626
			.deploy(chain.devnet.web3j(), chain.devnet.deployer(), chain.devnet.gas(), address(chain.aave),
					"Wrapped aUSDC", "waUSDC")
			.send();
		YieldVault owner = chain.vault(OWNER);
		chain.assertReverts(OWNER, owner, owner.allowTarget(address(otherAsset)),
				"TargetAssetMismatch(address,address)");
		chain.assertReverts(OWNER, owner, owner.allowTarget(address(chain.usdc)), "InvalidTarget(address)");
		chain.assertReverts(OWNER, owner, owner.allowTarget(address(chain.aave)), "TargetAlreadyAllowed(address)");
	}

	@Test
	void revertsAnAmountOverThePerExecutionLimit() throws Exception {
		YieldVault executor = chain.vault(EXECUTOR);
		chain.assertReverts(
				EXECUTOR, executor, executor.executeDeposit(executionId(), address(chain.aave),
						MAX_PER_EXECUTION.add(BigInteger.ONE), BigInteger.ONE, chain.deadline()),
				"ExceedsExecutionLimit(uint256,uint256)");
		executor.executeDeposit(executionId(), address(chain.aave), MAX_PER_EXECUTION, BigInteger.ONE, chain.deadline())
			.send();
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(9_000));
	}

	@Test
	void revertsAnAmountOverThePeriodAllowanceUntilItRefills() throws Exception {
		YieldVault executor = chain.vault(EXECUTOR);
		for (int i = 0; i < 4; i++) {
			executor.executeDeposit(executionId(), address(chain.aave), usdc(1_000), BigInteger.ONE, chain.deadline())
				.send();
		}
		BigInteger shares = chain.shares(chain.aave, chain.vault).divide(BigInteger.valueOf(4));
		executor.executeWithdraw(executionId(), address(chain.aave), shares, BigInteger.ONE, chain.deadline()).send();
		assertThat(executor.availableAllowance().send()).isLessThan(usdc(1));

		chain.assertReverts(EXECUTOR, executor,
				executor.executeDeposit(executionId(), address(chain.aave), usdc(1), BigInteger.ONE, chain.deadline()),
				"ExceedsPeriodAllowance(uint256,uint256)");

		chain.devnet.advanceTime(DAY.longValueExact());
		assertThat(executor.availableAllowance().send()).isEqualTo(ALLOWANCE);
		executor.executeDeposit(executionId(), address(chain.aave), usdc(1_000), BigInteger.ONE, chain.deadline())
			.send();
		assertThat(executor.availableAllowance().send()).isEqualTo(usdc(4_000));
	}

	@Test
	void revertsAfterTheDeadlineAndBelowTheMinimumOutput() throws Exception {
		YieldVault executor = chain.vault(EXECUTOR);
		BigInteger past = chain.devnet.timestamp().subtract(BigInteger.ONE);
		chain.assertReverts(EXECUTOR, executor,
				executor.executeDeposit(executionId(), address(chain.aave), usdc(100), BigInteger.ONE, past),
				"DeadlineExpired(uint256,uint256)");
		executor.executeDeposit(executionId(), address(chain.aave), usdc(100), BigInteger.ONE, chain.deadline()).send();
		BigInteger shares = chain.shares(chain.aave, chain.vault);
		chain.assertReverts(EXECUTOR, executor,
				executor.executeWithdraw(executionId(), address(chain.aave), shares, usdc(101), chain.deadline()),
				"InsufficientAssetsOut(uint256,uint256)");
		chain.assertReverts(EXECUTOR, executor, executor.executeDeposit(executionId(), address(chain.aave), usdc(100),
				shares.add(shares), chain.deadline()), "InsufficientSharesOut(uint256,uint256)");
	}

	@Test
	void movesBetweenAllowlistedTargetsKeepingEverythingInTheVault() throws Exception {
		YieldVault executor = chain.vault(EXECUTOR);
		executor.executeDeposit(executionId(), address(chain.aave), usdc(800), BigInteger.ONE, chain.deadline()).send();
		BigInteger shares = chain.shares(chain.aave, chain.vault);
		BigInteger preview = chain.morpho.previewDeposit(usdc(800)).send();
		executor
			.executeMove(executionId(), address(chain.aave), address(chain.morpho), shares, usdc(799), preview,
					chain.deadline())
			.send();

		assertThat(chain.shares(chain.aave, chain.vault)).isZero();
		assertThat(chain.shares(chain.morpho, chain.vault)).isEqualTo(preview);
		assertThat(chain.morpho.convertToAssets(preview).send()).isEqualTo(usdc(800));
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(9_200));
		assertThat(chain.balance(EXECUTOR.getAddress())).isZero();
	}

	// item 15

	@Test
	void whilePausedTheExecutorCannotActButTheOwnerCanWithdraw() throws Exception {
		YieldVault executor = chain.vault(EXECUTOR);
		executor.executeDeposit(executionId(), address(chain.aave), usdc(500), BigInteger.ONE, chain.deadline()).send();
		BigInteger shares = chain.shares(chain.aave, chain.vault);
		YieldVault owner = chain.vault(OWNER);
		owner.pause().send();

		chain.assertReverts(EXECUTOR, executor, executor.executeDeposit(executionId(), address(chain.aave), usdc(100),
				BigInteger.ONE, chain.deadline()), "VaultPaused()");
		chain.assertReverts(EXECUTOR, executor,
				executor.executeWithdraw(executionId(), address(chain.aave), shares, BigInteger.ONE, chain.deadline()),
				"VaultPaused()");

		BigInteger wallet = chain.balance(OWNER.getAddress());
		owner.withdrawToken(address(chain.usdc), usdc(9_500)).send();
		owner.redeemPosition(address(chain.aave), shares, usdc(500)).send();
		assertThat(chain.balance(OWNER.getAddress())).isEqualTo(wallet.add(usdc(10_000)));
		assertThat(chain.balance(chain.vault)).isZero();
		assertThat(chain.shares(chain.aave, chain.vault)).isZero();

		owner.unpause().send();
		owner.fund(usdc(100)).send();
		executor.executeDeposit(executionId(), address(chain.aave), usdc(100), BigInteger.ONE, chain.deadline()).send();
		assertThat(chain.balance(chain.vault)).isZero();
	}

	// item 16

	@Test
	void donationFrontRunOnAnEmptyTargetMakesTheDepositRevertOnMinSharesOut() throws Exception {
		MockERC4626 empty = chain.unlisted;
		chain.vault(OWNER).allowTarget(address(empty)).send();
		BigInteger assets = usdc(1_000);
		BigInteger minSharesOut = empty.previewDeposit(assets).send();
		assertThat(minSharesOut).isEqualTo(assets);
		DonationAttacker attacker = DonationAttacker
			.deploy(chain.devnet.web3j(), chain.devnet.transactions(STRANGER), chain.devnet.gas())
			.send();
		chain.usdc.mint(attacker.getContractAddress(), usdc(2_001)).send();

		// the executor's transaction is in the pool; the attacker sees it and pays more
		// to go first
		chain.devnet.automine(false);
		String deposit;
		String attack;
		try {
			deposit = send(EXECUTOR, chain.vault,
					chain.vault(EXECUTOR)
						.executeDeposit(executionId(), address(empty), assets, minSharesOut, chain.deadline())
						.encodeFunctionCall(),
					2);
			attack = send(STRANGER, attacker.getContractAddress(),
					attacker.attack(address(empty), usdc(2_000)).encodeFunctionCall(), 50);
			chain.devnet.mine();
		}
		finally {
			chain.devnet.automine(true);
		}

		TransactionReceipt attackReceipt = receipt(attack);
		TransactionReceipt depositReceipt = receipt(deposit);
		assertThat(attackReceipt.isStatusOK()).isTrue();
		assertThat(attackReceipt.getBlockNumber()).isEqualTo(depositReceipt.getBlockNumber());
		assertThat(attackReceipt.getTransactionIndex()).isLessThan(depositReceipt.getTransactionIndex());
		assertThat(depositReceipt.isStatusOK()).as("the deposit reverts on minSharesOut").isFalse();
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(10_000));
		assertThat(chain.shares(empty, chain.vault)).isZero();
	}

	@Test
	void withoutMinSharesOutTheSameFrontRunWouldTakeTheDeposit() throws Exception {
		MockERC4626 empty = chain.unlisted;
		chain.vault(OWNER).allowTarget(address(empty)).send();
		DonationAttacker attacker = DonationAttacker
			.deploy(chain.devnet.web3j(), chain.devnet.transactions(STRANGER), chain.devnet.gas())
			.send();
		chain.usdc.mint(attacker.getContractAddress(), usdc(2_001)).send();
		attacker.attack(address(empty), usdc(2_000)).send();

		chain.vault(EXECUTOR)
			.executeDeposit(executionId(), address(empty), usdc(1_000), BigInteger.ZERO, chain.deadline())
			.send();
		assertThat(chain.shares(empty, chain.vault)).as("the deposit bought no shares").isZero();
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(9_000));
	}

	// item 17

	@Test
	void worksWithATokenThatReturnsNothing() throws Exception {
		Credentials owner = DevAccounts.account(5);
		NoReturnToken token = NoReturnToken
			.deploy(chain.devnet.web3j(), chain.devnet.transactions(owner), chain.devnet.gas())
			.send();
		MockERC4626 target = MockERC4626
			.deploy(chain.devnet.web3j(), chain.devnet.deployer(), chain.devnet.gas(), address(token), "NR vault",
					"nrv")
			.send();
		YieldVault vault = createVault(owner, address(token));
		token.mint(owner.getAddress(), usdc(1_000)).send();
		token.approve(address(vault), usdc(1_000)).send();
		vault.fund(usdc(1_000)).send();
		vault.allowTarget(address(target)).send();

		YieldVault executor = YieldVault.load(address(vault), chain.devnet.web3j(), chain.devnet.transactions(EXECUTOR),
				chain.devnet.gas());
		executor.executeDeposit(executionId(), address(target), usdc(600), usdc(600), chain.deadline()).send();
		executor.executeWithdraw(executionId(), address(target), usdc(100), usdc(100), chain.deadline()).send();
		vault.withdrawToken(address(token), usdc(500)).send();

		assertThat(token.balanceOf(address(vault)).send()).isZero();
		assertThat(target.balanceOf(address(vault)).send()).isEqualTo(usdc(500));
		assertThat(token.balanceOf(owner.getAddress()).send()).isEqualTo(usdc(500));
		assertThat(token.allowance(address(vault), address(target)).send()).isZero();
	}

	@Test
	void revertsWhenATokenReturnsFalseInsteadOfPretendingItMoved() throws Exception {
		Credentials owner = DevAccounts.account(6);
		FalseReturnToken token = FalseReturnToken
			.deploy(chain.devnet.web3j(), chain.devnet.transactions(owner), chain.devnet.gas())
			.send();
		YieldVault vault = createVault(owner, address(token));
		token.mint(owner.getAddress(), usdc(1_000)).send();
		token.approve(address(vault), usdc(1_000)).send();
		vault.fund(usdc(400)).send();
		token.setFailing(true).send();

		chain.assertReverts(owner, vault, vault.withdrawToken(address(token), usdc(400)),
				"SafeERC20FailedOperation(address)");
		chain.assertReverts(owner, vault, vault.fund(usdc(100)), "SafeERC20FailedOperation(address)");
		assertThat(token.balanceOf(address(vault)).send()).isEqualTo(usdc(400));
		assertThat(token.balanceOf(owner.getAddress()).send()).isEqualTo(usdc(600));
	}

	@Test
	void refusesReentryEvenFromTheExecutor() throws Exception {
		ReentrantTarget target = ReentrantTarget
			.deploy(chain.devnet.web3j(), chain.devnet.transactions(STRANGER), chain.devnet.gas(), address(chain.usdc))
			.send();
		YieldVault owner = chain.vault(OWNER);
		owner.allowTarget(address(target)).send();
		owner.setExecutor(address(target)).send();
		YieldVault encoder = chain.vault(STRANGER);
		String first = encoder
			.executeDeposit(executionId(), address(target), usdc(100), BigInteger.ONE, chain.deadline())
			.encodeFunctionCall();

		target.setCallback(chain.vault,
				org.web3j.utils.Numeric.hexStringToByteArray(encoder
					.executeDeposit(executionId(), address(chain.aave), usdc(100), BigInteger.ONE, chain.deadline())
					.encodeFunctionCall()))
			.send();
		chain.assertReverts(STRANGER, target,
				target.run(chain.vault, org.web3j.utils.Numeric.hexStringToByteArray(first)),
				"ReentrancyGuardReentrantCall()");
		assertThat(chain.balance(chain.vault)).isEqualTo(usdc(10_000));

		target.setCallback(address0(), new byte[0]).send();
		target.run(chain.vault, org.web3j.utils.Numeric.hexStringToByteArray(first)).send();
		assertThat(chain.balance(chain.vault)).as("the same call without re-entry goes through").isEqualTo(usdc(9_900));
	}

	private YieldVault createVault(Credentials owner, String token) throws Exception {
		VaultFactory
			.load(address(chain.factory), chain.devnet.web3j(), chain.devnet.transactions(owner), chain.devnet.gas())
			.createVault(token, usdc(1_000), usdc(5_000), DAY)
			.send();
		return YieldVault.load(chain.factory.vaultOf(owner.getAddress()).send(), chain.devnet.web3j(),
				chain.devnet.transactions(owner), chain.devnet.gas());
	}

	private static String send(Credentials from, String to, String data, long gwei) throws Exception {
		var response = chain.devnet.transactions(from)
			.sendTransaction(BigInteger.valueOf(gwei).multiply(BigInteger.TEN.pow(9)), BigInteger.valueOf(500_000), to,
					data, BigInteger.ZERO);
		assertThat(response.hasError()).as("%s", response.getError()).isFalse();
		return response.getTransactionHash();
	}

	private static TransactionReceipt receipt(String hash) throws Exception {
		return chain.devnet.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt().orElseThrow();
	}

	private static String address(org.web3j.tx.Contract contract) {
		return contract.getContractAddress();
	}

	private static String address0() {
		return "0x0000000000000000000000000000000000000000";
	}

}
