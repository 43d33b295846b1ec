package com.yieldpilot.identity;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import com.yieldpilot.platform.HealthStatuses;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ApiSecurityIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	HttpCodeStatusMapper statusCodes;

	@Test
	void anonymousApiRequestIsRefusedWith401AndABearerChallenge() {
		HttpResponse<String> response = http().get("/api/v1/me", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Bearer"));
		assertThat(response.body()).contains("Authorization: Bearer");
	}

	@Test
	void anonymousViewRequestIsSentToTheLoginPage() {
		for (String view : new String[] { "/", "/tokens" }) {
			HttpResponse<String> response = http().get(view, null);
			assertThat(response.statusCode()).as(view).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(view)
				.hasValueSatisfying(l -> l.endsWith("/login"));
		}
	}

	@Test
	void loginPageIsServedAnonymously() {
		assertThat(http().get("/login", null).statusCode()).isEqualTo(200);
	}

	@Test
	void localModeTokenIdentifiesTheFarmer() {
		HttpResponse<String> response = http().get("/api/v1/me", credentials().farmerToken());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = this.json.readTree(response.body());
		assertThat(me.get("username").asString()).isEqualTo("farmer");
		assertThat(me.get("roles").toString()).contains("FARMER").doesNotContain("ADMIN");
	}

	@Test
	void unknownTokenIsRefusedNotTreatedAsAnonymous() {
		HttpResponse<String> response = http().get("/actuator/health", "yp_" + "x".repeat(43));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(v -> v.contains("invalid_token"));
	}

	@Test
	void revokedTokenStopsWorking() {
		String farmer = credentials().farmerToken();
		HttpResponse<String> created = http().post("/api/v1/tokens", farmer, "{\"name\":\"to revoke\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = this.json.readTree(created.body());
		String secret = body.get("secret").asString();
		String id = body.get("token").get("id").asString();
		assertThat(http().get("/api/v1/me", secret).statusCode()).isEqualTo(200);

		assertThat(http().delete("/api/v1/tokens/" + id, farmer).statusCode()).isEqualTo(204);

		assertThat(http().get("/api/v1/me", secret).statusCode()).isEqualTo(401);
		assertThat(this.json.readTree(http().get("/api/v1/tokens/" + id, farmer).body()).get("status").asString())
			.isEqualTo("revoked");
		assertThat(http().delete("/api/v1/tokens/" + id, farmer).statusCode()).as("revoking twice").isEqualTo(404);
	}

	@Test
	void farmerCannotReadOrRevokeAnotherFarmersToken() {
		UserAccount bob = this.accounts
			.bootstrap(new NewUser("bob-" + System.nanoTime() % 100000, "correct horse battery", Set.of(Role.FARMER)));
		IssuedApiToken bobs = this.issuer.issue(bob.id(), new ApiTokenRequest("bob's laptop", null));
		String alice = credentials().farmerToken();
		String bobTokenPath = "/api/v1/tokens/" + bobs.token().id();

		assertThat(http().get(bobTokenPath, alice).statusCode()).isEqualTo(404);
		assertThat(http().delete(bobTokenPath, alice).statusCode()).isEqualTo(404);
		assertThat(http().get("/api/v1/tokens?limit=500", alice).body()).doesNotContain(bobs.token().id().toString())
			.doesNotContain("bob's laptop");

		assertThat(http().get(bobTokenPath, bobs.secret()).statusCode()).as("bob still sees his token").isEqualTo(200);
		assertThat(http().get("/api/v1/me", bobs.secret()).statusCode()).as("and it still works").isEqualTo(200);
	}

	@Test
	void invalidTokenRequestGetsAClearProblem() {
		HttpResponse<String> response = http().post("/api/v1/tokens", credentials().farmerToken(), "{\"name\":\"\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("A token name has 1 to 80 characters");
	}

	@Test
	void aNodeThatIsDownOrNotReadyAnswers503AndADegradedOne200() {
		assertThat(this.statusCodes.getStatusCode(Status.DOWN)).isEqualTo(503);
		assertThat(this.statusCodes.getStatusCode(Status.OUT_OF_SERVICE)).isEqualTo(503);
		assertThat(this.statusCodes.getStatusCode(HealthStatuses.DEGRADED)).isEqualTo(200);
		assertThat(this.statusCodes.getStatusCode(Status.UP)).isEqualTo(200);
	}

	@Test
	void healthAnswersAnonymouslyWithoutDetailsAndAdminsSeeTheComponents() {
		// local mode answers 503 (OUT_OF_SERVICE) until the demo farmer's vault is set up
		await().atMost(Duration.ofMinutes(2)).until(() -> http().get("/actuator/health", null).statusCode() == 200);
		HttpResponse<String> anonymous = http().get("/actuator/health", null);
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(anonymous.body()).contains("\"status\":\"UP\"").doesNotContain("components", "scheduler", "db");

		JsonNode admin = this.json.readTree(http().get("/actuator/health", credentials().adminToken()).body());
		assertThat(admin.get("components").get("db").get("status").asString()).isEqualTo("UP");
		assertThat(admin.get("components").get("scheduler").get("status").asString()).isEqualTo("UP");
		JsonNode chain = admin.get("components").get("localChain");
		assertThat(chain.get("status").asString()).isEqualTo("UP");
		assertThat(chain.get("details").get("rpcUrl").asString()).startsWith("http://127.0.0.1:");
		assertThat(chain.get("details").get("chainId").asLong()).isEqualTo(31337);
		assertThat(chain.get("details").get("block").asLong()).isPositive();
		JsonNode demo = admin.get("components").get("demoVault");
		assertThat(demo.get("status").asString()).isEqualTo("UP");
		String vault = this.json.readTree(http().get("/api/v1/vaults", credentials().farmerToken()).body())
			.get(0)
			.get("address")
			.asString();
		assertThat(demo.get("details").get("vault").asString()).as("the vault a rule acts from")
			.isEqualToIgnoringCase(vault);
	}

	@Test
	void prometheusIsForAdminsAndTheScrapeTokenOnly() {
		assertThat(http().get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(http().get("/actuator/prometheus", credentials().farmerToken()).statusCode()).isEqualTo(403);
		assertThat(http().get("/actuator/prometheus", credentials().adminToken()).body())
			.contains("jvm_memory_used_bytes");
		assertThat(http().get("/actuator/prometheus", SCRAPE_TOKEN).statusCode()).isEqualTo(200);
		assertThat(http().get("/api/v1/me", SCRAPE_TOKEN).statusCode()).as("scrape token is not a user").isEqualTo(403);
	}

	@Test
	void actuatorDoesNotExposeEnvironmentOrConfiguration() {
		String admin = credentials().adminToken();
		for (String endpoint : new String[] { "/actuator/env", "/actuator/configprops", "/actuator/heapdump" }) {
			HttpResponse<String> response = http().get(endpoint, admin);
			assertThat(response.statusCode()).as(endpoint).isNotEqualTo(200);
			assertThat(response.body()).as(endpoint).doesNotContain("propertySources", "spring.datasource");
		}
	}

}
