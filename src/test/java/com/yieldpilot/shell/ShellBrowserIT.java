package com.yieldpilot.shell;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.yieldpilot.support.BrowserIT;
import com.yieldpilot.support.Chromium;
import com.yieldpilot.support.LocalCredentials;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo farmer logs in, sees the shell, switches theme and logs out, in a real
 * Chromium.
 */
class ShellBrowserIT extends BrowserIT {

	@Test
	void farmerLogsInSeesTheShellSwitchesThemeAndLogsOut() {
		logIn(credentials());
		PlaywrightAssertions.assertThat(this.page.locator("#navigation")).isVisible();
		PlaywrightAssertions.assertThat(this.page.getByText("Dashboard").first()).isVisible();
		PlaywrightAssertions.assertThat(this.page.locator("#user-menu")).containsText("farmer");
		PlaywrightAssertions.assertThat(this.page.locator("#navigation")).not().containsText("Audit log");
		String before = colorScheme();

		openUserMenu();
		this.page
			.getByRole(AriaRole.MENUITEM,
					new Page.GetByRoleOptions().setName("light".equals(before) ? "Dark theme" : "Light theme"))
			.click();
		String toggled = "light".equals(before) ? "dark" : "light";
		this.page.waitForCondition(() -> toggled.equals(colorScheme()));

		this.page.reload();
		this.page.locator("#navigation").waitFor();
		assertThat(colorScheme()).as("the choice is remembered").isEqualTo(toggled);

		openUserMenu();
		this.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Log out")).click();
		this.page.waitForURL("**/login");
		this.page.navigate(baseUrl() + "/");
		this.page.waitForURL("**/login");
	}

	@Test
	void farmerExploresTheSimulatedPoolsAndFiltersThem() {
		logIn(credentials());
		this.page.locator("#navigation").getByText("Pools").click();
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).containsText("aave-v3:base:USDC");
		this.page.locator("#pool-filter input").fill("arbitrum");
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).containsText("aave-v3:arbitrum:USDC");
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).not().containsText("aave-v3:base:USDC");
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).containsText("fresh");
	}

	@Test
	void wrongPasswordShowsAnErrorAndStaysOnTheLoginPage() {
		this.page.navigate(baseUrl() + "/login");
		this.page.getByLabel("Username").fill("farmer");
		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("not-the-password");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
		this.page.waitForURL("**/login?error");
		PlaywrightAssertions.assertThat(this.page.getByText("Incorrect username or password")).isVisible();
	}

	@Test
	void onAPhoneTheNavigationFoldsBehindTheDrawerToggle() {
		this.page.setViewportSize(390, 844);
		logIn(credentials());
		PlaywrightAssertions.assertThat(this.page.locator("vaadin-drawer-toggle")).isVisible();
		this.page.locator("vaadin-drawer-toggle").click();
		PlaywrightAssertions.assertThat(this.page.locator("#navigation")).isVisible();
	}

	@Test
	void adminSeesTheClusterAndTheAuditLogThatAFarmerCannotOpen() {
		logIn(credentials().adminUsername(), credentials().adminPassword());
		this.page.locator("#navigation").getByText("System").click();
		PlaywrightAssertions.assertThat(this.page.locator("#cluster-nodes")).containsText("(this node)");
		this.page.locator("#navigation").getByText("Audit log").click();
		PlaywrightAssertions.assertThat(this.page.locator("#audit-log")).containsText("login.succeeded");
		// newest first: the admin's own log-in heads the list, whatever other tests
		// wrote before
		PlaywrightAssertions.assertThat(this.page.locator("#audit-log")).containsText(credentials().adminUsername());
		this.page.locator("#navigation").getByText("Data sources").click();
		PlaywrightAssertions.assertThat(this.page.locator("#data-sources")).containsText("simulator");
		this.page.locator("#refresh-sources").click();
		PlaywrightAssertions.assertThat(this.page.getByText("Refreshed:"))
			.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));

		openUserMenu();
		this.page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Log out")).click();
		this.page.waitForURL("**/login");
		logIn(credentials());
		this.page.navigate(baseUrl() + "/audit");
		this.page.waitForLoadState(LoadState.NETWORKIDLE);
		PlaywrightAssertions.assertThat(this.page.locator("#audit-log")).hasCount(0);
		PlaywrightAssertions.assertThat(this.page.locator("body")).not().containsText("login.succeeded");
	}

	private void logIn(LocalCredentials credentials) {
		logIn(credentials.farmerUsername(), credentials.farmerPassword());
	}

	private void openUserMenu() {
		this.page.locator("#user-menu vaadin-menu-bar-button").first().click();
	}

	private String colorScheme() {
		Object theme = this.page.evaluate("() => document.documentElement.getAttribute('theme') || ''");
		return String.valueOf(theme).contains("dark") ? "dark" : "light";
	}

}
