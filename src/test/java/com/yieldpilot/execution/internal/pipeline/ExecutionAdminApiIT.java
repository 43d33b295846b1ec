package com.yieldpilot.execution.internal.pipeline;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.TestFarmer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/admin/executions/deferred}: admins read every farmer's deferred
 * executions with whose they are, why they wait and when they are tried again; a farmer's
 * token gets a 403, and a limit out of range a 400 that says the range.
 */
class ExecutionAdminApiIT extends ApplicationIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ExecutionStore store;

	@Test
	void adminsReadEveryFarmersDeferredExecutionsAndFarmersAreRefused() {
		TestFarmer owner = newFarmer("deferred");
		RuleId rule = new RuleId(UUID.randomUUID());
		String reason = "gas costs 41 gwei now, above the cap of 30 gwei (the rule's max gas); it runs when gas is "
				+ "cheaper";
		// a day ahead: the shared node's heartbeat does not try it while the test
		// reads it
		Instant retryAt = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
		ExecutionId id = DeferredForTests.create(this.store, owner.account().id(), rule, "Deferred for the admins",
				reason, retryAt);
		try {
			HttpResponse<String> admin = http().get("/api/v1/admin/executions/deferred?limit=500",
					credentials().adminToken());

			assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
			JsonNode row = JSON.readTree(admin.body())
				.valueStream()
				.filter((e) -> e.get("id").asString().equals(id.value().toString()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the deferred execution is not listed: " + admin.body()));
			assertThat(row.get("farmer").asString()).isEqualTo(owner.account().username());
			assertThat(row.get("rule").asString()).isEqualTo(rule.value().toString());
			assertThat(row.get("ruleName").asString()).isEqualTo("Deferred for the admins");
			assertThat(row.get("reason").asString()).isEqualTo(reason);
			assertThat(Instant.parse(row.get("retryAt").asString())).isEqualTo(retryAt);

			HttpResponse<String> farmer = http().get("/api/v1/admin/executions/deferred", owner.token());
			assertThat(farmer.statusCode()).isEqualTo(403);
			assertThat(farmer.body()).doesNotContain(id.value().toString());
			assertThat(http().get("/api/v1/admin/executions/deferred", credentials().farmerToken()).statusCode())
				.isEqualTo(403);

			HttpResponse<String> tooMany = http().get("/api/v1/admin/executions/deferred?limit=501",
					credentials().adminToken());
			assertThat(tooMany.statusCode()).isEqualTo(400);
			assertThat(JSON.readTree(tooMany.body()).get("detail").asString())
				.isEqualTo("limit is from 1 to 500, not 501");
		}
		finally {
			DeferredForTests.cancel(this.store, id);
		}
	}

}
