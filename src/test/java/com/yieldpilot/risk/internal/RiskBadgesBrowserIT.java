package com.yieldpilot.risk.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskFactor;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.BrowserIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The risk badge on the market's pool screens, supplied by the risk module through the
 * market's {@code PoolRiskBadges} port: the pools grid shows a scored pool's band, score
 * and model version with the explanation as its tooltip, and the pool page shows the
 * badge and the explanation, each line with its direction. The pool's assessment is
 * stored as scoring stores it, so the test does not depend on what the model says.
 */
class RiskBadgesBrowserIT extends BrowserIT {

	private static final PoolId POOL = PoolId.parse("aave-v3:arbitrum:USDC");

	private static final List<RiskFactor> EXPLANATION = List.of(
			new RiskFactor("tvl_change_7d", -0.478, 0.21, "TVL fell 38% in 7 days: +0.21"),
			new RiskFactor("apy_volatility_7d", 0.4, 0.08, "APY moved by 0.40 points (7-day std. dev.): +0.08"),
			new RiskFactor("apy_peer_rank", 0.2, -0.03, "7-day APY ranks above 20% of its peers: -0.03"));

	@Autowired
	MetricCatalog catalog;

	@Autowired
	RiskRepository repository;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void poolsGridAndPoolPageShowTheBadgeWithItsExplanation() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.catalog.pool(POOL).isPresent());
		this.transactions.executeWithoutResult(status -> this.repository.saveScores(List
			.of(StoredScore.explained(new RiskAssessment(POOL, 0.62, 7, false, EXPLANATION, Instant.now()), null))));
		logInAsFarmer();

		this.page.navigate(baseUrl() + "/pools");
		this.page.locator("#filter-chain input").fill("arbitrum");
		this.page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("arbitrum")).first().click();
		// only this pool's row: the grid refreshes with the market and may reorder or
		// recycle rows between finding a cell and clicking it
		this.page.locator("#pool-filter input").fill(POOL.toString());
		Locator badge = this.page.locator("#pools .risk-badge", new Page.LocatorOptions().setHasText("high 0.62 · v7"));
		PlaywrightAssertions.assertThat(badge).hasCount(1);
		PlaywrightAssertions.assertThat(badge).hasClass(Pattern.compile("risk-high"));
		assertThat(badge.getAttribute("title")).isEqualTo("Scored by model v7:\n" + "TVL fell 38% in 7 days: +0.21\n"
				+ "APY moved by 0.40 points (7-day std. dev.): +0.08\n"
				+ "7-day APY ranks above 20% of its peers: -0.03");

		badge.click();
		this.page.waitForURL(url -> url.contains("/pools/") && url.contains("arbitrum") && !url.contains("USDT"));
		PlaywrightAssertions.assertThat(this.page.locator("#pool-risk")).hasText("high 0.62 · v7");
		PlaywrightAssertions.assertThat(this.page.locator("#risk-explanation li"))
			.hasText(
					new String[] { "TVL fell 38% in 7 days: +0.21", "APY moved by 0.40 points (7-day std. dev.): +0.08",
							"7-day APY ranks above 20% of its peers: -0.03" });
	}

}
