package com.yieldpilot.rules.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.rules.internal.compile.ConditionCompiler;
import com.yieldpilot.rules.internal.compile.DrlAllowList;
import com.yieldpilot.rules.internal.compile.DrlPreview;
import com.yieldpilot.rules.internal.compile.PreviewIntents;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.drools.model.codegen.ExecutableModelProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The admins' DRL preview of a rule: what it prints, that Drools compiles it, that it
 * matches exactly when the condition holds, and that the allow-list the fuzzer applies
 * catches anything outside the intent API.
 */
class DrlPreviewTest {

	private static final String ENGINE = "com.yieldpilot.rules.internal.engine.";

	private static final UUID RULE = UUID.fromString("3f2a1b4c-0000-4000-8000-000000000001");

	private static final String CHASE = """
			rule "Chase USDC yield\\"; System.exit(0); //"
			when
			  apy(aave-v3:base:USDC) < 4% for 2h
			  and apy(morpho:base:USDC-prime) > apy(aave-v3:base:USDC) + 1%
			  and risk(morpho:base:USDC-prime) < 0.4
			then
			  move 100% from aave-v3:base:USDC to morpho:base:USDC-prime max 50000 USDC
			options cooldown 24h, max gas 30 gwei, mode live
			""";

	@Test
	void printsTheConditionOverTermValuesAndTheIntentApiOnly() {
		String drl = preview(CHASE);

		assertThat(drl).contains("rule \"rule-" + RULE + "-v3\"")
			.contains(ENGINE + "TermValue( term == " + ENGINE
					+ "TermKey.latest(\"aave-v3:base:USDC\", \"apy\"), known, $t0 : value )")
			.contains(ENGINE + "TermValue( term == " + ENGINE
					+ "TermKey.latest(\"morpho:base:USDC-prime\", \"risk\"), known, $t2 : value, "
					+ "((($t0 < 4.0d) && intents.heldFor(\"" + RULE + "\", 0, \"PT2H\")) && ($t1 > ($t0 + 1.0d))"
					+ " && ($t2 < 0.4d)) )")
			.contains("intents.propose(\"" + RULE + "\", 3);")
			.doesNotContain("Chase", "System", "exit", "import", "eval");
		DrlAllowList.check(drl);
	}

	@Test
	void droolsCompilesThePreviewAndItMatchesExactlyWhenTheConditionHolds() {
		KieSession session = session(preview(CHASE));
		List<String> proposed = new ArrayList<>();
		session.setGlobal("intents", new PreviewIntents() {
			@Override
			public boolean heldFor(String rule, int part, String duration) {
				return true;
			}

			@Override
			public void propose(String rule, int version) {
				proposed.add(rule + ":" + version);
			}
		});
		session.insert(value(1, TermKey.latest("aave-v3:base:USDC", "apy"), 3.0));
		session.insert(value(2, TermKey.latest("morpho:base:USDC-prime", "apy"), 4.5));
		var risk = session.insert(value(3, TermKey.latest("morpho:base:USDC-prime", "risk"), 0.5));
		session.fireAllRules();
		assertThat(proposed).as("risk 0.5 is not < 0.4").isEmpty();

		session.delete(risk);
		session.insert(value(3, TermKey.latest("morpho:base:USDC-prime", "risk"), 0.2));
		session.fireAllRules();
		assertThat(proposed).containsExactly(RULE + ":3");
		session.dispose();
	}

	@Test
	void theAllowListCatchesAnythingOutsideTheIntentApi() {
		String drl = preview(CHASE);
		assertThatThrownBy(
				() -> DrlAllowList.check(drl.replace("intents.propose(", "System.exit(0); intents.propose(")))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> DrlAllowList.check(drl.replace("\"apy\"", "\"apy\\\"); x(\"")))
			.isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> DrlAllowList.check(drl + "// pwned\n")).isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> DrlAllowList.check("import java.io.File;\n" + drl)).isInstanceOf(AssertionError.class);
		assertThatThrownBy(() -> DrlAllowList.check(drl.replace("when\n", "when\n    eval( true )\n")))
			.isInstanceOf(AssertionError.class);
	}

	private static String preview(String text) {
		ParseResult.Parsed parsed = (ParseResult.Parsed) RuleParser.parse(text);
		return DrlPreview.print(RULE, 3, ConditionCompiler.compile(parsed.rule().when()));
	}

	private static TermValue value(int key, TermKey term, double value) {
		TermValue fact = new TermValue(key, term);
		fact.set(Reading.of(value, Instant.parse("2026-11-21T00:00:00Z")));
		return fact;
	}

	private static KieSession session(String drl) {
		KieServices services = KieServices.Factory.get();
		KieFileSystem files = services.newKieFileSystem();
		files.write("src/main/resources/com/yieldpilot/preview/preview.drl", drl);
		KieBuilder builder = services.newKieBuilder(files).buildAll(ExecutableModelProject.class);
		assertThat(builder.getResults().getMessages(Message.Level.ERROR)).as(drl).isEmpty();
		KieContainer container = services.newKieContainer(builder.getKieModule().getReleaseId());
		return container.newKieSession();
	}

}
