package com.yieldpilot.rules;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every example in {@code rules/examples} is valid against local mode's real catalog. */
class RuleExamplesIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MetricCatalog catalog;

	@Test
	void everyExampleValidatesAgainstTheLiveCatalog() throws IOException {
		RuleValidationApiIT.awaitMarket(this.catalog);
		List<Path> examples;
		try (Stream<Path> files = Files.list(Path.of("rules/examples"))) {
			examples = files.filter(f -> f.toString().endsWith(".rule")).sorted().toList();
		}
		assertThat(examples).hasSizeGreaterThanOrEqualTo(10);

		for (Path example : examples) {
			String text = Files.readString(example);
			HttpResponse<String> response = http().postText(RuleValidationApiIT.VALIDATE, credentials().farmerToken(),
					text);

			assertThat(response.statusCode()).as("%s: %s", example, response.body()).isEqualTo(200);
			JsonNode body = this.json.readTree(response.body());
			assertThat(body.get("canonical").asString()).as(example.toString()).isEqualTo(text);
			assertThat(body.get("warnings")).as(example.toString()).isEmpty();
		}
	}

}
