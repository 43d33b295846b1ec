package com.yieldpilot.rules.lang;

import java.util.HashSet;
import java.util.Set;

import com.yieldpilot.rules.lang.grammar.RuleLanguageLexer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconTest {

	@Test
	void knowsExactlyTheGrammarsKeywords() {
		Set<String> keywords = new HashSet<>();
		for (int type = 1; type <= RuleLanguageLexer.VOCABULARY.getMaxTokenType(); type++) {
			String literal = RuleLanguageLexer.VOCABULARY.getLiteralName(type);
			if (literal != null && literal.matches("'[a-z]+'")) {
				keywords.add(literal.substring(1, literal.length() - 1));
			}
		}

		assertThat(Lexicon.KEYWORDS).isEqualTo(keywords);
		assertThat(Lexicon.KEYWORDS).containsAll(Lexicon.SOFT_KEYWORDS);
	}

	@Test
	void metricNamesAreNotKeywords() {
		for (String metric : Set.of("apy", "apyBase", "apyReward", "tvl", "utilization", "price", "gasPriority",
				"sharePrice", "risk", "balance", "position")) {
			assertThat(Lexicon.KEYWORDS).doesNotContain(metric);
		}
		assertThat(Lexicon.isName("gas")).isTrue();
	}

}
