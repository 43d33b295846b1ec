package com.yieldpilot.vault.ui;

import java.time.Duration;
import java.util.List;

import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.internal.TokenIssuer;
import com.yieldpilot.support.BrowserIT;
import com.yieldpilot.support.TestFarmer;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.VaultWallet;
import com.yieldpilot.vault.Vaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The vault page with a browser wallet: a test EIP-1193 provider, injected into the page,
 * forwards requests to the local anvil, whose dev accounts are unlocked, so the page's
 * own wallet module connects, signs the link challenge and sends the prepared calls as it
 * would with MetaMask. Each effect is checked on chain. Dev account 7 creates a vault;
 * account 6 never gets one.
 */
class WalletBrowserIT extends BrowserIT {

	private static final String PASSWORD = "correct horse battery";

	private static final LocatorAssertions.ContainsTextOptions CHAIN_WAIT = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(90_000);

	@Autowired
	Vaults vaults;

	@Autowired
	VaultWallet wallet;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	LocalChain chain;

	@BeforeEach
	void factoryDeployed() {
		await().atMost(Duration.ofMinutes(2)).until(() -> !this.wallet.chains().isEmpty());
	}

	@Test
	void farmerCreatesAllowlistsLimitsAndPausesTheirVaultFromTheirWallet() {
		String account = Keys.toChecksumAddress(DevAccounts.account(7).getAddress());
		TestFarmer farmer = openVaultPage(account, LocalChain.CHAIN_ID, false);
		connect(account);
		PlaywrightAssertions.assertThat(this.page.locator("#predicted-address"))
			.containsText(this.wallet.setup(farmer.account().id(), LocalChain.CHAIN_ID, account).predictedAddress());

		this.page.locator("#create-max input").fill("1000");
		this.page.locator("#create-allowance input").fill("5000");
		this.page.locator("#create-vault-button").click();
		PlaywrightAssertions.assertThat(this.page.locator("#wallet-call")).containsText("Create your USDC vault at");
		PlaywrightAssertions.assertThat(status()).containsText("is created and recorded", CHAIN_WAIT);
		Vault vault = this.vaults.vault(farmer.account().id(), LocalChain.CHAIN_ID).orElseThrow();
		assertThat(this.vaults.state(vault).owner()).isEqualToIgnoringCase(account);

		this.page.locator("#allow-target").click();
		this.page.locator("vaadin-select-item").first().click();
		this.page.locator("#allow").click();
		PlaywrightAssertions.assertThat(status()).containsText("Done: Allowlist", CHAIN_WAIT);
		assertThat(this.vaults.state(vault).allowlist()).hasSize(1);

		this.page.locator("#limit-max input").fill("300");
		this.page.locator("#limit-allowance input").fill("900");
		this.page.locator("#limit-period input").fill("12");
		this.page.locator("#set-limits").click();
		PlaywrightAssertions.assertThat(status()).containsText("Done: Set the limits", CHAIN_WAIT);
		VaultState limited = this.vaults.state(vault);
		assertThat(limited.maxAssetsPerExecution()).isEqualByComparingTo("300");
		assertThat(limited.allowancePerPeriod()).isEqualByComparingTo("900");
		assertThat(limited.period()).isEqualTo(Duration.ofHours(12));

		this.page.locator("#pause").click();
		PlaywrightAssertions.assertThat(status()).containsText("Done: Pause the vault", CHAIN_WAIT);
		assertThat(this.vaults.state(vault).paused()).isTrue();
		PlaywrightAssertions.assertThat(this.page.locator("#vault-page"))
			.containsText("Paused: the executor cannot act");
	}

	@Test
	void aRejectedTransactionIsExplainedAndRecordsNothing() {
		String account = Keys.toChecksumAddress(DevAccounts.account(6).getAddress());
		TestFarmer farmer = openVaultPage(account, LocalChain.CHAIN_ID, true);
		connect(account);

		this.page.locator("#create-max input").fill("1000");
		this.page.locator("#create-allowance input").fill("5000");
		this.page.locator("#create-vault-button").click();

		PlaywrightAssertions.assertThat(status()).containsText("You declined in your wallet; nothing was sent.");
		assertThat(this.vaults.vaults(farmer.account().id())).isEmpty();
		assertThat(this.wallet.setup(farmer.account().id(), LocalChain.CHAIN_ID, account).exists()).isFalse();
	}

	@Test
	void aWalletOnAnotherChainIsAskedToSwitch() {
		String account = Keys.toChecksumAddress(DevAccounts.account(6).getAddress());
		openVaultPage(account, 1, false);

		connect(account);

		assertThat(this.page.evaluate("() => window.testWallet.switches")).isEqualTo(List.of("0x7a69"));
	}

	@Test
	void aBrowserWithoutAWalletIsToldToInstallOne() {
		TestFarmer farmer = TestFarmer.create(this.accounts, this.issuer, "nowallet");
		logIn(farmer.account().username(), PASSWORD);
		this.page.navigate(baseUrl() + "/vault");

		this.page.locator("#connect-wallet").click();

		PlaywrightAssertions.assertThat(status()).containsText("No browser wallet found");
	}

	private TestFarmer openVaultPage(String account, long walletChain, boolean rejectTransactions) {
		TestFarmer farmer = TestFarmer.create(this.accounts, this.issuer, "browserwallet");
		this.page.addInitScript(provider(account, walletChain, rejectTransactions));
		logIn(farmer.account().username(), PASSWORD);
		this.page.navigate(baseUrl() + "/vault");
		PlaywrightAssertions.assertThat(this.page.locator("#vault-page")).containsText("You have no vault yet");
		return farmer;
	}

	private void connect(String account) {
		this.page.locator("#connect-wallet").click();
		PlaywrightAssertions.assertThat(this.page.locator("#wallet-account")).containsText(account, CHAIN_WAIT);
	}

	private com.microsoft.playwright.Locator status() {
		return this.page.locator("#wallet-status");
	}

	/**
	 * A test EIP-1193 provider: one account, a chain id that wallet_switchEthereumChain
	 * changes (and records), every other request forwarded to anvil; optionally the
	 * farmer rejects every transaction (error 4001).
	 */
	private String provider(String account, long walletChain, boolean rejectTransactions) {
		return """
				(() => {
				  const rpc = '%s';
				  const wallet = { account: '%s', chainId: %d, rejectTransactions: %b, switches: [] };
				  window.testWallet = wallet;
				  window.ethereum = {
				    async request({ method, params }) {
				      if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [wallet.account];
				      if (method === 'eth_chainId') return '0x' + wallet.chainId.toString(16);
				      if (method === 'wallet_switchEthereumChain') {
				        wallet.switches.push(params[0].chainId);
				        wallet.chainId = parseInt(params[0].chainId, 16);
				        return null;
				      }
				      if (method === 'eth_sendTransaction' && wallet.rejectTransactions) {
				        throw { code: 4001, message: 'User rejected the request.' };
				      }
				      const response = await fetch(rpc, {
				        method: 'POST',
				        headers: { 'content-type': 'application/json' },
				        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
				      });
				      const body = await response.json();
				      if (body.error) throw body.error;
				      return body.result;
				    },
				  };
				})();
				""".formatted(this.chain.rpcUrl(), account, walletChain, rejectTransactions);
	}

}
