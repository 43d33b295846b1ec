package com.yieldpilot.risk.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.Incident;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static com.yieldpilot.identity.internal.db.Tables.AUDIT_LOG;
import static com.yieldpilot.risk.internal.db.Tables.RISK_INCIDENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins import an incident list in DeFiHackLabs' format; its new entries are stored
 * once, audited, and the next scoring pass computes the incident features from them.
 */
class IncidentsIT extends ApplicationIT {

	private static final String PATH = "/api/v1/admin/risk/incidents";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Incidents incidents;

	@Autowired
	RiskScoring scoring;

	/** A fresh Aave pool with 30 days of daily rollups up to today. */
	private PoolId pool;

	@BeforeEach
	void aPoolWithHistory() {
		this.pool = PoolsWithHistory.create(this.dsl, "aave-v3", 30);
	}

	@AfterEach
	void forgetTheIncidents() {
		// the shared node scores without incidents for the other tests
		this.dsl.deleteFrom(RISK_INCIDENT).execute();
	}

	@Test
	void importsNewIncidentsOnceAuditedAndScoringUsesThem() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String list = "[" + entry(today.minusDays(3), "Aave", 2_000_000, "USD") + ","
				+ entry(today.minusDays(10), "SomeBridge", 3_000_000, "USDC") + ","
				+ entry(today.minusDays(12), "OtherDex", 329, "ETH") + ","
				+ entry(today.minusDays(400), "Aave", 1_000, "USD") + "]";
		List<Incident> before = this.incidents.current();
		assertThat(before).isEmpty();

		HttpResponse<String> first = http().post(PATH, credentials().adminToken(), list);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
		JsonNode imported = this.json.readTree(first.body());
		assertThat(imported.get("read").asInt()).isEqualTo(4);
		assertThat(imported.get("added").asInt()).isEqualTo(4);
		assertThat(imported.get("known").asLong()).isEqualTo(4);
		JsonNode again = this.json.readTree(http().post(PATH, credentials().adminToken(), list).body());
		assertThat(again.get("added").asInt()).as("a list imported again adds nothing").isZero();
		assertThat(again.get("known").asLong()).isEqualTo(4);
		assertThat(this.dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("risk.incidents.imported")))
			.isGreaterThanOrEqualTo(2);

		List<Incident> stored = this.incidents.current();
		assertThat(stored).hasSize(4).isNotSameAs(before);
		assertThat(stored.get(0).date()).isEqualTo(today.minusDays(400));
		assertThat(stored).filteredOn(i -> i.name().equals("OtherDex"))
			.singleElement()
			.satisfies(i -> assertThat(i.lossUsd()).as("a loss in ETH stays unknown").isNaN());
		assertThat(this.incidents.current()).as("the same list object while nothing changes").isSameAs(stored);

		float[] features = this.scoring.score(List.of(this.pool)).get(0).features();
		assertThat(features).as("the pool has a feature row").isNotNull();
		assertThat(features[Feature.DAYS_OF_HISTORY.ordinal()]).as("scored from its history").isGreaterThan(20);
		assertThat(features[Feature.MARKET_INCIDENTS_30D.ordinal()]).isEqualTo(3f);
		assertThat(features[Feature.MARKET_LOSS_30D.ordinal()]).as("only dollar losses count")
			.isEqualTo((float) Math.log10(5_000_001));
		assertThat(features[Feature.PROTOCOL_INCIDENTS_365D.ordinal()]).as("aave-v3 is Aave's; the older one is out")
			.isEqualTo(1f);
	}

	@Test
	void refusesAListItCannotReadAndStoresNothing() {
		HttpResponse<String> notJson = http().post(PATH, credentials().adminToken(), "[{\"date\":");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(notJson.body()).contains("not valid JSON");

		String badDate = "[" + entry(LocalDate.of(2025, 1, 2), "Fine", 1, "USD")
				+ ",{\"date\":\"2025-13-40\",\"name\":\"Broken\",\"type\":\"Exploit\",\"Lost\":1,\"lossType\":\"USD\","
				+ "\"chain\":\"Ethereum\"}]";
		HttpResponse<String> bad = http().post(PATH, credentials().adminToken(), badDate);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("incident 1 (Broken)").contains("use YYYYMMDD or YYYY-MM-DD");
		assertThat(this.dsl.fetchCount(RISK_INCIDENT)).as("nothing of a refused list is stored").isZero();

		assertThat(http().post(PATH, credentials().farmerToken(), "[]").statusCode()).isEqualTo(403);

		// streamed, so only the bounded read can tell: one byte over the limit
		byte[] oversized = ("[" + " ".repeat(RiskController.MAX_INCIDENT_BYTES - 1) + "]")
			.getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> tooLarge = http().postChunked(PATH, credentials().adminToken(), "application/json",
				oversized);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(tooLarge.body()).contains("at most 20 MB");
	}

	private static String entry(LocalDate day, String name, double lost, String unit) {
		return "{\"date\":\"" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "\",\"name\":\"" + name
				+ "\",\"type\":\"Exploit\",\"Lost\":" + lost + ",\"lossType\":\"" + unit
				+ "\",\"Contract\":\"\",\"chain\":\"Ethereum\"}";
	}

}
