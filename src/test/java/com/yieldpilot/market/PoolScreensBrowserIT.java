package com.yieldpilot.market;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.yieldpilot.market.internal.maintenance.MarketMaintenance;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.BrowserIT;
import com.yieldpilot.support.Chromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pools explorer and a pool's detail page in a real Chromium, on local mode's
 * simulated market: a filter narrows the grid, a row opens the pool, and its ECharts
 * charts are drawn with data, follow the colour scheme and the range picker.
 */
class PoolScreensBrowserIT extends BrowserIT {

	private static final String POOL = "aave-v3:arbitrum:USDC";

	/** The last line series of a chart (the value; a rollup's band comes before it). */
	private static final String DRAWN_POINTS = """
			selector => {
			  const chart = document.querySelector(selector)?.chart;
			  const series = chart ? chart.getOption().series : [];
			  return series.length ? series[series.length - 1].data.length : 0;
			}""";

	@Autowired
	MetricCatalog catalog;

	@Autowired
	MarketMaintenance maintenance;

	@BeforeEach
	void logInOnceThePoolIsThere() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.catalog.pool(PoolId.parse(POOL)).isPresent());
		logInAsFarmer();
	}

	@Test
	void filterNarrowsTheGridAndARowOpensThePoolWithItsChartsDrawn() {
		this.page.locator("#navigation").getByText("Pools").click();
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).containsText("aave-v3:base:USDC");

		choose("filter-chain", "arbitrum");
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).not().containsText("aave-v3:base:USDC");
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).containsText(POOL);

		// a minimum above the maximum is explained, and the grid keeps what it showed
		this.page.locator("#filter-max-apy input").fill("50");
		this.page.locator("#filter-min-apy input").fill("60");
		this.page.locator("#filter-min-apy input").press("Tab");
		PlaywrightAssertions.assertThat(this.page.locator("#filter-error")).containsText("is above the maximum APY");
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).containsText(POOL);
		this.page.locator("#filter-clear").click();
		// wait for the server's answer to the clear, or it can empty the chain box after
		// it is typed into again
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).containsText("aave-v3:base:USDC");
		PlaywrightAssertions.assertThat(this.page.locator("#filter-chain input")).hasValue("");
		PlaywrightAssertions.assertThat(this.page.locator("#filter-error")).isHidden();

		choose("filter-chain", "arbitrum");
		this.page.locator("#pools")
			.getByText(POOL, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true))
			.click();
		this.page.waitForURL(url -> url.contains("/pools/") && url.contains("arbitrum"));

		PlaywrightAssertions.assertThat(this.page.locator("#pool-id")).hasText(POOL);
		PlaywrightAssertions.assertThat(this.page.locator("#pool-origin")).hasText("simulated");
		PlaywrightAssertions.assertThat(this.page.locator("#pool-chain")).hasText("chain arbitrum");
		PlaywrightAssertions.assertThat(this.page.locator("#pool-stablecoin")).hasText("stablecoin");
		assertDrawn("#apy-chart");
		assertDrawn("#tvl-chart");
		PlaywrightAssertions.assertThat(this.page.locator("#pool-sources")).containsText("apy");
		PlaywrightAssertions.assertThat(this.page.locator("#pool-sources")).containsText("simulator");
		// the rules module registers its editor, so the page offers to start a rule there
		PlaywrightAssertions.assertThat(this.page.locator("#new-rule")).isVisible();
	}

	@Test
	void rangePickerRedrawsFromHourlyRollupsWithTheirBand() {
		this.maintenance.run();
		openDetail();
		assertDrawn("#apy-chart");
		this.page.locator("#history-range").getByText("7 d").click();
		this.page.waitForFunction("""
				() => {
				  const chart = document.querySelector('#apy-chart').chart;
				  const series = chart.getOption().series;
				  return series.length === 3 && series[2].data.length > 0;
				}""");
	}

	@Test
	void chartFollowsTheColourScheme() {
		openDetail();
		assertDrawn("#apy-chart");
		boolean startedDark = dark();
		String before = axisLabelColour();
		toggleColourScheme();
		try {
			this.page.waitForFunction("colour => document.querySelector('#apy-chart').chart.getOption()"
					+ ".yAxis[0].axisLabel.color !== colour", before);
			String after = axisLabelColour();
			assertThat(dark()).isNotEqualTo(startedDark);
			String inDark = startedDark ? before : after;
			String inLight = startedDark ? after : before;
			assertThat(brightness(inDark)).as("labels: %s in the dark scheme, %s in the light one", inDark, inLight)
				.isGreaterThan(brightness(inLight) + 50);
		}
		finally {
			// the choice is stored for the farmer: leave it as the other tests found it
			toggleColourScheme();
			this.page.waitForCondition(() -> dark() == startedDark);
		}
	}

	@Test
	void unknownOrMalformedPoolIdGetsAFriendlyPage() {
		this.page.navigate(baseUrl() + "/pools/nowhere:base:USDC");
		PlaywrightAssertions.assertThat(this.page.locator("#pool-not-found"))
			.containsText("YieldPilot knows no pool 'nowhere:base:USDC'");
		this.page.navigate(baseUrl() + "/pools/not-a-pool");
		PlaywrightAssertions.assertThat(this.page.locator("#pool-not-found")).containsText("is not a pool id");
		PlaywrightAssertions.assertThat(this.page.locator("body")).not().containsText("Exception");
	}

	@Test
	void theDetailPageStartsARuleForThePoolInTheRuleEditor() {
		openDetail();
		this.page.locator("#new-rule").click();
		this.page.waitForURL(url -> url.contains("/rules/new"));
		this.page
			.waitForFunction("() => (document.querySelector('#rule-text')?.value || '').includes('apy(" + POOL + ")')");
		assertThat((String) this.page.evaluate("() => document.querySelector('#rule-text').value"))
			.contains("rule \"Watch " + POOL + "\"");
	}

	/** Types into a combo box and picks the item from its overlay, as a user does. */
	private void choose(String comboBox, String value) {
		this.page.locator("#" + comboBox + " input").fill(value);
		this.page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(value)).first().click();
		PlaywrightAssertions.assertThat(this.page.locator("#" + comboBox + " input")).hasValue(value);
	}

	private void openDetail() {
		this.page.navigate(baseUrl() + "/pools/" + POOL);
		PlaywrightAssertions.assertThat(this.page.locator("#pool-id")).hasText(POOL);
	}

	private void assertDrawn(String chart) {
		this.page.waitForFunction("selector => (" + DRAWN_POINTS + ")(selector) > 0", chart);
		assertThat(((Number) this.page.evaluate(DRAWN_POINTS, chart)).intValue()).isPositive();
	}

	private boolean dark() {
		return String.valueOf(this.page.evaluate("() => document.documentElement.getAttribute('theme') || ''"))
			.contains("dark");
	}

	private String axisLabelColour() {
		return (String) this.page
			.evaluate("() => document.querySelector('#apy-chart').chart.getOption().yAxis[0].axisLabel.color");
	}

	/** The mean of a CSS rgb()/rgba() colour's red, green and blue. */
	private static double brightness(String colour) {
		String[] parts = colour.replaceAll("[^0-9.,]", "").split(",");
		return (Double.parseDouble(parts[0]) + Double.parseDouble(parts[1]) + Double.parseDouble(parts[2])) / 3;
	}

	private void toggleColourScheme() {
		this.page.locator("#user-menu vaadin-menu-bar-button").first().click();
		this.page.locator("#menu-color-scheme").click();
	}

}
