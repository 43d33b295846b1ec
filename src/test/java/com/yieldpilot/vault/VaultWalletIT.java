package com.yieldpilot.vault;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.TestFarmer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The calls YieldPilot prepares for a farmer's wallet, executed as a wallet would: sent
 * with {@code eth_sendTransaction} from an unlocked anvil account on the local chain,
 * then confirmed by the service, which records only what the chain shows. One vault is
 * created (by dev account 8) and configured across the tests; account 9 takes over its
 * ownership.
 */
class VaultWalletIT extends ApplicationIT {

	private static final Credentials WALLET = DevAccounts.account(8);

	private static final Credentials NEXT_OWNER = DevAccounts.account(9);

	private static final Credentials LINK_ONLY = DevAccounts.account(5);

	private static TestFarmer farmer;

	private static Vault vault;

	@Autowired
	VaultWallet wallet;

	@Autowired
	Vaults vaults;

	@Autowired
	LocalChain chain;

	@Autowired
	LocalDevnet devnet;

	@BeforeEach
	void farmerWithAVault() throws Exception {
		await().atMost(Duration.ofMinutes(2)).until(() -> !this.wallet.chains().isEmpty());
		if (vault != null) {
			return;
		}
		farmer = newFarmer("wallet");
		link(user(), WALLET);
		VaultSetup setup = this.wallet.setup(user(), LocalChain.CHAIN_ID, WALLET.getAddress());
		assertThat(setup.exists()).isFalse();
		String usdc = setup.assets()
			.stream()
			.filter((a) -> a.symbol().equals("USDC"))
			.findFirst()
			.orElseThrow()
			.address();
		PreparedCall create = this.wallet.createVault(user(), LocalChain.CHAIN_ID, WALLET.getAddress(), usdc,
				new VaultLimits(new BigDecimal("1000"), new BigDecimal("5000"), Duration.ofDays(1)));
		assertThat(create.vault()).isEqualTo(setup.predictedAddress());
		assertThat(this.vaults.vaults(user())).isEmpty();

		ConfirmedCall confirmed = run(create);

		assertThat(confirmed.action()).isEqualTo(WalletAction.CREATE_VAULT);
		vault = this.vaults.vault(user(), LocalChain.CHAIN_ID).orElseThrow();
		this.devnet.mint(usdc, WALLET.getAddress(), BigInteger.valueOf(1_000).multiply(BigInteger.TEN.pow(6)));
	}

	private UserId user() {
		return farmer.account().id();
	}

	@Test
	void createdVaultIsRecordedAtThePredictedAddressOwnedByTheLinkedWallet() {
		VaultState state = this.vaults.state(vault);
		assertThat(vault.address())
			.isEqualTo(this.wallet.setup(user(), LocalChain.CHAIN_ID, WALLET.getAddress()).predictedAddress());
		assertThat(state.owner()).isEqualToIgnoringCase(WALLET.getAddress());
		assertThat(state.executor()).isEqualToIgnoringCase(DevAccounts.executor().getAddress());
		assertThat(state.maxAssetsPerExecution()).isEqualByComparingTo("1000");
		assertThat(state.allowancePerPeriod()).isEqualByComparingTo("5000");
		assertThat(vault.assetSymbol()).isEqualTo("USDC");
		assertThatThrownBy(() -> this.wallet.createVault(user(), LocalChain.CHAIN_ID, WALLET.getAddress(),
				vault.assetAddress(), new VaultLimits(BigDecimal.ONE, BigDecimal.ONE, Duration.ofDays(1))))
			.hasMessageContaining("already has a vault");
	}

	@Test
	void fundsAndWithdrawsThroughTheOwnersWallet() throws Exception {
		BigDecimal before = this.vaults.portfolio(vault).idle();
		List<PreparedCall> fund = this.wallet.fund(user(), vault.id(), new BigDecimal("100.5"));
		for (PreparedCall call : fund) {
			run(call);
		}
		assertThat(this.vaults.portfolio(vault).idle()).isEqualByComparingTo(before.add(new BigDecimal("100.5")));

		run(this.wallet.withdraw(user(), vault.id(), new BigDecimal("40")));

		assertThat(this.vaults.portfolio(vault).idle()).isEqualByComparingTo(before.add(new BigDecimal("60.5")));
		assertThatThrownBy(() -> this.wallet.withdraw(user(), vault.id(), new BigDecimal("1000000")))
			.hasMessageContaining("The vault holds only");
		assertThatThrownBy(() -> this.wallet.fund(user(), vault.id(), new BigDecimal("0.0000001")))
			.hasMessageContaining("has more decimals than USDC, which has 6");
	}

