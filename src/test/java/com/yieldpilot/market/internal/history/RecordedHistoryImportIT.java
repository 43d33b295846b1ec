package com.yieldpilot.market.internal.history;

import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import com.yieldpilot.market.HistoryImportReport;
import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real recorded DefiLlama charts (2.5 years, daily; see
 * {@link RecordedHistoryConformanceTest}) imported into the real database: every accepted
 * point ends up in the daily rollups (the last days as raw samples too, the rest beyond
 * the raw retention as rollups only), and a second import adds nothing.
 */
class RecordedHistoryImportIT extends ApplicationIT {

	@Autowired
	HistoryImport historyImport;

	@Autowired
	PoolRegistry registry;

	@Autowired
	MarketData market;

	@Autowired
	TransactionTemplate transactions;

	@BeforeAll
	static void requireTheRecordedData() {
		if (!Files.isDirectory(RecordedHistoryConformanceTest.DATA)) {
			String message = "recorded DefiLlama charts not found at "
					+ RecordedHistoryConformanceTest.DATA.toAbsolutePath().normalize() + ", NOT imported";
			System.err.println("!!!!!!!! RecordedHistoryImportIT SKIPPED: " + message + " !!!!!!!!");
			Assumptions.abort(message);
		}
	}

	@Test
	void everyAcceptedPointOfARecordedChartIsInTheDailyRollupsOnce() throws Exception {
		for (String chart : RecordedHistoryConformanceTest.CHARTS) {
			PoolId pool = PoolId.parse("recorded-" + UUID.randomUUID().toString().substring(0, 6) + ":ethereum:"
					+ chart.substring(0, 8).toUpperCase(Locale.ROOT));
			// without the chart's DefiLlama id: other tests register the recorded pools
			// under it
			this.transactions.executeWithoutResult(status -> this.registry
				.register(new PoolDescriptor(pool, null, null, false, PoolDescriptor.Origin.REGISTRY)));

			HistoryImportReport report = importChart(pool, chart);
			assertThat(report.imported()).as(chart).isTrue();
			assertThat(report.rowsAccepted() + report.skippedCount()).isEqualTo(882);

			var days = this.market.history(pool, Metric.APY, Resolution.DAY,
					report.firstAt().truncatedTo(ChronoUnit.DAYS), report.lastAt().plusSeconds(1));
			assertThat(days.stream().mapToInt(HistoryPoint::samples).sum()).as("every accepted APY, once")
				.isEqualTo(report.rowsAccepted());
			assertThat(days.get(0).at()).isEqualTo(Instant.parse("2023-04-13T00:00:00Z"));

			HistoryImportReport again = importChart(pool, chart);
			assertThat(again.samplesStored()).isZero();
			assertThat(again.samplesAlreadyStored()).isEqualTo(report.samplesStored());
		}
	}

	private HistoryImportReport importChart(PoolId pool, String chart) throws Exception {
		try (InputStream in = Files.newInputStream(RecordedHistoryConformanceTest.chart(chart))) {
			return this.historyImport.importFile(pool.toString(), "chart.json", in, null);
		}
	}

}
