package com.yieldpilot.rules.lang;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any tree prints to a text that parses back to the same tree, and that text is a fixed
 * point of printing: the visual builder saves through the printer and loses nothing.
 */
class RoundTripProperties {

	@Property(tries = 1000)
	void printedTreesParseBackToTheSameTree(@ForAll("rules") RuleSyntax rule) {
		String text = RulePrinter.print(rule);

		ParseResult parsed = RuleParser.parse(text);

		assertThat(parsed).as(text).isInstanceOf(ParseResult.Parsed.class);
		RuleSyntax back = ((ParseResult.Parsed) parsed).rule();
		assertThat(back).as(text).isEqualTo(rule);
		assertThat(RulePrinter.print(back)).isEqualTo(text);
	}

	@Provide
	Arbitrary<RuleSyntax> rules() {
		return RuleTrees.rules();
	}

}
