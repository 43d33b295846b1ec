package com.yieldpilot.market;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Extending the registry over REST: admins only, every field checked with an error per
 * field, optimistic locking on edits, and an audit entry per change.
 */
class PoolRegistryAdminIT extends ApplicationIT {

	private static final String AAVE_POOL = "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5";

	private static final String USDC = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";

	private static final String FEED = "0x7e860098F58bBFC8648a4311b374B1D669a2bc6B";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFarmerCannotReadOrChangeTheRegistryAndAnonymousCallersAreAskedForAToken() {
		String id = newId();
		String farmer = credentials().farmerToken();

		assertThat(http().post("/api/v1/admin/pools", farmer, aaveEntry(id)).statusCode()).isEqualTo(403);
		assertThat(http().put("/api/v1/admin/pools/" + id, farmer, aaveEntry(id)).statusCode()).isEqualTo(403);
		assertThat(http().get("/api/v1/admin/pools", farmer).statusCode()).isEqualTo(403);
		assertThat(http().post("/api/v1/admin/pools", null, aaveEntry(id)).statusCode()).isEqualTo(401);
		assertThat(http().get("/api/v1/admin/pools/" + id, admin()).statusCode()).as("nothing was stored")
			.isEqualTo(404);
	}

	@Test
	void anAdminAddsAPoolThatIsThenARegistryPoolMaintainedByAdmins() {
		String id = newId();

		HttpResponse<String> created = http().post("/api/v1/admin/pools", admin(), aaveEntry(id));

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/admin/pools/" + id);
		JsonNode body = this.json.readTree(created.body());
		assertThat(body.get("kind").asString()).isEqualTo("aave-v3");
		assertThat(body.get("contract").asString()).as("stored in checksum form").isEqualTo(AAVE_POOL);
		assertThat(body.get("origin").asString()).isEqualTo("REGISTRY");
		assertThat(body.get("managedBy").asString()).isEqualTo("ADMIN");
		JsonNode pool = this.json.readTree(http().get("/api/v1/pools/" + id, credentials().farmerToken()).body());
		assertThat(pool.get("origin").asString()).isEqualTo("REGISTRY");
		assertThat(audits("market.registry.added", id)).isEqualTo(1);
	}

	@Test
	void anInvalidPoolIsRefusedWithAnErrorPerFieldAndNothingIsStored() {
		String id = newId();
		String mistyped = AAVE_POOL.substring(0, 10) + "d" + AAVE_POOL.substring(11);
		String entry = """
				{"id": "%s", "kind": "aave-v3", "contract": "%s", "priceFeed": "feed", "defiLlamaId": "x"}"""
			.formatted(id, mistyped);

		HttpResponse<String> refused = http().post("/api/v1/admin/pools", admin(), entry);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> t.contains("problem+json"));
		JsonNode errors = this.json.readTree(refused.body()).get("errors");
		assertThat(errors.valueStream().map(e -> e.get("field").asString())).containsExactlyInAnyOrder("contract",
				"priceFeed", "defiLlamaId", "assetDecimals", "asset");
		assertThat(errors.valueStream().filter(e -> e.get("field").asString().equals("contract"))).singleElement()
			.satisfies(e -> assertThat(e.get("message").asString()).contains("EIP-55"));
		assertThat(http().get("/api/v1/admin/pools/" + id, admin()).statusCode()).isEqualTo(404);
	}

	@Test
	void addingAnIdThatExistsIsAConflict() {
		String id = newId();
		assertThat(http().post("/api/v1/admin/pools", admin(), aaveEntry(id)).statusCode()).isEqualTo(201);

		HttpResponse<String> again = http().post("/api/v1/admin/pools", admin(), aaveEntry(id));

		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("registered already");
	}

	@Test
	void anEditNamesTheVersionItReadAndAStaleOneIsRefused() {
		String id = newId();
		long version = this.json.readTree(http().post("/api/v1/admin/pools", admin(), aaveEntry(id)).body())
			.get("version")
			.asLong();

		HttpResponse<String> changed = http().put("/api/v1/admin/pools/" + id, admin(), """
				{"name": "Aave v3 USDC (reviewed)", "kind": "aave-v3", "contract": "%s", "asset": "%s",
				 "assetDecimals": 6, "priceFeed": "%s", "stablecoin": true, "version": %d}""".formatted(AAVE_POOL, USDC,
				FEED, version));
		HttpResponse<String> stale = http().put("/api/v1/admin/pools/" + id, admin(), """
				{"kind": "none", "version": %d}""".formatted(version));
		HttpResponse<String> unversioned = http().put("/api/v1/admin/pools/" + id, admin(), """
				{"kind": "none"}""");

		assertThat(changed.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(changed.body());
		assertThat(body.get("name").asString()).isEqualTo("Aave v3 USDC (reviewed)");
		assertThat(body.get("priceFeed").asString()).isEqualTo(FEED);
		assertThat(body.get("version").asLong()).isEqualTo(version + 1);
		assertThat(stale.statusCode()).isEqualTo(409);
		assertThat(stale.body()).contains("changed since version " + version);
		assertThat(unversioned.statusCode()).isEqualTo(400);
		assertThat(unversioned.body()).contains("version");
		assertThat(this.json.readTree(http().get("/api/v1/admin/pools/" + id, admin()).body()).get("name").asString())
			.isEqualTo("Aave v3 USDC (reviewed)");
		assertThat(audits("market.registry.changed", id)).isEqualTo(1);
	}

	@Test
	void editingAnUnknownPoolIsNotFoundAndASimulatedOneIsNotTheRegistrys() {
		assertThat(http().put("/api/v1/admin/pools/" + newId(), admin(), """
				{"kind": "none", "version": 0}""").statusCode()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http().get("/api/v1/admin/pools/aave-v3:base:USDC", admin()).statusCode() == 200);

		HttpResponse<String> simulated = http().put("/api/v1/admin/pools/aave-v3:base:USDC", admin(), """
				{"kind": "none", "version": 0}""");

		assertThat(simulated.statusCode()).isEqualTo(409);
		assertThat(simulated.body()).contains("simulated");
	}

	@Test
	void theRegistryListShowsEveryPoolWithItsOrigin() {
		String id = newId();
		http().post("/api/v1/admin/pools", admin(), aaveEntry(id));

		JsonNode page = this.json.readTree(http().get("/api/v1/admin/pools?limit=1000", admin()).body());

		assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(page.get("items").size());
		assertThat(page.get("items").valueStream().filter(p -> p.get("id").asString().equals(id))).singleElement()
			.satisfies(p -> assertThat(p.get("origin").asString()).isEqualTo("REGISTRY"));
	}

	private String admin() {
		return credentials().adminToken();
	}

	private int audits(String action, String subject) {
		return this.jdbc.sql("select count(*) from audit_log where action = ? and subject = ?")
			.params(action, subject)
			.query(Integer.class)
			.single();
	}

	private static String newId() {
		return PoolId.parse("t" + UUID.randomUUID().toString().substring(0, 8) + ":base:USDC").toString();
	}

	private static String aaveEntry(String id) {
		return """
				{"id": "%s", "name": "Aave v3 USDC", "kind": "aave-v3", "contract": "%s", "asset": "%s",
				 "assetDecimals": 6, "stablecoin": true}""".formatted(id, AAVE_POOL.toLowerCase(), USDC);
	}

}
