package com.yieldpilot.shell;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.Chromium;
import com.yieldpilot.support.LocalCredentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo farmer logs in, sees the shell, switches theme and logs out, in a real
 * Chromium.
 */
class ShellBrowserIT extends ApplicationIT {

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
	void closePage() {
		this.context.close();
	}

	@Test
	void farmerLogsInSeesTheShellSwitchesThemeAndLogsOut() {
		logIn(credentials());
		PlaywrightAssertions.assertThat(this.page.locator("#navigation")).isVisible();
		PlaywrightAssertions.assertThat(this.page.getByText("Dashboard").first()).isVisible();
		PlaywrightAssertions.assertThat(this.page.locator("#user-menu")).containsText("farmer");
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

	private void logIn(LocalCredentials credentials) {
		this.page.navigate(baseUrl() + "/");
		this.page.waitForURL("**/login");
		this.page.getByLabel("Username").fill(credentials.farmerUsername());
		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
			.fill(credentials.farmerPassword());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
		this.page.waitForURL(url -> !url.contains("/login"));
		this.page.locator("#user-menu").waitFor();
	}

	private void openUserMenu() {
		this.page.locator("#user-menu vaadin-menu-bar-button").first().click();
	}

	private String colorScheme() {
		Object theme = this.page.evaluate("() => document.documentElement.getAttribute('theme') || ''");
		return String.valueOf(theme).contains("dark") ? "dark" : "light";
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
