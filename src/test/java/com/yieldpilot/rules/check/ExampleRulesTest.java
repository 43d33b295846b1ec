package com.yieldpilot.rules.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RulePrinter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example rules in {@code rules/examples} are canonical and valid against the
 * simulated market's pools, without a warning.
 */
class ExampleRulesTest {

	static final Path EXAMPLES = Path.of("rules/examples");

	@Test
	void thereAreAtLeastTenExamples() throws IOException {
		assertThat(examples()).hasSizeGreaterThanOrEqualTo(10);
	}

	@TestFactory
	Stream<DynamicTest> eachExampleIsCanonicalAndValid() throws IOException {
		return examples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			String text = Files.readString(file);
			ParseResult result = RuleParser.parse(text);
			assertThat(result).isInstanceOf(ParseResult.Parsed.class);
			ParseResult.Parsed parsed = (ParseResult.Parsed) result;

			assertThat(RulePrinter.print(parsed.rule())).isEqualTo(text);
			assertThat(RuleValidatorTest.VALIDATOR.validate(parsed.rule(), parsed.positions(), RuleValidatorTest.PLAN))
				.isEmpty();
		}));
	}

	static List<Path> examples() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.filter(f -> f.toString().endsWith(".rule")).sorted().toList();
		}
	}

}
