package com.yieldpilot.rules;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.yieldpilot.support.BrowserIT;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin keeps the rule template library: the examples are there from the start, a
 * template that is not a rule is refused with the reason and the typing kept, and adding
 * and retiring are audit-logged.
 */
class RuleTemplatesBrowserIT extends BrowserIT {

	@Autowired
	DSLContext db;

	@Test
	void adminAddsATemplateAfterFixingItsTextAndRetiresIt() {
		logInAsAdmin();
		this.page.navigate(baseUrl() + "/rule-templates");
		PlaywrightAssertions.assertThat(this.page.locator("#rule-templates")).containsText("Chase USDC yield");

		String name = "Gas watch " + System.nanoTime() % 100_000;
		this.page.locator("#template-add").click();
		this.page.locator("#template-name input").fill(name);
		this.page.locator("#template-description input").fill("Tells you when gas is cheap");
		this.page.locator("#template-text textarea")
			.fill("rule \"Cheap gas\"\nwhen\n  gas(base) <\nthen\n  notify \"x\"");
		this.page.locator("#template-save").click();
		PlaywrightAssertions.assertThat(this.page.locator("#template-error"))
			.containsText("line 4, column 1: expected a value");
		PlaywrightAssertions.assertThat(this.page.locator("#template-name input")).hasValue(name);

		this.page.locator("#template-text textarea")
			.fill("rule \"Cheap gas\"\nwhen\n  gas(base) < 5 gwei\nthen\n  notify \"Gas is cheap on Base\"");
		this.page.locator("#template-save").click();
		Locator row = this.page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(name));
		PlaywrightAssertions.assertThat(row).hasCount(1);

		RuleTemplate added = template(name);
		assertThat(added.retired()).isFalse();
		assertThat(audited("rule-template.added", added.slug())).isTrue();

		this.page.locator("vaadin-button.template-retire[data-template='" + added.slug() + "']").click();
		PlaywrightAssertions.assertThat(this.page.locator("#rule-templates")).containsText("retired");
		assertThat(template(name).retired()).isTrue();
		assertThat(audited("rule-template.retired", added.slug())).isTrue();
	}

	private RuleTemplate template(String name) {
		return this.db
			.select(DSL.field("id", java.util.UUID.class), DSL.field("slug", String.class),
					DSL.field("description", String.class), DSL.field("rule_text", String.class),
					DSL.field("retired", Boolean.class), DSL.field("version", Long.class))
			.from(DSL.table("rule_template"))
			.where(DSL.field("name", String.class).eq(name))
			.fetchOne(r -> new RuleTemplate(new RuleTemplateId(r.value1()), r.value2(),
					new RuleTemplateData(name, r.value3(), r.value4()), r.value5(), r.value6()));
	}

	private boolean audited(String action, String slug) {
		return this.db.fetchExists(DSL.selectOne()
			.from(DSL.table("audit_log"))
			.where(DSL.field("action", String.class).eq(action))
			.and(DSL.field("subject", String.class).eq("rule template " + slug)));
	}

}
