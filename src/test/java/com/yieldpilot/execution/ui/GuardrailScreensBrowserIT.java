package com.yieldpilot.execution.ui;

import java.util.regex.Pattern;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.Page;
import com.yieldpilot.support.BrowserIT;
import org.junit.jupiter.api.Test;

/**
 * The guardrail editor and the kill switch in a real Chromium: an admin sees a compile
 * error with its position and engages and releases the kill switch after confirming; a
 * farmer opens neither.
 */
class GuardrailScreensBrowserIT extends BrowserIT {

	@Test
	void anAdminChecksAnEditAndSeesTheErrorWithItsLineAndColumn() {
		logInAsAdmin();
		this.page.locator("#navigation").getByText("Guardrails").click();
		PlaywrightAssertions.assertThat(this.page.locator("#guardrail-status")).containsText("is active");
		PlaywrightAssertions.assertThat(this.page.locator("#guardrail-versions")).containsText("shipped");

		this.page.locator("#guardrail-file").click();
		this.page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("stale-data.drl")).click();
		PlaywrightAssertions.assertThat(this.page.locator("#guardrail-drl textarea"))
			.hasValue(Pattern.compile(".*rule \"Stale data\".*", Pattern.DOTALL));
		String drl = this.page.locator("#guardrail-drl textarea").inputValue();
		this.page.locator("#guardrail-drl textarea").fill(drl.replace("stale == true", "stale == "));
		this.page.locator("#guardrail-check").click();

		PlaywrightAssertions.assertThat(this.page.locator("#guardrail-problems")).containsText("stale-data.drl:11:");
		PlaywrightAssertions.assertThat(this.page.locator("#guardrail-message")).containsText("nothing was saved");
	}

	@Test
	void anAdminEngagesAndReleasesTheKillSwitchAfterConfirming() {
		logInAsAdmin();
		this.page.locator("#navigation").getByText("Kill switch").click();
		PlaywrightAssertions.assertThat(this.page.locator("#kill-switch-state")).containsText("Off");

		this.page.locator("#kill-switch-reason input").fill("browser test");
		this.page.locator("#kill-switch-toggle").click();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel").setExact(true)).click();
		PlaywrightAssertions.assertThat(this.page.locator("#kill-switch-state")).containsText("Off");

		this.page.locator("#kill-switch-toggle").click();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop everything").setExact(true))
			.click();
		PlaywrightAssertions.assertThat(this.page.locator("#kill-switch-state")).containsText("ON");
		PlaywrightAssertions.assertThat(this.page.locator("#kill-switch-state")).containsText("browser test");

		this.page.locator("#kill-switch-toggle").click();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release").setExact(true)).click();
		PlaywrightAssertions.assertThat(this.page.locator("#kill-switch-state")).containsText("Off");
	}

	@Test
	void aFarmerOpensNeitherScreen() {
		logInAsFarmer();
		PlaywrightAssertions.assertThat(this.page.locator("#navigation")).not().containsText("Guardrails");
		PlaywrightAssertions.assertThat(this.page.locator("#navigation")).not().containsText("Kill switch");
		for (String route : new String[] { "/guardrails", "/kill-switch" }) {
			this.page.navigate(baseUrl() + route);
			this.page.waitForLoadState(LoadState.NETWORKIDLE);
			PlaywrightAssertions.assertThat(this.page.locator("#guardrail-drl")).hasCount(0);
			PlaywrightAssertions.assertThat(this.page.locator("#kill-switch-toggle")).hasCount(0);
		}
	}

}
