package com.yieldpilot;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(YieldPilotApplication.class);

	@Test
	void modulesHaveNoCyclesAndNoReachIntoInternals() {
		this.modules.verify();
	}

	@Test
	void foundationModulesExist() {
		assertThat(this.modules.stream().map(m -> m.getIdentifier().toString())).contains("platform", "identity",
				"shell");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
