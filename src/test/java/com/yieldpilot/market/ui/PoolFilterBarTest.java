package com.yieldpilot.market.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.yieldpilot.market.PoolFacets;
import com.yieldpilot.market.PoolFilter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter bar alone: it hands valid filters to a listener, so no service or database
 * is involved.
 */
@ViewPackages(classes = PoolFilterBar.class)
class PoolFilterBarTest extends BrowserlessTest {

	private final List<PoolFilter> applied = new ArrayList<>();

	private final PoolFilterBar bar = new PoolFilterBar(
			new PoolFacets(List.of("arbitrum", "base"), List.of("aave-v3", "morpho"), List.of("USDC", "WETH")),
			this.applied::add);

	/**
	 * Puts the bar on the test's UI, which the browserless environment creates after the
	 * test's own before-each methods.
	 */
	private void open() {
		UI.getCurrent().add(this.bar);
	}

	@Test
	void offersTheKnownChainsProtocolsAndAssets() {
		open();
		assertThat(test(this.bar.chain).getSuggestions()).containsExactly("arbitrum", "base");
		assertThat(test(this.bar.protocol).getSuggestions()).containsExactly("aave-v3", "morpho");
		assertThat(test(this.bar.asset).getSuggestions()).containsExactly("USDC", "WETH");
	}

	@Test
	void eachValidChangeAppliesTheWholeFilter() {
		open();
		test(this.bar.chain).selectItem("base");
		test(this.bar.asset).selectItem("USDC");
		test(this.bar.minApy).setValue(4.0);
		test(this.bar.maxRisk).setValue(0.4);
		test(this.bar.text).setValue("aave");

		assertThat(this.applied).hasSize(5)
			.last()
			.isEqualTo(new PoolFilter("base", null, "USDC", 4.0, null, null, 0.4, "aave"));
		assertThat(this.bar.filter()).isEqualTo(this.applied.get(4));
		assertThat(this.bar.error.isVisible()).isFalse();
	}

	@Test
	void minimumAboveMaximumIsExplainedAndKeepsTheLastFilterAndTheInput() {
		open();
		test(this.bar.minApy).setValue(6.0);
		test(this.bar.maxApy).setValue(5.0);

		assertThat(this.applied).containsExactly(new PoolFilter(null, null, null, 6.0, null, null, null, null));
		assertThat(this.bar.error.isVisible()).isTrue();
		assertThat(this.bar.error.getText()).contains("minimum APY (6.0 %) is above the maximum APY (5.0 %)");
		assertThat(this.bar.maxApy.getValue()).as("what the user typed stays").isEqualTo(5.0);

		test(this.bar.maxApy).setValue(8.0);
		assertThat(this.bar.error.isVisible()).isFalse();
		assertThat(this.applied).last().isEqualTo(new PoolFilter(null, null, null, 6.0, 8.0, null, null, null));
	}

	@Test
	void riskAboveOneIsRefusedWithTheScale() {
		open();
		// the browser lets the user type past the field's max and marks it; the server
		// gets it
		this.bar.maxRisk.setValue(1.5);
		assertThat(this.applied).isEmpty();
		assertThat(this.bar.error.getText()).contains("from 0 (safe) to 1 (risky)");
	}

	@Test
	void clearingGoesBackToEveryPool() {
		open();
		test(this.bar.chain).selectItem("arbitrum");
		test(this.bar.minTvl).setValue(1_000_000.0);
		test(this.bar.maxApy).setValue(-1.0);
		test(this.bar.minApy).setValue(2.0);
		assertThat(this.bar.error.isVisible()).isTrue();

		this.bar.getChildren()
			.flatMap(c -> c.getChildren())
			.filter(c -> c.getId().filter("filter-clear"::equals).isPresent())
			.findFirst()
			.map(com.vaadin.flow.component.button.Button.class::cast)
			.ifPresent(button -> test(button).click());

		assertThat(this.bar.filter()).isEqualTo(PoolFilter.any());
		assertThat(this.applied).last().isEqualTo(PoolFilter.any());
		assertThat(this.bar.error.isVisible()).isFalse();
		assertThat(this.bar.chain.getValue()).isNull();
	}

}
