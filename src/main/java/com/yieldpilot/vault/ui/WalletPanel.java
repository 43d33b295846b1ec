package com.yieldpilot.vault.ui;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.VaultWallet;
import com.yieldpilot.vault.WalletCallException;
import com.yieldpilot.vault.WalletChallenge;
import org.jspecify.annotations.Nullable;

/**
 * Connects the farmer's browser wallet: the account and the chain, then, for a wallet not
 * linked yet, the signature over a challenge that proves the farmer holds it.
 */
class WalletPanel extends HorizontalLayout {

	final Button connect = new Button("Connect wallet");

	final Span account = new Span("No wallet connected.");

	private final VaultWallet wallet;

	private final UserId user;

	private final WalletBridge bridge;

	private final CallLog log;

	private @Nullable String connected;

	WalletPanel(VaultWallet wallet, UserId user, WalletBridge bridge, CallLog log, LongSupplier chainId,
			Consumer<String> onConnected) {
		this.wallet = wallet;
		this.user = user;
		this.bridge = bridge;
		this.log = log;
		setId("wallet");
		setAlignItems(Alignment.BASELINE);
		this.account.setId("wallet-account");
		this.connect.setId("connect-wallet");
		this.connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.connect.addClickListener((click) -> connect(chainId.getAsLong(), onConnected));
		add(this.connect, this.account);
	}

	@Nullable String connected() {
		return this.connected;
	}

	private void connect(long chainId, Consumer<String> onConnected) {
		this.log.info("Asking your wallet to connect…");
		this.bridge.connect(chainId, (reply) -> {
			if (!reply.ok() || reply.account() == null) {
				this.log.failed(Objects.requireNonNullElse(reply.message(), "The wallet did not connect."));
				return;
			}
			String address = reply.account();
			var linked = this.wallet.wallets(this.user).stream().filter(address::equalsIgnoreCase).findFirst();
			if (linked.isPresent()) {
				connected(linked.get(), onConnected);
				return;
			}
			WalletChallenge challenge;
			try {
				challenge = this.wallet.challenge(this.user, address, chainId);
			}
			catch (WalletCallException ex) {
				this.log.failed(ex.getMessage());
				return;
			}
			this.log.info("Sign the message in your wallet to prove that you hold " + challenge.address()
					+ ". It sends no transaction.");
			this.bridge.sign(address, challenge.message(), (signed) -> {
				if (!signed.ok() || signed.signature() == null) {
					this.log.failed(Objects.requireNonNullElse(signed.message(), "The wallet did not sign."));
					return;
				}
				try {
					connected(this.wallet.link(this.user, address, signed.signature()), onConnected);
				}
				catch (WalletCallException ex) {
					this.log.failed(ex.getMessage());
				}
			});
		});
	}

	private void connected(String address, Consumer<String> onConnected) {
		this.connected = address;
		this.account.setText("Connected: " + address);
		this.connect.setText("Reconnect");
		this.log.info("Your wallet " + address + " is connected.");
		onConnected.accept(address);
	}

}
