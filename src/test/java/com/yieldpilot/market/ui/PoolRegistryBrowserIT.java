package com.yieldpilot.market.ui;

import java.nio.file.Path;
import java.util.UUID;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * An admin extends the registry on its screen in a real Chromium; a farmer cannot open
 * it.
 */
class PoolRegistryBrowserIT extends ApplicationIT {

	private static Playwright playwright;

	private static Browser browser;

	private BrowserContext context;

	private Page page;

	@BeforeAll
	static void launch() {
		Chromium.assumeInstalled();
		playwright = Chromium.playwright();
		browser = Chromium.launch(playwright);
	}

	@AfterAll
	static void close() {
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openPage() {
		this.context = browser.newContext();
		this.context.setDefaultTimeout(30_000);
		this.page = this.context.newPage();
	}

	@AfterEach
	void closePage(TestInfo test) {
		this.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target", "screenshots", test.getTestMethod().orElseThrow().getName() + ".png")));
		this.context.close();
	}

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

	private void logIn(String username, String password) {
		this.page.navigate(baseUrl() + "/");
		this.page.waitForURL("**/login");
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
		this.page.waitForURL(url -> !url.contains("/login"));
		this.page.locator("#user-menu").waitFor();
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
