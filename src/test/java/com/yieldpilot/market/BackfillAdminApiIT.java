package com.yieldpilot.market;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import com.yieldpilot.market.internal.store.BackfillQueue;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's backfill endpoint on a node that does not read DefiLlama (local mode):
 * farmers are refused, and every request that cannot be served says why.
 */
class BackfillAdminApiIT extends ApplicationIT {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	PoolRegistry registry;

	@Autowired
	BackfillQueue queue;

	@Autowired
	TransactionTemplate transactions;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	@Test
	void onlyAdminsMayAskForABackfill() {
		PoolId pool = register("USDC", UUID.randomUUID().toString());
		HttpResponse<String> farmer = http().post(path(pool), credentials().farmerToken(), "");
		assertThat(farmer.statusCode()).isEqualTo(403);
		assertThat(http().get(path(pool), credentials().farmerToken()).statusCode()).isEqualTo(403);
		assertThat(http().post(path(pool), null, "").statusCode()).isEqualTo(401);
	}

	@Test
	void requestsThatCannotBeServedSayWhy() throws Exception {
		String admin = credentials().adminToken();
		PoolId withoutId = register("DAI", null);
		PoolId withId = register("USDC", UUID.randomUUID().toString());

		HttpResponse<String> unknown = http().post(path(PoolId.parse("nowhere-" + this.tag + ":base:USDC")), admin, "");
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(detail(unknown)).startsWith("Unknown pool 'nowhere-" + this.tag + ":base:USDC'");

		HttpResponse<String> malformed = http().post("/api/v1/admin/pools/not-a-pool/backfill", admin, "");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(detail(malformed)).contains("protocol:chain:asset");

		HttpResponse<String> noDefiLlamaId = http().post(path(withoutId), admin, "");
		assertThat(noDefiLlamaId.statusCode()).isEqualTo(409);
		assertThat(detail(noDefiLlamaId)).contains("has no DefiLlama id", "Import a history file instead");

		HttpResponse<String> switchedOff = http().post(path(withId), admin, "");
		assertThat(switchedOff.statusCode()).isEqualTo(409);
		assertThat(detail(switchedOff)).contains("does not read DefiLlama", "yieldpilot.market.defillama.enabled");
		assertThat(this.queue.find(withId)).as("nothing queued").isEmpty();
	}

	@Test
	void showsWhereABackfillStands() throws Exception {
		String admin = credentials().adminToken();
		PoolId pool = register("WETH", UUID.randomUUID().toString());
		assertThat(http().get(path(pool), admin).statusCode()).as("never queued").isEqualTo(404);

		Instant at = Instant.parse("2026-01-02T03:04:05Z");
		this.transactions.executeWithoutResult(status -> this.queue.request(pool, at));
		HttpResponse<String> queued = http().get(path(pool), admin);
		assertThat(queued.statusCode()).isEqualTo(200);
		JsonNode status = this.json.readTree(queued.body());
		assertThat(status.get("pool").asString()).isEqualTo(pool.toString());
		assertThat(status.get("state").asString()).isEqualTo("PENDING");
		assertThat(status.get("requestedAt").asString()).isEqualTo(at.toString());
	}

	private PoolId register(String asset, String defiLlamaId) {
		PoolId id = PoolId.parse("admin-" + this.tag + ":base:" + asset);
		this.transactions.executeWithoutResult(status -> this.registry
			.register(new PoolDescriptor(id, defiLlamaId, null, true, PoolDescriptor.Origin.WATCHED)));
		return id;
	}

	private static String path(PoolId pool) {
		return "/api/v1/admin/pools/" + pool + "/backfill";
	}

	private String detail(HttpResponse<String> response) throws Exception {
		return this.json.readTree(response.body()).get("detail").asString();
	}

}
