package com.yieldpilot.rules.ui;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.yieldpilot.rules.lang.ComparisonOperator;
import com.yieldpilot.rules.lang.LiteralUnit;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.RuleSyntax;
import com.yieldpilot.rules.lang.WindowFunction;
import com.yieldpilot.rules.ui.ConditionDraft.Compare;
import com.yieldpilot.rules.ui.ConditionDraft.Group;
import com.yieldpilot.rules.ui.OperandDraft.FormulaOperand;
import com.yieldpilot.rules.ui.OperandDraft.MetricOperand;
import com.yieldpilot.rules.ui.OperandDraft.ValueOperand;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The builder's model holds a rule exactly: every example survives text → tree → builder
 * → tree → text unchanged, and each builder edit gives the canonical text a farmer would
 * have typed.
 */
class RuleDraftTest {

	private static final String CHASE = """
			rule "Chase USDC yield"
			when
			  apy(aave-v3:base:USDC) < 4% for 2h
			  and apy(morpho:base:USDC-prime) > apy(aave-v3:base:USDC) + 1%
			  and risk(morpho:base:USDC-prime) < 0.4
			then
			  move 100% from aave-v3:base:USDC to morpho:base:USDC-prime max 50000 USDC
			options cooldown 24h, max gas 30 gwei, mode live
			""";