	@Test
	void redeemsAPositionStraightToTheOwnersWallet() throws Exception {
		KnownTarget target = this.wallet.targets(user(), vault.id()).getLast();
		// positions are read over the allowlist
		run(this.wallet.allowTarget(user(), vault.id(), target.address()));
		BigInteger shares = BigInteger.valueOf(20).multiply(BigInteger.TEN.pow(6));
		// the owner's wallet puts shares into the vault directly, as a farmer may
		sendFrom(WALLET, vault.assetAddress(),
				new Function("approve", List.of(new Address(target.address()), new Uint256(shares)), List.of()));
		sendFrom(WALLET, target.address(),
				new Function("deposit", List.of(new Uint256(shares), new Address(vault.address())), List.of()));
		assertThat(position(target)).isPositive();
		BigDecimal before = this.vaults.portfolio(vault).value();

		ConfirmedCall redeemed = run(this.wallet.redeem(user(), vault.id(), target.address()));

		assertThat(redeemed.action()).isEqualTo(WalletAction.REDEEM);
		assertThat(position(target)).isZero();
		assertThat(this.vaults.portfolio(vault).value()).isLessThan(before);
		assertThatThrownBy(() -> this.wallet.redeem(user(), vault.id(), target.address()))
			.hasMessageContaining("holds no shares");
	}

	private BigInteger position(KnownTarget target) {
		return this.vaults.portfolio(vault)
			.positions()
			.stream()
			.filter((p) -> p.target().equalsIgnoreCase(target.address()))
			.map(Position::shares)
			.findFirst()
			.orElse(BigInteger.ZERO);
	}

