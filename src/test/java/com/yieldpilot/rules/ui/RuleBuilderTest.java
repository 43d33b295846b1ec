package com.yieldpilot.rules.ui;

import java.util.List;
import java.util.stream.Stream;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import com.yieldpilot.rules.lang.Mode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The builder's form on its own: setting its fields and clicking its buttons changes the
 * rule's canonical text the way the farmer expects.
 */
@ViewPackages(classes = RuleBuilder.class)
class RuleBuilderTest extends BrowserlessTest {

	private static final String WATCH = """
			rule "Watch Aave"
			when
			  apy(aave-v3:base:USDC) < 4%
			then
			  notify "Aave USDC pays less than 4%"
			""";

	private final RuleBuilder builder = new RuleBuilder(new FixedChoices());

	private RuleDraft draft;

	@BeforeEach
	void edit() {
		this.draft = RuleDraft.of(RuleDraftTest.parse(WATCH));
		this.builder.edit(this.draft);
		com.vaadin.flow.component.UI.getCurrent().add(this.builder);
	}

	@Test
	void renamingAndChoosingLiveModeChangeTheText() {
		test(this.builder.name).setValue("Watch Aave closely");
		@SuppressWarnings("unchecked")
		Select<Mode> mode = (Select<Mode>) find("builder-mode");
		test(mode).selectItem("live");

		assertThat(this.draft.text())
			.isEqualTo(WATCH.replace("Watch Aave", "Watch Aave closely") + "options mode live\n");
	}

	@Test
	void aBadScheduleIsMarkedAndChangesNothing() {
		test(this.builder.schedule).setValue("every 7m");
		assertThat(this.builder.schedule.isInvalid()).isTrue();
		assertThat(this.builder.schedule.getErrorMessage()).contains("does not divide an hour");
		assertThat(this.draft.text()).isEqualTo(WATCH);

		test(this.builder.schedule).setValue("every day 08:30 UTC");
		assertThat(this.builder.schedule.isInvalid()).isFalse();
		assertThat(this.draft.text()).startsWith("rule \"Watch Aave\"\nevery day 08:30 UTC\nwhen\n");
	}

	@Test
	void negatingTheConditionAndAddingAnActionByButton() {
		test(button("toggle-not")).click();
		test(button("add-action")).click();

		assertThat(this.draft.when.children).singleElement().isInstanceOf(ConditionDraft.Negated.class);
		assertThat(this.draft.actions).hasSize(2);
		// the new move has no pools yet: the draft says so instead of guessing
		assertThat(this.draft.actions.get(1).kind).isEqualTo(ActionDraft.Kind.MOVE);
		this.draft.actions.get(1).pool = "aave-v3:base:USDC";
		this.draft.actions.get(1).to = "morpho:base:USDC-prime";
		assertThat(this.draft.text()).contains("not apy(aave-v3:base:USDC) < 4%")
			.contains("  move 100% from aave-v3:base:USDC to morpho:base:USDC-prime\n");
	}

	private Button button(String className) {
		return $(Button.class).all().stream().filter(b -> b.hasClassName(className)).findFirst().orElseThrow();
	}

	private com.vaadin.flow.component.Component find(String id) {
		return Stream.of(this.builder)
			.flatMap(RuleBuilderTest::descendants)
			.filter(c -> c.getId().filter(id::equals).isPresent())
			.findFirst()
			.orElseThrow();
	}

	private static Stream<com.vaadin.flow.component.Component> descendants(com.vaadin.flow.component.Component c) {
		return Stream.concat(Stream.of(c), c.getChildren().flatMap(RuleBuilderTest::descendants));
	}

	/** The catalog's choices for a small market, without a database. */
	static final class FixedChoices extends BuilderChoices {

		FixedChoices() {
			super(null, null);
		}

		@Override
		List<String> metrics() {
			return List.of("apy", "tvl", "risk", "gas");
		}

		@Override
		Stream<String> pools(String filter, int offset, int limit) {
			return Stream.of("aave-v3:base:USDC", "morpho:base:USDC-prime")
				.filter(p -> p.contains(filter))
				.skip(offset)
				.limit(limit);
		}

		@Override
		Stream<String> subjects(String filter, int offset, int limit) {
			return pools(filter, offset, limit);
		}

		@Override
		List<String> tokens() {
			return List.of("USDC");
		}

	}

}
