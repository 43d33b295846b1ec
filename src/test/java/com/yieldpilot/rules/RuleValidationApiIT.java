package com.yieldpilot.rules;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/rules/validate} with the demo farmer's token, against local mode's
 * market.
 */
class RuleValidationApiIT extends ApplicationIT {

	static final String VALIDATE = "/api/v1/rules/validate";

	static final String EXAMPLE = """
			rule "Chase USDC yield"
			when
			  apy(aave-v3:base:USDC) < 4% for 2h
			  and apy(morpho:base:USDC-prime) > apy(aave-v3:base:USDC) + 1%
			  and risk(morpho:base:USDC-prime) < 0.4
			then
			  move 100% from aave-v3:base:USDC to morpho:base:USDC-prime max 50000 USDC
			options cooldown 24h, max gas 30 gwei, mode live
			""";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MetricCatalog catalog;

	@BeforeEach
	void marketHasArrived() {
		awaitMarket(this.catalog);
	}

	@Test
	void validRuleAnswersWithItsNameAndCanonicalText() {
		HttpResponse<String> response = http().postText(VALIDATE, credentials().farmerToken(),
				"rule \"Chase USDC yield\" when apy(aave-v3:base:USDC) < 4% for 2h\n"
						+ "and apy(morpho:base:USDC-prime) > apy(aave-v3:base:USDC) + 1% "
						+ "and risk(morpho:base:USDC-prime) < 0.4\nthen move 100% from aave-v3:base:USDC to "
						+ "morpho:base:USDC-prime max 50000 USDC\noptions cooldown 24h, max gas 30 gwei, mode live");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("valid").asBoolean()).isTrue();
		assertThat(body.get("name").asString()).isEqualTo("Chase USDC yield");
		assertThat(body.get("canonical").asString()).isEqualTo(EXAMPLE);
		assertThat(body.get("warnings")).isEmpty();
	}

	@Test
	void validRuleCarriesItsWarnings() {
		HttpResponse<String> response = http().postText(VALIDATE, credentials().farmerToken(),
				"rule \"Watch\" when apy(aave-v3:base:USDC) < 4% then notify \"low\" options mode live");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode warning = this.json.readTree(response.body()).get("warnings").get(0);
		assertThat(warning.get("line").asInt()).isEqualTo(1);
		assertThat(warning.get("column").asInt()).isEqualTo(73);
		assertThat(warning.get("message").asString()).contains("this rule only notifies");
	}

	@Test
	void syntaxErrorAnswers422WithItsPositionInPlainWords() {
		HttpResponse<String> response = http().postText(VALIDATE, credentials().farmerToken(),
				"rule \"x\"\nwhen\n  apy(aave-v3:base:USDC) 4%\nthen\n  notify \"hi\"");

		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("valid").asBoolean()).isFalse();
		JsonNode error = body.get("errors").get(0);
		assertThat(error.get("line").asInt()).isEqualTo(3);
		assertThat(error.get("column").asInt()).isEqualTo(26);
		assertThat(error.get("message").asString())
			.isEqualTo("expected a comparison such as `< 4%` after `apy(aave-v3:base:USDC)`");
	}

	@Test
	void unknownNamesAnswer422WithWhatWasMeant() {
		HttpResponse<String> response = http().postText(VALIDATE, credentials().farmerToken(),
				"rule \"x\" when apy(aave-v3:base:USDT) < 4% and gas(bsae) < 30 gwei then notify \"x\"");

		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode errors = this.json.readTree(response.body()).get("errors");
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0).get("message").asString())
			.isEqualTo("unknown pool `aave-v3:base:USDT`; did you mean `aave-v3:base:USDC`?");
		assertThat(errors.get(1).get("column").asInt()).isEqualTo(51);
		assertThat(errors.get(1).get("message").asString()).startsWith("unknown chain `bsae`; did you mean `base`?");
	}

	@Test
	void injectionInAStringStaysTextAndInAMetricIsRejected() {
		String token = credentials().farmerToken();
		HttpResponse<String> text = http().postText(VALIDATE, token,
				"rule \"x\" when apy(aave-v3:base:USDC) < 4% then notify \"#{T(java.lang.Runtime)} ${x} \\\"; System.exit(0); \\\"\"");
		HttpResponse<String> name = http().postText(VALIDATE, token,
				"rule \"x\" when java.lang.Runtime(aave-v3:base:USDC) < 4% then notify \"x\"");

		assertThat(text.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(text.body()).get("canonical").asString())
			.contains("notify \"#{T(java.lang.Runtime)} ${x} \\\"; System.exit(0); \\\"\"");
		assertThat(name.statusCode()).isEqualTo(422);
		assertThat(name.body()).contains("unknown metric `java.lang.Runtime`");
	}

	@Test
	void needsAToken() {
		assertThat(http().postText(VALIDATE, null, EXAMPLE).statusCode()).isEqualTo(401);
	}

	@Test
	void refusesBodiesOverTheLimitUnread() {
		byte[] huge = ("# " + "x".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8);

		HttpResponse<String> response = http().post(VALIDATE, credentials().farmerToken(), "text/plain", huge);

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("at most 64 KB");
	}

	@Test
	void refusesTextThatIsNotUtf8() {
		byte[] latin1 = "rule \"café\" when apy(aave-v3:base:USDC) < 4% then notify \"x\""
			.getBytes(StandardCharsets.ISO_8859_1);

		HttpResponse<String> response = http().post(VALIDATE, credentials().farmerToken(), "text/plain", latin1);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("UTF-8");
	}

	@Test
	void takesOnlyPlainText() {
		HttpResponse<String> response = http().post(VALIDATE, credentials().farmerToken(), "application/json",
				"{\"rule\":\"x\"}".getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(415);
	}

	/**
	 * Local mode's first refresh has registered the simulated pools with their metrics.
	 */
	static void awaitMarket(MetricCatalog catalog) {
		await().atMost(Duration.ofSeconds(60))
			.until(() -> catalog.metrics(PoolId.parse("aave-v3:arbitrum:USDT"))
				.containsAll(java.util.List.of(Metric.APY, Metric.UTILIZATION, Metric.PRICE, Metric.GAS))
					&& catalog.pools().size() >= 12);
	}

}
