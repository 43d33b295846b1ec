package com.yieldpilot.support;

import java.nio.file.Path;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * A browser test on the shared local-mode application: one headless Chromium per class, a
 * fresh context and page per test, a screenshot of each test's last screen under
 * {@code target/screenshots}, and the log-in every screen starts with.
 */
public abstract class BrowserIT extends ApplicationIT {

	private static Playwright playwright;

	private static Browser browser;

	private BrowserContext context;

	protected Page page;

	@BeforeAll
	static void launchChromium() {
		Chromium.assumeInstalled();
		playwright = Chromium.playwright();
		browser = Chromium.launch(playwright);
	}

	@AfterAll
	static void closeChromium() {
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
		// the last screen of every test, to look at when one fails
		this.page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(Path.of("target", "screenshots", test.getTestMethod().orElseThrow().getName() + ".png")));
		this.context.close();
	}

	protected String baseUrl() {
		return "http://localhost:" + this.port;
	}

	protected void logIn(String username, String password) {
		this.page.navigate(baseUrl() + "/");
		this.page.waitForURL("**/login");
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
		this.page.waitForURL(url -> !url.contains("/login"));
		this.page.locator("#user-menu").waitFor();
	}

	protected void logInAsFarmer() {
		logIn(credentials().farmerUsername(), credentials().farmerPassword());
	}

	protected void logInAsAdmin() {
		logIn(credentials().adminUsername(), credentials().adminPassword());
	}

}
