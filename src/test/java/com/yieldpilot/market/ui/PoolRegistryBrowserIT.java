package com.yieldpilot.market.ui;

import java.util.UUID;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
import com.yieldpilot.support.BrowserIT;
import com.yieldpilot.support.Chromium;
import org.junit.jupiter.api.Test;

/**
 * An admin extends the registry on its screen in a real Chromium; a farmer cannot open
 * it.
 */
class PoolRegistryBrowserIT extends BrowserIT {

	@Test
	void anAdminAddsAVaultToTheRegistryAndSeesItListed() {
		// pools are listed by id: a leading digit puts this one on the first page
		// whatever other tests added
		String id = "0screen" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC";
		logIn(credentials().adminUsername(), credentials().adminPassword());
		this.page.locator("#navigation").getByText("Pool registry").click();
		PlaywrightAssertions.assertThat(this.page.locator("#pool-registry")).containsText("simulated");

		this.page.locator("#registry-add").click();
		this.page.locator("#registry-id input").fill(id);
		this.page.getByLabel("Contract").fill("0xbeef010f9cb27031ad51e3333f9af9c6b1228183");
		this.page.getByLabel("Asset decimals").fill("6");
		this.page.locator("#registry-save").click();

		PlaywrightAssertions.assertThat(this.page.getByText("Saved " + id + ".")).isVisible();
		PlaywrightAssertions.assertThat(this.page.locator("#pool-registry")).containsText(id);
	}

	@Test
	void aFarmerCannotOpenTheRegistry() {
		logIn(credentials().farmerUsername(), credentials().farmerPassword());
		PlaywrightAssertions.assertThat(this.page.locator("#navigation")).not().containsText("Pool registry");
		this.page.navigate(baseUrl() + "/pool-registry");
		this.page.waitForLoadState(LoadState.NETWORKIDLE);
		PlaywrightAssertions.assertThat(this.page.locator("#pool-registry")).hasCount(0);
	}

}
