package com.yieldpilot.rules;

import java.util.Set;

import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.yieldpilot.identity.NewUser;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.support.BrowserIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The farmer's rule screens in Chromium against the real rule book: live validation with
 * positioned errors and suggestions, saving, the builder writing the text, rollback from
 * the detail page, and another farmer's rule staying out of reach.
 */
class RuleScreensBrowserIT extends BrowserIT {

	private static final String EDITOR_TEXT = "() => document.querySelector('#rule-text').value";

	@Autowired
	UserAccounts users;

	@Autowired
	MetricCatalog catalog;

	private String name;

	@BeforeEach
	void logInAsTheDemoFarmer() {
		// the rules name the simulated market's pools: run alone, this class may start
		// before the first refresh registered them
		RuleValidationApiIT.awaitMarket(this.catalog);
		this.name = "Aave watch " + System.nanoTime() % 1_000_000;
		logInAsFarmer();
	}

	@Test
	void aTypoIsMarkedWhereItIsWithASuggestionAndTheFixedRuleIsSaved() {
		this.page.navigate(baseUrl() + "/rules/new");
		type(rule(this.name, "aave-v3:base:USDX", "4%"));

		// the server's check arrives as a lint mark under the mistyped pool, and in
		// words below
		PlaywrightAssertions.assertThat(this.page.locator("#rule-text .cm-lintRange-error"))
			.hasText("aave-v3:base:USDX");
		PlaywrightAssertions.assertThat(this.page.locator("#rule-status"))
			.containsText("Line 3, column 7: unknown pool `aave-v3:base:USDX`; did you mean `aave-v3:base:USDC`?");

		type(rule(this.name, "aave-v3:base:USDC", "4%"));
		PlaywrightAssertions.assertThat(this.page.locator("#rule-status")).hasText("The rule is valid.");
		PlaywrightAssertions.assertThat(this.page.locator("#rule-text .cm-lintRange-error")).hasCount(0);
		this.page.locator("#rule-save").click();
		this.page.waitForURL(url -> url.matches(".*/rules/[0-9a-f-]{36}$"));
		PlaywrightAssertions.assertThat(this.page.locator("#rule-name")).hasText(this.name);

		this.page.navigate(baseUrl() + "/rules");
		PlaywrightAssertions.assertThat(this.page.locator("#my-rules")).containsText(this.name);
	}

	@Test
	void editingTheNameInTheBuilderRewritesTheText() {
		this.page.navigate(baseUrl() + "/rules/new");
		type(rule(this.name, "aave-v3:base:USDC", "4%"));
		this.page.locator("#tab-builder").click();
		PlaywrightAssertions.assertThat(this.page.locator("#builder-name input")).hasValue(this.name);

		this.page.locator("#builder-name input").fill(this.name + " (builder)");
		this.page.locator("#builder-name input").press("Tab");
		this.page.locator("#tab-text").click();

		this.page.waitForFunction(
				"name => (document.querySelector('#rule-text')?.value || '').startsWith('rule \"' + name + '\"')",
				this.name + " (builder)");
		assertThat((String) this.page.evaluate(EDITOR_TEXT))
			.isEqualTo(rule(this.name + " (builder)", "aave-v3:base:USDC", "4%"));
	}

	@Test
	void rollingBackFromTheDetailPageMakesTheOldTextCurrentAgain() {
		String id = save(rule(this.name, "aave-v3:base:USDC", "4%"));
		this.page.locator("#rule-edit").click();
		this.page.waitForURL(url -> url.endsWith("/rules/" + id + "/edit"));
		this.page.waitForFunction("() => (document.querySelector('#rule-text')?.value || '').includes('< 4%')");
		type(rule(this.name, "aave-v3:base:USDC", "3%"));
		PlaywrightAssertions.assertThat(this.page.locator("#rule-status")).hasText("The rule is valid.");
		this.page.locator("#rule-save").click();
		this.page.waitForURL(url -> url.endsWith("/rules/" + id));
		PlaywrightAssertions.assertThat(this.page.locator("#rule-summary")).containsText("version 2");

		this.page.locator("#tab-versions").click();
		PlaywrightAssertions.assertThat(this.page.locator("#rule-diff .diff-removed")).containsText("< 4%");
		PlaywrightAssertions.assertThat(this.page.locator("#rule-diff .diff-added")).containsText("< 3%");
		this.page.locator("vaadin-button.rollback[data-version='1']").click();

		PlaywrightAssertions.assertThat(this.page.locator("#rule-summary")).containsText("version 3");
		this.page.navigate(baseUrl() + "/rules/" + id + "/edit");
		this.page.waitForFunction("() => (document.querySelector('#rule-text')?.value || '').includes('< 4%')");
	}

	@Test
	void anotherFarmerCannotOpenTheRuleByItsAddress() {
		String id = save(rule(this.name, "aave-v3:base:USDC", "4%"));
		String other = "carol-" + System.nanoTime() % 100_000;
		this.users.bootstrap(new NewUser(other, "correct horse battery staple", Set.of(Role.FARMER)));
		this.page.context().clearCookies();
		logIn(other, "correct horse battery staple");

		this.page.navigate(baseUrl() + "/rules/" + id);
		PlaywrightAssertions.assertThat(this.page.locator("#rule-not-found")).containsText("You have no rule " + id);
		this.page.navigate(baseUrl() + "/rules/" + id + "/edit");
		PlaywrightAssertions.assertThat(this.page.locator("#rule-not-found")).isVisible();
		PlaywrightAssertions.assertThat(this.page.locator("body")).not().containsText(this.name);
	}

	/**
	 * Saves a new rule through the editor and returns its id, from the detail page's
	 * address.
	 */
	private String save(String text) {
		this.page.navigate(baseUrl() + "/rules/new");
		type(text);
		PlaywrightAssertions.assertThat(this.page.locator("#rule-status")).hasText("The rule is valid.");
		this.page.locator("#rule-save").click();
		this.page.waitForURL(url -> url.matches(".*/rules/[0-9a-f-]{36}$"));
		String url = this.page.url();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	@Test
	void adminsSeeTheDrlOfTheRuleBeingEditedAndFarmersDoNot() {
		this.page.navigate(baseUrl() + "/rules/new");
		PlaywrightAssertions.assertThat(this.page.locator("#rule-text")).isVisible();
		PlaywrightAssertions.assertThat(this.page.locator("#tab-drl")).hasCount(0);

		this.page.context().clearCookies();
		logInAsAdmin();
		this.page.navigate(baseUrl() + "/rules/new");
		type(rule(this.name, "aave-v3:base:USDC", "4%"));
		PlaywrightAssertions.assertThat(this.page.locator("#rule-status")).hasText("The rule is valid.");
		this.page.locator("#tab-drl").click();

		PlaywrightAssertions.assertThat(this.page.locator("#rule-drl"))
			.containsText("TermKey.latest(\"aave-v3:base:USDC\", \"apy\"), known, $t0 : value, ($t0 < 4.0d) )");
		PlaywrightAssertions.assertThat(this.page.locator("#rule-drl")).not().containsText(this.name);
	}

	/** Replaces the editor's text as a paste would. */
	private void type(String text) {
		this.page.locator("#rule-text .cm-content").click();
		this.page.keyboard().press("ControlOrMeta+A");
		this.page.keyboard().insertText(text);
	}

	private static String rule(String name, String pool, String threshold) {
		return """
				rule "%s"
				when
				  apy(%s) < %s
				then
				  notify "Aave pays little"
				""".formatted(name, pool, threshold);
	}

}