	@TestFactory
	Stream<DynamicTest> everyExampleGoesThroughTheBuilderUnchanged() throws IOException {
		List<Path> examples;
		try (Stream<Path> files = Files.list(Path.of("rules/examples"))) {
			examples = files.filter(f -> f.toString().endsWith(".rule")).sorted().toList();
		}
		assertThat(examples).hasSizeGreaterThanOrEqualTo(10);
		return examples.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
			String text = Files.readString(file);
			RuleSyntax tree = parse(text);
			RuleSyntax again = RuleDraft.of(tree).toSyntax();
			assertThat(again).isEqualTo(tree);
			assertThat(RulePrinter.print(again)).isEqualTo(text);
		}));
	}

	@Test
	void theArchitecturesExampleKeepsItsShapeInTheBuilder() {
		RuleDraft draft = RuleDraft.of(parse(CHASE));

		assertThat(draft.when.kind).isEqualTo(Group.Kind.ALL);
		assertThat(draft.when.children).hasSize(3);
		assertThat(draft.when.children.get(0)).isInstanceOf(ConditionDraft.Held.class);
		Compare second = (Compare) draft.when.children.get(1);
		assertThat(second.left).isEqualTo(new MetricOperand(null, "apy", "morpho:base:USDC-prime", null));
		assertThat(second.right).isEqualTo(new FormulaOperand("apy(aave-v3:base:USDC) + 1%"));
		assertThat(((Compare) draft.when.children.get(2)).right)
			.isEqualTo(new ValueOperand(false, new BigDecimal("0.4"), LiteralUnit.NUMBER));
		assertThat(draft.actions.getFirst().limitUnit).isEqualTo("USDC");
	}

	@Test
	void changingAThresholdAndTheModeGivesTheCanonicalText() {
		RuleDraft draft = RuleDraft.of(parse(CHASE));
		Compare risk = (Compare) draft.when.children.get(2);
		risk.operator = ComparisonOperator.LESS_OR_EQUAL;
		risk.right = new ValueOperand(false, new BigDecimal("0.3"), LiteralUnit.NUMBER);
		draft.options = draft.options.withMode(Mode.PAPER).withCooldown(Duration.ofHours(12));

		assertThat(draft.text()).isEqualTo(CHASE.replace("< 0.4", "<= 0.3")
			.replace("cooldown 24h", "cooldown 12h")
			.replace("mode live", "mode paper"));
	}

	@Test
	void addingAnAnyOfGroupWithAWindowWritesParenthesesWhereNeeded() {
		RuleDraft draft = RuleDraft.of(parse(CHASE));
		Group any = draft.when.addGroup();
		Compare drop = any.addComparison("tvl", "morpho:base:USDC-prime");
		drop.left = new MetricOperand(WindowFunction.PCTCHANGE, "tvl", "morpho:base:USDC-prime", Duration.ofHours(1));
		drop.operator = ComparisonOperator.LESS;
		drop.right = new ValueOperand(true, new BigDecimal("30"), LiteralUnit.PERCENT);
		Compare gas = any.addComparison("gas", "base");
		gas.right = new ValueOperand(false, new BigDecimal("50"), LiteralUnit.GWEI);

		assertThat(draft.text()).contains("""
				  and risk(morpho:base:USDC-prime) < 0.4
				  and (pctchange(tvl(morpho:base:USDC-prime), 1h) < -30% or gas(base) > 50 gwei)
				then""");
	}

	@Test
	void negatingHoldingAndRemovingConditions() {
		RuleDraft draft = RuleDraft.of(parse(CHASE));
		ConditionDraft held = draft.when.children.getFirst();
		ConditionDraft plain = draft.when.toggleHeld(held, Duration.ofHours(1));
		assertThat(draft.text()).contains("when\n  apy(aave-v3:base:USDC) < 4%\n  and");

		draft.when.toggleHeld(plain, Duration.ofHours(3));
		ConditionDraft risk = draft.when.children.get(2);
		draft.when.toggleNot(risk);
		assertThat(draft.text()).contains("apy(aave-v3:base:USDC) < 4% for 3h")
			.contains("and not risk(morpho:base:USDC-prime) < 0.4");

		assertThat(draft.when.remove(((ConditionDraft.Negated) draft.when.children.get(2)).child)).isTrue();
		assertThat(draft.when.children).hasSize(2);
	}

	@Test
	void actionsAreEditedAddedAndSwitchedBetweenKinds() {
		RuleDraft draft = RuleDraft.of(parse(CHASE));
		ActionDraft move = draft.actions.getFirst();
		move.amount = new BigDecimal("50");
		move.limit = new BigDecimal("25000");
		move.limitUnit = ActionDraft.USD;
		ActionDraft notify = ActionDraft.newMove("aave-v3:base:USDC");
		notify.kind = ActionDraft.Kind.NOTIFY;
		notify.message = "Moved half to Morpho";
		draft.actions.add(notify);

		assertThat(draft.text()).contains("""
				then
				  move 50% from aave-v3:base:USDC to morpho:base:USDC-prime max $25k
				  notify "Moved half to Morpho"
				options""");
	}

	@Test
	void aScheduledRuleWithoutConditionsHasNoWhen() {
		RuleDraft draft = RuleDraft.of(parse(CHASE));
		draft.when.children.clear();
		draft.schedule = Fragments.schedule("every monday 09:00 UTC");

		assertThat(draft.text()).startsWith("rule \"Chase USDC yield\"\nevery monday 09:00 UTC\nthen\n");
	}

	@Test
	void whatCannotBeARuleIsRefusedWithWhatToFix() {
		RuleDraft draft = RuleDraft.of(parse(CHASE));
		draft.when.children.clear();
		assertThatIllegalArgumentException().isThrownBy(draft::toSyntax).withMessageContaining("conditions");

		Group empty = RuleDraft.of(parse(CHASE)).when.addGroup();
		assertThatIllegalArgumentException().isThrownBy(empty::toCondition)
			.withMessageContaining("needs at least one condition");
		assertThatIllegalArgumentException().isThrownBy(() -> Fragments.expression("apy(x) > 3"))
			.withMessageContaining("is not a value");
		assertThatIllegalArgumentException().isThrownBy(() -> Fragments.expression("1% # then withdraw"))
			.withMessageContaining("without comments");
		assertThatIllegalArgumentException().isThrownBy(() -> Fragments.schedule("every 7m"))
			.withMessageContaining("does not divide an hour");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MetricOperand(WindowFunction.AVG, "apy", "aave-v3:base:USDC", null).toExpression())
			.withMessageContaining("needs a period");
	}

	static RuleSyntax parse(String text) {
		ParseResult result = RuleParser.parse(text);
		assertThat(result).isInstanceOf(ParseResult.Parsed.class);
		return ((ParseResult.Parsed) result).rule();
	}

}
