package com.yieldpilot.risk.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.FileChooser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.internal.model.DriftBaseline;
import com.yieldpilot.risk.internal.model.IsotonicCalibration;
import com.yieldpilot.support.BrowserIT;
import com.yieldpilot.support.TestHomes;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.risk.internal.db.Tables.RISK_INCIDENT;
import static com.yieldpilot.risk.internal.db.Tables.RISK_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's model page in a real Chromium: a version's reliability diagram is drawn by
 * ECharts from the bins the registry stored with it, with the diagonal; an incident list
 * is imported by upload. The version is stored as rejected, so the shared node keeps
 * serving the heuristic.
 */
class RiskModelsBrowserIT extends BrowserIT {

	/** Two empty bins among eight with pool-days. */
	private static final List<double[]> BINS = List.of(new double[] { 0.05, 0.04, 120 },
			new double[] { 0.15, 0.18, 300 }, new double[] { 0.25, 0.22, 410 }, new double[] { 0.35, 0.38, 380 },
			new double[] { 0.45, 0.41, 260 }, new double[] { 0.55, 0.6, 150 }, new double[] { 0.65, 0.7, 90 },
			new double[] { 0.75, 0.72, 40 }, new double[] { 0, 0, 0 }, new double[] { 0, 0, 0 });

	/** The drawn bins (score, rate) and whether the diagonal runs from (0,0) to (1,1). */
	private static final String DRAWN = """
			() => {
			  const chart = document.querySelector('#risk-reliability')?.chart;
			  if (!chart) return null;
			  const series = chart.getOption().series;
			  const diagonal = series.find(s => s.name === 'diagonal');
			  const bins = series.find(s => s.name === 'bins');
			  return { diagonal: JSON.stringify(diagonal?.data), bins: bins ? bins.data.length : 0,
			           first: bins && bins.data.length ? bins.data[0].slice(0, 2).join(',') : '' };
			}""";

	@Autowired
	RiskRepository repository;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DSLContext db;

	private int version;

	@AfterEach
	void removeTheVersionAndIncidents() {
		this.db.deleteFrom(RISK_MODEL).where(RISK_MODEL.VERSION.eq(this.version)).execute();
		// the shared node scores without incidents for the other tests
		this.db.deleteFrom(RISK_INCIDENT).execute();
	}

	@Test
	void importsAnIncidentListAndSaysWhatItCouldNotRead() throws IOException {
		Path folder = TestHomes.create("incidents");
		Path list = Files.writeString(folder.resolve("incidents.json"),
				"""
						[{"date":"20250807","name":"ZKPanther","type":"Governance Attack","Lost":5120000.0,"lossType":"ZKP","chain":"Base"},
						 {"date":"20250804","name":"Nereus","type":"Proxy Upgrade Attack","Lost":23760.0,"lossType":"USD","chain":"Ethereum"}]
						""");
		Path broken = Files.writeString(folder.resolve("broken.json"), """
				[{"date":"2025-02-30","name":"Nowhere","type":"Exploit","Lost":1,"lossType":"USD","chain":"Base"}]
				""");
		logInAsAdmin();
		this.page.navigate(baseUrl() + "/risk-models");
		PlaywrightAssertions.assertThat(this.page.locator("#risk-incidents")).containsText("No incident list imported");

		upload(list);
		PlaywrightAssertions.assertThat(this.page.locator("#risk-incidents-report"))
			.hasText("2 incidents read, 2 new, 2 known.");
		PlaywrightAssertions.assertThat(this.page.locator("#risk-incidents"))
			.containsText("2 incidents known, the newest on 2025-08-07 (ZKPanther).");

		upload(broken);
		PlaywrightAssertions.assertThat(this.page.locator("#risk-incidents-report"))
			.containsText("Nothing was imported:");
		PlaywrightAssertions.assertThat(this.page.locator("#risk-incidents-report"))
			.containsText("incident 0 (Nowhere): '2025-02-30' is not a date");
		assertThat(this.db.fetchCount(RISK_INCIDENT)).isEqualTo(2);
	}

	private void upload(Path file) {
		FileChooser chooser = this.page
			.waitForFileChooser(() -> this.page.locator("#risk-incidents-upload vaadin-button").first().click());
		chooser.setFiles(file);
	}

	@Test
	void drawsTheChosenVersionsReliabilityDiagramWithTheDiagonal() {
		this.transactions.executeWithoutResult(status -> {
			this.version = this.repository.nextVersion();
			LocalDate day = LocalDate.of(2025, 5, 1);
			ModelVersion entry = new ModelVersion(this.version, "REJECTED", Instant.now(), "rejected for the test", day,
					day.minusDays(300), day.minusDays(90), day.minusDays(89), day.minusDays(29), day.minusDays(28), day,
					day.minusDays(29), List.of("apy"), "test", "test", 1000, 1750, 0.71, 0.21, 0.034, 0.31, BINS);
			this.repository.insert(entry,
					new RiskRepository.Fitted(new byte[] { 0 },
							new IsotonicCalibration(new double[] { 0 }, new double[] { 0 }), null, null),
					null, new DriftBaseline(Map.of(), Map.of()), 100);
		});
		logInAsAdmin();

		this.page.navigate(baseUrl() + "/risk-models");
		this.page.locator("#risk-models")
			.getByText("v" + this.version, new Locator.GetByTextOptions().setExact(true))
			.click();
		PlaywrightAssertions.assertThat(this.page.locator("#risk-reliability-caption"))
			.containsText("v" + this.version + " on 2025-04-03 to 2025-05-01");
		PlaywrightAssertions.assertThat(this.page.locator("#risk-reliability-caption"))
			.containsText("Validated as trained with data up to 2025-04-02, before these outcomes were known; "
					+ "the version scores as refitted with data up to 2025-05-01.");
		PlaywrightAssertions.assertThat(this.page.locator("#risk-reliability-caption")).containsText("ECE 0.034");
		this.page.waitForFunction("() => { const d = (" + DRAWN + ")(); return d && d.bins === 8; }");
		@SuppressWarnings("unchecked")
		Map<String, Object> drawn = (Map<String, Object>) this.page.evaluate(DRAWN);
		assertThat(drawn).containsEntry("diagonal", "[[0,0],[1,1]]").containsEntry("first", "0.05,0.04");
	}

}