	private void sendFrom(Credentials from, String to, Function function) throws Exception {
		String hash = send(new PreparedCall(WalletAction.FUND, function.getName(), LocalChain.CHAIN_ID,
				from.getAddress(), to, FunctionEncoder.encode(function), BigInteger.ZERO, vault.address()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.chain.web3j().ethGetTransactionReceipt(hash).send().getTransactionReceipt().isPresent());
	}

	@Test
	void allowlistsAndRemovesOnlyKnownPoolsOfTheVaultsAsset() throws Exception {
		List<KnownTarget> targets = this.wallet.targets(user(), vault.id());
		assertThat(targets).isNotEmpty().allMatch((t) -> t.asset().equalsIgnoreCase(vault.assetAddress()));
		KnownTarget target = targets.getFirst();

		run(this.wallet.allowTarget(user(), vault.id(), target.address()));
		assertThat(this.vaults.state(vault).allowlist()).anyMatch(target.address()::equalsIgnoreCase);
		assertThatThrownBy(() -> this.wallet.allowTarget(user(), vault.id(), target.address()))
			.hasMessageContaining("already on the allowlist");

		run(this.wallet.removeTarget(user(), vault.id(), target.address()));
		assertThat(this.vaults.state(vault).allowlist()).noneMatch(target.address()::equalsIgnoreCase);

		String otherAsset = this.devnet.pools(Duration.ZERO)
			.stream()
			.filter((p) -> !p.token().equalsIgnoreCase(vault.assetAddress()))
			.findFirst()
			.orElseThrow()
			.vault();
		assertThatThrownBy(() -> this.wallet.allowTarget(user(), vault.id(), otherAsset))
			.hasMessageContaining("is not an ERC-4626 vault of USDC");
		assertThatThrownBy(() -> this.wallet.allowTarget(user(), vault.id(), vault.assetAddress()))
			.hasMessageContaining("is not an ERC-4626 pool YieldPilot knows");
		assertThatThrownBy(() -> this.wallet.allowTarget(user(), vault.id(), "0x1234"))
			.hasMessageContaining("is not an address");
	}

	@Test
	void setsLimitsPausesAndRotatesTheExecutor() throws Exception {
		run(this.wallet.setLimits(user(), vault.id(),
				new VaultLimits(new BigDecimal("250.25"), new BigDecimal("750"), Duration.ofHours(12))));
		VaultState limited = this.vaults.state(vault);
		assertThat(limited.maxAssetsPerExecution()).isEqualByComparingTo("250.25");
		assertThat(limited.allowancePerPeriod()).isEqualByComparingTo("750");
		assertThat(limited.period()).isEqualTo(Duration.ofHours(12));

		run(this.wallet.pause(user(), vault.id(), true));
		assertThat(this.vaults.state(vault).paused()).isTrue();
		assertThatThrownBy(() -> this.wallet.pause(user(), vault.id(), true)).hasMessageContaining("already paused");
		run(this.wallet.pause(user(), vault.id(), false));
		assertThat(this.vaults.state(vault).paused()).isFalse();

		assertThatThrownBy(() -> this.wallet.setExecutor(user(), vault.id()))
			.hasMessageContaining("is already the vault's executor");
	}

	@Test
	void rejectsLimitsThatAreNotPositiveOrAPeriodOfZero() {
		assertThatThrownBy(() -> new VaultLimits(BigDecimal.ZERO, BigDecimal.TEN, Duration.ofDays(1)))
			.isInstanceOf(WalletCallException.class)
			.hasMessageContaining("must be more than 0");
		assertThatThrownBy(() -> new VaultLimits(BigDecimal.TEN, new BigDecimal("-1"), Duration.ofDays(1)))
			.hasMessageContaining("must be more than 0");
		assertThatThrownBy(() -> new VaultLimits(BigDecimal.TEN, BigDecimal.TEN, Duration.ZERO))
			.hasMessageContaining("at least a minute");
	}

	@Test
	void confirmsOnlyTheTransactionThatCarriesThePreparedCall() throws Exception {
		PreparedCall pause = this.wallet.pause(user(), vault.id(), true);
		PreparedCall fund = this.wallet.fund(user(), vault.id(), BigDecimal.ONE).getLast();
		String pauseHash = send(pause);
		this.wallet.confirm(user(), pause, pauseHash).get(1, TimeUnit.MINUTES);

		assertThatThrownBy(() -> this.wallet.confirm(user(), fund, pauseHash).get(1, TimeUnit.MINUTES))
			.isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(WalletCallException.class)
			.hasMessageContaining("is not the call YieldPilot prepared");
		run(this.wallet.pause(user(), vault.id(), false));
	}

	@Test
	void checkExplainsWhyTheChainWouldRefuseACall() {
		PreparedCall pause = this.wallet.pause(user(), vault.id(), true);
		PreparedCall fromStranger = new PreparedCall(pause.action(), pause.description(), pause.chainId(),
				LINK_ONLY.getAddress(), pause.to(), pause.data(), pause.value(), pause.vault());

		assertThatThrownBy(() -> this.wallet.check(fromStranger))
			.hasMessageContaining("only the vault's owner can do this");
	}

	@Test
	void anotherFarmerCanNeitherRecordNorConfigureTheVault() {
		TestFarmer other = newFarmer("other");
		UserId stranger = other.account().id();

		assertThatThrownBy(() -> this.wallet.record(stranger, LocalChain.CHAIN_ID, WALLET.getAddress()))
			.hasMessageContaining("Connect and verify the wallet");
		assertThatThrownBy(() -> this.wallet.pause(stranger, vault.id(), true))
			.hasMessageContaining("no such vault among yours");
		assertThat(this.vaults.vaults(stranger)).isEmpty();
	}

	@Test
	void linksAWalletOnlyWithItsOwnSignatureOverAnUnusedChallenge() {
		TestFarmer linking = newFarmer("linking");
		UserId id = linking.account().id();
		WalletChallenge challenge = this.wallet.challenge(id, LINK_ONLY.getAddress(), LocalChain.CHAIN_ID);
		String forged = signature(WALLET, challenge.message());

		assertThatThrownBy(() -> this.wallet.link(id, LINK_ONLY.getAddress(), forged))
			.hasMessageContaining("The signature is not from");
		String genuine = signature(LINK_ONLY, challenge.message());
		assertThatThrownBy(() -> this.wallet.link(id, LINK_ONLY.getAddress(), genuine))
			.hasMessageContaining("expired or was already used");
		assertThat(this.wallet.wallets(id)).isEmpty();

		WalletChallenge fresh = this.wallet.challenge(id, LINK_ONLY.getAddress().toLowerCase(), LocalChain.CHAIN_ID);
		assertThat(fresh.message())
			.startsWith("localhost:8080 wants you to sign in with your Ethereum account:\n"
					+ Keys.toChecksumAddress(LINK_ONLY.getAddress()) + "\n")
			.contains("\nURI: http://localhost:8080\n", "\nChain ID: 31337\n", "\nNonce: ", "\nExpiration Time: ");
		assertThat(this.wallet.link(id, LINK_ONLY.getAddress(), signature(LINK_ONLY, fresh.message())))
			.isEqualTo(Keys.toChecksumAddress(LINK_ONLY.getAddress()));
		assertThat(this.wallet.wallets(id)).containsExactly(Keys.toChecksumAddress(LINK_ONLY.getAddress()));
	}

	@Test
	void handsOwnershipToAnotherWalletOfTheFarmerInTwoSteps() throws Exception {
		Vault created = createFor(newFarmer("owner"), DevAccounts.account(4));
		UserId id = created.user();
		link(id, NEXT_OWNER);

		assertThatThrownBy(() -> this.wallet.acceptOwnership(id, created.id()))
			.hasMessageContaining("No ownership transfer is waiting");
		run(this.wallet.transferOwnership(id, created.id(), NEXT_OWNER.getAddress()), id);
		assertThat(this.vaults.state(created).pendingOwner()).isEqualToIgnoringCase(NEXT_OWNER.getAddress());

		PreparedCall accept = this.wallet.acceptOwnership(id, created.id());
		assertThat(accept.from()).isEqualTo(Keys.toChecksumAddress(NEXT_OWNER.getAddress()));
		run(accept, id);

		assertThat(this.vaults.state(created).owner()).isEqualToIgnoringCase(NEXT_OWNER.getAddress());
		assertThat(this.vaults.vault(id, created.id()).orElseThrow().ownerAddress())
			.isEqualTo(Keys.toChecksumAddress(NEXT_OWNER.getAddress()));
	}

	private Vault createFor(TestFarmer owner, Credentials key) throws Exception {
		UserId id = owner.account().id();
		link(id, key);
		PreparedCall create = this.wallet.createVault(id, LocalChain.CHAIN_ID, key.getAddress(), vault.assetAddress(),
				new VaultLimits(BigDecimal.TEN, BigDecimal.TEN, Duration.ofDays(1)));
		run(create, id);
		return this.vaults.vault(id, LocalChain.CHAIN_ID).orElseThrow();
	}

	private void link(UserId id, Credentials key) {
		WalletChallenge challenge = this.wallet.challenge(id, key.getAddress(), LocalChain.CHAIN_ID);
		this.wallet.link(id, key.getAddress(), signature(key, challenge.message()));
	}

	private ConfirmedCall run(PreparedCall call) throws Exception {
		return run(call, user());
	}

	private ConfirmedCall run(PreparedCall call, UserId id) throws Exception {
		this.wallet.check(call);
		return this.wallet.confirm(id, call, send(call)).get(1, TimeUnit.MINUTES);
	}

	/**
	 * What a browser wallet does with a prepared call: anvil's dev accounts are unlocked.
	 */
	private String send(PreparedCall call) throws IOException {
		EthSendTransaction sent = this.chain.web3j()
			.ethSendTransaction(Transaction.createFunctionCallTransaction(call.from(), null, null, null, call.to(),
					call.value(), call.data()))
			.send();
		if (sent.hasError()) {
			throw new IllegalStateException(sent.getError().getMessage());
		}
		return sent.getTransactionHash();
	}

	private static String signature(Credentials key, String message) {
		Sign.SignatureData data = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8),
				key.getEcKeyPair());
		byte[] bytes = new byte[65];
		System.arraycopy(data.getR(), 0, bytes, 0, 32);
		System.arraycopy(data.getS(), 0, bytes, 32, 32);
		bytes[64] = data.getV()[0];
		return Numeric.toHexString(bytes);
	}

}
