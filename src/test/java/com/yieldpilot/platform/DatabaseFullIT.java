package com.yieldpilot.platform;

import java.net.http.HttpResponse;

import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.DiskFull;
import com.yieldpilot.support.TestFarmer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that runs out of disk space refuses a write with PostgreSQL's own
 * {@code disk_full} error, raised here by a trigger on the farmer's rows (the same
 * SQLSTATE and message a full volume gives): the farmer's request gets a 503 that says
 * what happened and what to do, nothing of it is kept, and the same request goes through
 * once there is space again.
 */
class DatabaseFullIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MeterRegistry meters;

	@Test
	void aRuleSavedWhileTheDatabaseIsOutOfDiskSpaceIsRefusedWithWhatToDoAndKeptWhenSentAgain() {
		TestFarmer farmer = newFarmer("dee");
		String text = "rule \"Low yield\"\nwhen\n  apy(aave-v3:base:USDC) < 4%\nthen\n  notify \"low\"\n";
		double counted = this.meters.get("yieldpilot.database.full").counter().count();

		DiskFull.on(this.dsl, "rule_definition", "new.owner_id = '" + farmer.account().id() + "'");
		try {
			HttpResponse<String> refused = http().postText("/api/v1/rules", farmer.token(), text);
			assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).contains("60");
			JsonNode problem = this.json.readTree(refused.body());
			assertThat(problem.get("title").asString()).isEqualTo("Database out of disk space");
			assertThat(problem.get("detail").asString()).isEqualTo(DatabaseFull.EXPLANATION);
			assertThat(rules(farmer)).as("nothing was kept").isEmpty();
			assertThat(this.meters.get("yieldpilot.database.full").counter().count()).isEqualTo(counted + 1);
		}
		finally {
			DiskFull.off(this.dsl, "rule_definition");
		}

		HttpResponse<String> saved = http().postText("/api/v1/rules", farmer.token(), text);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
		assertThat(rules(farmer)).hasSize(1);
	}

	@Test
	void otherDatabaseFailuresAreLeftToSpringsOwnHandling() {
		TestFarmer farmer = newFarmer("eve");
		this.dsl.execute("create or replace function test_refuse() returns trigger language plpgsql as $$ begin "
				+ "raise exception using errcode = 'check_violation', message = 'refused by the test'; end $$");
		this.dsl
			.execute("create trigger test_refuse before insert on rule_definition for each row when (new.owner_id = '"
					+ farmer.account().id() + "') execute function test_refuse()");
		try {
			HttpResponse<String> failed = http().postText("/api/v1/rules", farmer.token(),
					"rule \"Low yield\"\nwhen\n  apy(aave-v3:base:USDC) < 4%\nthen\n  notify \"low\"\n");
			assertThat(failed.statusCode()).as("an error, not a redirect to the log-in page: %s", failed.body())
				.isEqualTo(500);
			assertThat(this.json.readTree(failed.body()).get("status").asInt()).isEqualTo(500);
			assertThat(failed.body()).doesNotContain("disk space", "refused by the test");
		}
		finally {
			this.dsl.execute("drop trigger if exists test_refuse on rule_definition");
		}
	}

	private JsonNode rules(TestFarmer farmer) {
		HttpResponse<String> list = http().get("/api/v1/rules", farmer.token());
		assertThat(list.statusCode()).isEqualTo(200);
		return this.json.readTree(list.body());
	}

}
