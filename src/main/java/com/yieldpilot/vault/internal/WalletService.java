package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.ConfirmedCall;
import com.yieldpilot.vault.KnownTarget;
import com.yieldpilot.vault.PreparedCall;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;
import com.yieldpilot.vault.VaultLimits;
import com.yieldpilot.vault.VaultSetup;
import com.yieldpilot.vault.VaultWallet;
import com.yieldpilot.vault.WalletChain;
import com.yieldpilot.vault.WalletChallenge;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

@Service
@EnableConfigurationProperties(WalletProperties.class)
class WalletService implements VaultWallet, DisposableBean {

	/**
	 * Waiting for receipts blocks; a virtual thread per wait keeps that off every pool.
	 */
	private final ExecutorService waits = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("wallet-confirm-", 0).factory());

	private final VaultChains chains;

	private final VaultFactories factories;

	private final WalletLinks links;

	private final VaultCreation creation;

	private final VaultConfigurationCalls calls;

	private final WalletConfirmations confirmations;

	WalletService(VaultChains chains, VaultFactories factories, WalletLinks links, VaultCreation creation,
			VaultConfigurationCalls calls, WalletConfirmations confirmations) {
		this.chains = chains;
		this.factories = factories;
		this.links = links;
		this.creation = creation;
		this.calls = calls;
		this.confirmations = confirmations;
	}

	@Override
	public List<WalletChain> chains() {
		return this.chains.readable().stream().filter((c) -> this.factories.factory(c.chainId()).isPresent()).toList();
	}

	@Override
	public WalletChallenge challenge(UserId user, String address, long chainId) {
		return this.links.challenge(user, address, chainId);
	}

	@Override
	public String link(UserId user, String address, String signature) {
		return this.links.link(user, address, signature);
	}

	@Override
	public List<String> wallets(UserId user) {
		return this.links.wallets(user);
	}

	@Override
	public VaultSetup setup(UserId user, long chainId, String wallet) {
		return this.creation.setup(user, chainId, wallet);
	}

	@Override
	public PreparedCall createVault(UserId user, long chainId, String wallet, String asset, VaultLimits limits) {
		return this.creation.create(user, chainId, wallet, asset, limits);
	}

	@Override
	public Vault record(UserId user, long chainId, String wallet) {
		return this.creation.record(user, chainId, wallet);
	}

	@Override
	public List<KnownTarget> targets(UserId user, VaultId vault) {
		return this.calls.targets(user, vault);
	}

	@Override
	public List<PreparedCall> fund(UserId user, VaultId vault, BigDecimal amount) {
		return this.calls.fund(user, vault, amount);
	}

	@Override
	public PreparedCall withdraw(UserId user, VaultId vault, BigDecimal amount) {
		return this.calls.withdraw(user, vault, amount);
	}

	@Override
	public PreparedCall redeem(UserId user, VaultId vault, String target) {
		return this.calls.redeem(user, vault, target);
	}

	@Override
	public PreparedCall allowTarget(UserId user, VaultId vault, String target) {
		return this.calls.allowTarget(user, vault, target);
	}

	@Override
	public PreparedCall removeTarget(UserId user, VaultId vault, String target) {
		return this.calls.removeTarget(user, vault, target);
	}

	@Override
	public PreparedCall setLimits(UserId user, VaultId vault, VaultLimits limits) {
		return this.calls.setLimits(user, vault, limits);
	}

	@Override
	public PreparedCall setExecutor(UserId user, VaultId vault) {
		return this.calls.setExecutor(user, vault);
	}

	@Override
	public PreparedCall pause(UserId user, VaultId vault, boolean paused) {
		return this.calls.pause(user, vault, paused);
	}

	@Override
	public PreparedCall transferOwnership(UserId user, VaultId vault, String newOwner) {
		return this.calls.transferOwnership(user, vault, newOwner);
	}

	@Override
	public PreparedCall acceptOwnership(UserId user, VaultId vault) {
		return this.calls.acceptOwnership(user, vault);
	}

	@Override
	public void check(PreparedCall call) {
		this.confirmations.check(call);
	}

	@Override
	public CompletableFuture<ConfirmedCall> confirm(UserId user, PreparedCall call, String transactionHash) {
		return CompletableFuture.supplyAsync(() -> this.confirmations.confirm(user, call, transactionHash), this.waits);
	}

	@Override
	public void destroy() {
		this.waits.shutdownNow();
	}

}
