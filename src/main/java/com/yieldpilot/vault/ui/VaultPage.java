package com.yieldpilot.vault.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.VaultSetup;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.VaultWallet;
import com.yieldpilot.vault.Vaults;
import com.yieldpilot.vault.WalletCallException;
import com.yieldpilot.vault.WalletChain;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * The farmer's vault: where it is, who may do what with it, and its limits; with the
 * farmer's browser wallet connected, creating it and every owner's action, each signed in
 * the wallet.
 */
@Route("vault")
@PageTitle("My vault · YieldPilot")
@Menu(order = 5, icon = "vaadin:safe", title = "My vault")
@RolesAllowed("FARMER")
class VaultPage extends VerticalLayout {

	private final Vaults vaults;

	private final VaultWallet wallet;

	private final UserId user;

	private final @Nullable WalletChain chain;

	private final CallLog log = new CallLog();

	private final WalletFlow flow;

	private final WalletPanel panel;

	private final VerticalLayout content = new VerticalLayout();

	VaultPage(Vaults vaults, VaultWallet wallet, UserAccounts accounts) {
		this.vaults = vaults;
		this.wallet = wallet;
		this.user = accounts.current().id();
		setId("vault-page");
		List<WalletChain> chains = wallet.chains();
		this.chain = chains.isEmpty() ? null : chains.getFirst();
		WalletBridge bridge = new WalletBridge();
		this.flow = new WalletFlow(wallet, this.user, bridge, this.log);
		this.panel = new WalletPanel(wallet, this.user, bridge, this.log, this::walletChain, (account) -> refresh());
		this.content.setPadding(false);
		add(new H2("My vault"), bridge, this.panel, this.log, this.content);
		refresh();
	}

	private long walletChain() {
		List<Vault> mine = this.vaults.vaults(this.user);
		if (!mine.isEmpty()) {
			return mine.getFirst().chainId();
		}
		return (this.chain != null) ? this.chain.chainId() : 1;
	}

	private void refresh() {
		this.content.removeAll();
		List<Vault> mine = this.vaults.vaults(this.user);
		if (mine.isEmpty()) {
			noVault();
			return;
		}
		for (Vault vault : mine) {
			try {
				Map<String, PoolId> pools = new HashMap<>();
				Portfolio portfolio = this.vaults.portfolio(vault);
				for (Position position : portfolio.positions()) {
					if (position.pool() != null) {
						pools.put(position.target().toLowerCase(), position.pool());
					}
				}
				VaultState state = this.vaults.state(vault);
				VaultDetails details = new VaultDetails();
				details.show(vault, state, pools);
				this.content.add(details);
				if (this.panel.connected() != null) {
					this.content.add(new VaultActions(this.wallet, this.user, vault, state,
							this.wallet.targets(this.user, vault.id()), this.flow, this::refresh));
				}
				else {
					this.content.add(new Paragraph("Connect your wallet to fund the vault or change its settings: "
							+ "your wallet signs every change; YieldPilot never holds your key."));
				}
			}
			catch (VaultReadException | WalletCallException ex) {
				this.content.add(new Paragraph("Vault " + vault.address() + ": the chain could not be read ("
						+ ex.getMessage() + "). Try again in a moment."));
			}
		}
	}

	private void noVault() {
		String account = this.panel.connected();
		if (this.chain == null) {
			this.content.add(new Paragraph("You have no vault yet, and no chain with a vault factory is configured."));
			this.panel.setVisible(false);
			return;
		}
		if (account == null) {
			this.content.add(new Paragraph("You have no vault yet. Connect your wallet to create one on "
					+ this.chain.name() + ": your wallet signs and owns it; YieldPilot never holds your key."));
			return;
		}
		this.content.add(new Paragraph("You have no vault yet. Create it from your wallet " + account + "."));
		long chainId = this.chain.chainId();
		try {
			VaultSetup setup = this.wallet.setup(this.user, chainId, account);
			CreateVaultForm form = new CreateVaultForm(setup, (request) -> this.flow.run(() -> {
				CreateVaultForm.Request asked = request.get();
				return List.of(this.wallet.createVault(this.user, chainId, account, asked.asset(), asked.limits()));
			}, this::refresh), () -> {
				try {
					Vault vault = this.wallet.record(this.user, chainId, account);
					this.log.info("Your vault " + vault.address() + " is recorded.");
					refresh();
				}
				catch (WalletCallException ex) {
					this.log.failed(ex.getMessage());
				}
			});
			this.content.add(form);
		}
		catch (WalletCallException ex) {
			this.log.failed(ex.getMessage());
		}
	}

}
