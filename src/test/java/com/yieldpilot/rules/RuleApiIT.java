package com.yieldpilot.rules;

import java.net.http.HttpResponse;

import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules REST API end to end: save, versions, rollback, enable/disable, plan limits
 * and farmer isolation, each test with farmers of its own.
 */
class RuleApiIT extends ApplicationIT {

	static final String RULES = "/api/v1/rules";

	static final String WATCH = """
			rule "Watch low APY"
			when
			  apy(aave-v3:base:USDC) < 1%
			then
			  notify "Aave USDC APY is below 1%"
			""";

	static final String WATCH_V2 = WATCH.replace("< 1%", "< 2%");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MetricCatalog catalog;

	@BeforeEach
	void marketHasArrived() {
		RuleValidationApiIT.awaitMarket(this.catalog);
	}

	@Test
	void savingCreatesVersionOneAndEverySaveANewVersion() {
		String token = farmerToken("ann");
		HttpResponse<String> created = http().postText(RULES, token, WATCH);
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode body = this.json.readTree(created.body());
		String id = body.get("id").asString();
		assertThat(body.get("version").asInt()).isEqualTo(1);
		assertThat(body.get("name").asString()).isEqualTo("Watch low APY");
		assertThat(body.get("status").asString()).isEqualTo("ENABLED");
		assertThat(body.get("mode").asString()).isEqualTo("PAPER");
		assertThat(created.headers().firstValue("Location")).hasValue(RULES + "/" + id);

		JsonNode updated = this.json.readTree(http().putText(RULES + "/" + id, token, WATCH_V2).body());
		assertThat(updated.get("version").asInt()).isEqualTo(2);
		assertThat(updated.get("text").asString()).isEqualTo(WATCH_V2);

		JsonNode unchanged = this.json.readTree(http().putText(RULES + "/" + id, token, WATCH_V2).body());
		assertThat(unchanged.get("version").asInt()).as("saving the same text adds no version").isEqualTo(2);

		JsonNode detail = this.json.readTree(http().get(RULES + "/" + id, token).body());
		assertThat(detail.get("version").asInt()).isEqualTo(2);
		assertThat(detail.get("text").asString()).isEqualTo(WATCH_V2);

		JsonNode versions = this.json.readTree(http().get(RULES + "/" + id + "/versions", token).body());
		assertThat(versions).hasSize(2);
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
		assertThat(versions.get(1).get("text").asString()).isEqualTo(WATCH);
	}

	@Test
	void anInvalidSaveAnswers422AndLosesNothing() {
		String token = farmerToken("bea");
		String id = create(token, WATCH);

		HttpResponse<String> rejected = http().putText(RULES + "/" + id, token, WATCH.replace("apy(", "apyy("));
		assertThat(rejected.statusCode()).isEqualTo(422);
		JsonNode error = this.json.readTree(rejected.body()).get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(3);
		assertThat(error.get("message").asString()).contains("did you mean").contains("apy");

		JsonNode detail = this.json.readTree(http().get(RULES + "/" + id, token).body());
		assertThat(detail.get("version").asInt()).isEqualTo(1);
		assertThat(detail.get("text").asString()).isEqualTo(WATCH);
		assertThat(http().postText(RULES, token, "rule \"x\" when").statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(http().get(RULES, token).body())).hasSize(1);
	}

