package com.yieldpilot.execution.internal;

import java.util.List;
import java.util.Map;

import com.yieldpilot.execution.GuardrailProblem;
import com.yieldpilot.execution.GuardrailRejectedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Compile errors come back with the file, line and column of the DRL they are in, whether
 * Drools' parser, its executable model or the Java compiler found them.
 */
class GuardrailCompilerTest {

	private static final String HEAD = """
			package com.yieldpilot.guardrails;
			import com.yieldpilot.execution.internal.facts.IntentFact;
			import com.yieldpilot.execution.internal.facts.PoolFact;

			""";

	private final GuardrailCompiler compiler = new GuardrailCompiler();

	@Test
	void theShippedGuardrailsCompile() {
		assertThat(this.compiler.check(ShippedGuardrails.read())).isEmpty();
	}

	@Test
	void placesASyntaxError() {
		List<GuardrailProblem> problems = this.compiler.check(Map.of("typo.drl", HEAD + """
				rule "Half a constraint"
				when
				    $intent : IntentFact( live == )
				then
				end
				"""));

		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("typo.drl");
			assertThat(problem.line()).isEqualTo(7);
			assertThat(problem.column()).as("the closing parenthesis").isEqualTo(35);
			assertThat(problem.message()).contains("no viable alternative");
		});
	}

	@Test
	void placesAnUnknownPropertyInTheFileThatNamesIt() {
		List<GuardrailProblem> problems = this.compiler.check(Map.of("fine.drl", HEAD + """
				rule "Fine"
				when
				    $intent : IntentFact( live == true )
				then
				    $intent.block("live");
				end
				""", "unknown.drl", HEAD + """
				rule "Unknown property"
				when
				    PoolFact( riskiness > 0.5 )
				then
				end
				"""));

		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("unknown.drl");
			assertThat(problem.line()).isEqualTo(7);
			assertThat(problem.column()).isEqualTo(15);
			assertThat(problem.message()).contains("riskiness");
		});
	}

	@Test
	void placesAnErrorInAConsequence() {
		List<GuardrailProblem> problems = this.compiler.check(Map.of("verdict.drl", HEAD + """
				rule "Misspelt verdict"
				when
				    $intent : IntentFact()
				then
				    $intent.blok("too risky");
				end
				"""));

		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("verdict.drl");
			assertThat(problem.line()).isEqualTo(9);
			assertThat(problem.column()).isEqualTo(5);
			assertThat(problem.message()).contains("blok(String) is undefined");
		});
	}

	@Test
	void compilingABrokenSetThrowsWithEveryProblem() {
		assertThatExceptionOfType(GuardrailRejectedException.class)
			.isThrownBy(() -> this.compiler.compile(Map.of("unknown-class.drl", HEAD + """
					rule "Unknown fact"
					when
					    Nothing( x > 1 )
					then
					end
					""")))
			.satisfies(ex -> assertThat(ex.problems()).singleElement()
				.satisfies(problem -> assertThat(problem.toString())
					.isEqualTo("unknown-class.drl:7:5: Unable to find class: Nothing")));
	}

	@Test
	void findsASnippetWhateverItsWhitespace() {
		assertThat(ProblemLocator.find("a\n  b(c,\n d)", "b(c, d)")).hasValueSatisfying(at -> {
			assertThat(at[0]).isEqualTo(2);
			assertThat(at[1]).isEqualTo(3);
		});
		assertThat(ProblemLocator.find("a", "zz")).isEmpty();
	}

}
