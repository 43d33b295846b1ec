package com.yieldpilot.vault.ui;

import java.time.Duration;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.support.BrowserIT;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.Vaults;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.awaitility.Awaitility.await;

/**
 * The demo farmer's vault and portfolio pages in Chromium, and a farmer without a vault.
 */
class VaultBrowserIT extends BrowserIT {

	@Autowired
	Vaults vaults;

	@Autowired
	UserAccounts accounts;

	private Vault demoVault() {
		var farmer = this.accounts.findByUsername("farmer").orElseThrow().id();
		await().atMost(Duration.ofMinutes(2)).until(() -> this.vaults.vault(farmer, LocalChain.CHAIN_ID).isPresent());
		return this.vaults.vault(farmer, LocalChain.CHAIN_ID).orElseThrow();
	}

	@Test
	void farmerSeesTheirVaultsConfigurationAndAllowlist() {
		Vault vault = demoVault();
		logInAsFarmer();
		this.page.locator("#navigation").getByText("My vault").click();

		var details = this.page.locator("#vault-page");
		PlaywrightAssertions.assertThat(details).containsText(vault.address());
		PlaywrightAssertions.assertThat(details).containsText(DevAccounts.executor().getAddress());
		PlaywrightAssertions.assertThat(details).containsText("Active");
		PlaywrightAssertions.assertThat(details).containsText("50,000.00 USDC");
		PlaywrightAssertions.assertThat(this.page.locator("#allowlist")).containsText("aave-v3:base:USDC");
	}

	@Test
	void farmerSeesTheirPortfolioWithItsCharts() {
		demoVault();
		logInAsFarmer();
		this.page.locator("#navigation").getByText("Portfolio").click();

		var portfolio = this.page.locator("#portfolio-page");
		PlaywrightAssertions.assertThat(portfolio).containsText("Profit against holding");
		PlaywrightAssertions.assertThat(this.page.locator("#positions")).containsText("Idle in the vault");
		PlaywrightAssertions.assertThat(this.page.locator("yp-history-chart")).hasCount(2);
	}

	@Test
	void aFarmerWithoutAVaultIsToldSo() {
		logInAsAdmin();
		this.page.locator("#navigation").getByText("My vault").click();
		PlaywrightAssertions.assertThat(this.page.locator("#vault-page")).containsText("You have no vault yet");
	}

}
