package com.yieldpilot.rules.internal.templates;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import com.yieldpilot.rules.RuleTemplate;
import com.yieldpilot.rules.RuleTemplateData;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The template library starts with every example rule, once, and a later start keeps what
 * admins changed.
 */
class TemplateSeederIT extends ApplicationIT {

	@Autowired
	RuleTemplateStore store;

	@Autowired
	TemplateSeeder seeder;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void everyExampleIsATemplateWithItsCommentAsDescription() throws IOException {
		long examples;
		try (Stream<Path> files = Files.list(Path.of("rules/examples"))) {
			examples = files.filter(f -> f.toString().endsWith(".rule")).count();
		}
		assertThat(this.store.all().stream().filter(t -> t.slug().startsWith("example-"))).hasSize((int) examples);
		assertThat(seeded("example-chase-usdc-yield").data()).satisfies(data -> {
			assertThat(data.name()).isEqualTo("Chase USDC yield");
			assertThat(data.description()).startsWith("The architecture's example: leave Aave for Morpho");
			assertThat(data.text()).contains("move 100% from aave-v3:base:USDC to morpho:base:USDC-prime");
		});
	}

	@Test
	void seedingAgainAddsNothingAndKeepsAnAdminsEdit() throws Exception {
		RuleTemplate risk = seeded("example-risk-exit");
		RuleTemplateData edited = new RuleTemplateData("Risk exit (reviewed)", "Edited by an admin",
				risk.data().text());
		this.transactions.executeWithoutResult(s -> this.store.update(risk.id(), risk.version(), edited));
		int before = this.store.all().size();

		this.seeder.run(new DefaultApplicationArguments());

		assertThat(this.store.all()).hasSize(before);
		assertThat(seeded("example-risk-exit").data()).isEqualTo(edited);
	}

	private RuleTemplate seeded(String slug) {
		return this.store.all().stream().filter(t -> t.slug().equals(slug)).findFirst().orElseThrow();
	}

}