	@Test
	void rollbackSavesTheEarlierTextAsTheNextVersion() {
		String token = farmerToken("cal");
		String id = create(token, WATCH);
		http().putText(RULES + "/" + id, token, WATCH_V2);

		HttpResponse<String> rolledBack = http().post(RULES + "/" + id + "/versions/1/rollback", token, "");
		assertThat(rolledBack.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(rolledBack.body());
		assertThat(body.get("version").asInt()).isEqualTo(3);
		assertThat(body.get("text").asString()).isEqualTo(WATCH);
		JsonNode v3 = this.json.readTree(http().get(RULES + "/" + id + "/versions/3", token).body());
		assertThat(v3.get("note").asString()).isEqualTo("rolled back to version 1");
		assertThat(http().get(RULES + "/" + id + "/versions/9", token).statusCode()).isEqualTo(404);
	}

	@Test
	void disableAndEnableAreIdempotentAndEnablingRespectsThePlan() {
		String token = farmerToken("dan");
		String id = create(token, WATCH);

		assertThat(this.json.readTree(http().post(RULES + "/" + id + "/disable", token, "").body())
			.get("status")
			.asString()).isEqualTo("DISABLED");
		assertThat(http().post(RULES + "/" + id + "/disable", token, "").statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(http().get(RULES, token).body()).get(0).get("status").asString())
			.isEqualTo("DISABLED");
		assertThat(this.json.readTree(http().post(RULES + "/" + id + "/enable", token, "").body())
			.get("status")
			.asString()).isEqualTo("ENABLED");
	}

	@Test
	void aFarmerCannotSeeOrChangeAnotherFarmersRuleOrTraces() {
		String owner = farmerToken("eve");
		String stranger = farmerToken("fay");
		String id = create(owner, WATCH);
		String rule = RULES + "/" + id;

		assertThat(http().get(rule, stranger).statusCode()).isEqualTo(404);
		assertThat(http().putText(rule, stranger, WATCH_V2).statusCode()).isEqualTo(404);
		assertThat(http().post(rule + "/disable", stranger, "").statusCode()).isEqualTo(404);
		assertThat(http().get(rule + "/versions", stranger).statusCode()).isEqualTo(404);
		assertThat(http().post(rule + "/versions/1/rollback", stranger, "").statusCode()).isEqualTo(404);
		assertThat(http().get(rule + "/traces", stranger).statusCode()).isEqualTo(404);
		assertThat(http().get(RULES, stranger).body()).isEqualTo("[]");

		JsonNode mine = this.json.readTree(http().get(rule, owner).body());
		assertThat(mine.get("version").asInt()).as("the stranger changed nothing").isEqualTo(1);
		assertThat(mine.get("status").asString()).isEqualTo("ENABLED");
		assertThat(http().get(rule, null).statusCode()).isEqualTo(401);
	}

	@Test
	void anUnknownOrMalformedIdIsAClearError() {
		String token = farmerToken("gus");
		assertThat(http().get(RULES + "/00000000-0000-0000-0000-000000000000", token).statusCode()).isEqualTo(404);
		assertThat(http().get(RULES + "/not-a-uuid", token).statusCode()).isEqualTo(400);
		assertThat(http().get(RULES + "/00000000-0000-0000-0000-000000000000/traces?limit=0", token).statusCode())
			.isEqualTo(400);
	}

	@Test
	void adminsPreviewTheDrlOfAnyRuleAndFarmersCannot() {
		String token = farmerToken("hal");
		String id = create(token, WATCH);

		HttpResponse<String> preview = http().get("/api/v1/admin/rules/" + id + "/drl", credentials().adminToken());
		assertThat(preview.statusCode()).isEqualTo(200);
		assertThat(preview.body()).contains("rule \"rule-" + id + "-v1\"")
			.contains("TermKey.latest(\"aave-v3:base:USDC\", \"apy\"), known, $t0 : value, ($t0 < 1.0d) )")
			.doesNotContain("Watch low APY", "below 1%");
		assertThat(http().get("/api/v1/admin/rules/" + id + "/drl", token).statusCode()).isEqualTo(403);
		assertThat(
				http().get("/api/v1/admin/rules/00000000-0000-0000-0000-000000000000/drl", credentials().adminToken())
					.statusCode())
			.isEqualTo(404);
	}

	@Test
	void theApiIsDescribedWithOpenApi() {
		HttpResponse<String> docs = http().get("/v3/api-docs", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		JsonNode paths = this.json.readTree(docs.body()).get("paths");
		assertThat(paths.has("/api/v1/rules")).isTrue();
		assertThat(paths.has("/api/v1/rules/{id}/traces")).isTrue();
		assertThat(paths.has("/api/v1/rules/validate")).isTrue();
		assertThat(paths.get("/api/v1/rules").has("post")).isTrue();
	}

	private String create(String token, String text) {
		HttpResponse<String> created = http().postText(RULES, token, text);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return this.json.readTree(created.body()).get("id").asString();
	}

	private String farmerToken(String name) {
		return newFarmer(name).token();
	}

}
