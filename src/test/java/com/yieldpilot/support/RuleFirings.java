package com.yieldpilot.support;

import java.net.http.HttpResponse;
import java.util.UUID;

import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.runtime.ShardEvaluator;
import com.yieldpilot.shared.PoolId;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Makes a farmer's rule propose an intent on the shared test node: the rule moves half of
 * one pool into another while the first pays under 4 %, it is saved through the API and
 * its shard evaluated at once.
 */
public record RuleFirings(Http http, JdbcClient jdbc, ShardEvaluator evaluator, RuntimeProperties runtime) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Saves the rule, evaluates the farmer's shard and answers the intent it proposed.
	 */
	public IntentId fire(TestFarmer farmer, String ruleName, PoolId from, PoolId into) {
		HttpResponse<String> created = this.http.postText("/api/v1/rules", farmer.token(), "rule \"" + ruleName
				+ "\"\nwhen\n  apy(" + from + ") < 4%\nthen\n  move 50% from " + from + " to " + into + "\n");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String rule = JSON.readTree(created.body()).get("id").asString();
		this.evaluator.evaluate(this.runtime.shardOf(farmer.account().id()));
		String id = this.jdbc.sql("select id from rule_intent where rule_id = ?::uuid")
			.param(rule)
			.query(String.class)
			.single();
		return new IntentId(UUID.fromString(id));
	}

}
