package com.yieldpilot.market;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.BrowserIT;
import com.yieldpilot.support.Chromium;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real Chromium: an admin uploads a history file on the Pool history screen and
 * reads the report; a farmer sees which pools' sources disagree in the pools grid.
 */
class MarketHistoryBrowserIT extends BrowserIT {

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	MarketData market;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	@Test
	void adminUploadsAHistoryFileAndReadsTheReport() throws IOException {
		PoolId pool = PoolId.parse("ui-" + this.tag + ":base:USDC");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.ingestion.ingest(new MarketBatch(Source.SIMULATOR, now,
				List.of(new PoolDescriptor(pool, null, null, true, PoolDescriptor.Origin.REGISTRY)), List.of()));
		Instant day = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(2));
		Path file = Files.writeString(TestHomes.create("upload").resolve("history.csv"),
				"timestamp,tvlUsd,apy\n" + day + ",2500000,3.75\n" + day.plus(Duration.ofDays(1)) + ",2600000,bad\n");
		logIn(credentials().adminUsername(), credentials().adminPassword());
		this.page.locator("#navigation").getByText("Pool history").click();
		this.page.locator("#history-pool input").fill(pool.toString());
		this.page.locator("#history-pool input").press("Tab");

		upload(file);
		PlaywrightAssertions.assertThat(this.page.locator("#import-report"))
			.containsText("Nothing was imported into " + pool);
		PlaywrightAssertions.assertThat(this.page.locator("#import-report"))
			.containsText("line 3: apy is not a number: \"bad\"");

		Files.writeString(file, "timestamp,tvlUsd,apy\n" + day + ",2500000,3.75\n");
		upload(file);
		PlaywrightAssertions.assertThat(this.page.locator("#import-report"))
			.containsText("Imported the history of " + pool + " from history.csv (CSV)");
		assertThat(this.market.history(pool, Metric.APY, day, day.plusSeconds(1))).extracting(MetricSample::value)
			.containsExactly(3.75);
	}

	@Test
	void farmerSeesWhichPoolsSourcesDisagree() {
		PoolId pool = PoolId.parse("ui-" + this.tag + ":base:DAI");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (Source source : List.of(Source.DEFILLAMA, Source.CHAIN)) {
			this.ingestion.ingest(new MarketBatch(source, now,
					List.of(new PoolDescriptor(pool, null, null, true, PoolDescriptor.Origin.REGISTRY)),
					List.of(new MetricSample(pool.toString(), Metric.APY, now, (source == Source.CHAIN) ? 1.0 : 9.0,
							source, null))));
		}
		logIn(credentials().farmerUsername(), credentials().farmerPassword());
		this.page.locator("#navigation").getByText("Pools").click();
		this.page.locator("#pool-filter input").fill(pool.toString());
		PlaywrightAssertions.assertThat(this.page.locator("#pools")).containsText(pool.toString());
		PlaywrightAssertions.assertThat(this.page.locator("#pools .inconsistent")).hasText("sources disagree");
		assertThat(this.page.locator("#pools .inconsistent").getAttribute("title"))
			.contains("apy: DEFILLAMA 9 % vs CHAIN 1 %");
	}

	private void upload(Path file) {
		FileChooser chooser = this.page
			.waitForFileChooser(() -> this.page.locator("#history-upload vaadin-button").first().click());
		chooser.setFiles(file);
	}

}
