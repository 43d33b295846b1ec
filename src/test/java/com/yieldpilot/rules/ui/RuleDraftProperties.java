package com.yieldpilot.rules.ui;

import com.yieldpilot.rules.lang.RuleSyntax;
import com.yieldpilot.rules.lang.RuleTrees;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever rule the generator makes, the builder hands it back unchanged. */
class RuleDraftProperties {

	@Property(tries = 500)
	void everyRuleSurvivesTheBuilder(@ForAll("rules") RuleSyntax rule) {
		assertThat(RuleDraft.of(rule).toSyntax()).isEqualTo(rule);
	}

	@Provide
	Arbitrary<RuleSyntax> rules() {
		return RuleTrees.rules();
	}

}
