package com.yieldpilot.market;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.yieldpilot.market.internal.defillama.StandInServer;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.Http;
import com.yieldpilot.support.LocalCredentials;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that reads DefiLlama (a stand-in speaking its wire format): pools that enter the
 * registry from {@code /pools} get their {@code /chart/{pool}} fetched once by the
 * scheduled backfill job, without anyone asking; an admin's request fetches it again and
 * stores nothing twice.
 */
class DefiLlamaBackfillIT {

	private final JsonMapper json = JsonMapper.builder().build();

	private final String project = "e2e-" + UUID.randomUUID().toString().substring(0, 6);

	private final String usdc = UUID.randomUUID().toString();

	private final String weth = UUID.randomUUID().toString();

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	@Test
	void newPoolsAreBackfilledOnceInTheBackgroundAndAnAdminCanAskAgain() throws Exception {
		Instant yesterday = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1)).plusSeconds(300);
		try (StandInServer defiLlama = new StandInServer()) {
			String pools = """
					{"status":"success","data":[
					 {"pool":"%s","chain":"Base","project":"%s","symbol":"USDC","tvlUsd":52000000,"apy":4.5,"apyBase":3.9,"apyReward":0.6,"stablecoin":true},
					 {"pool":"%s","chain":"Base","project":"%s","symbol":"WETH","tvlUsd":8100000,"apy":2.25,"apyBase":2.25,"apyReward":null}
					]}"""
				.formatted(this.usdc, this.project, this.weth, this.project);
			defiLlama.answer(exchange -> {
				String path = exchange.getRequestURI().getPath();
				this.hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
				StandInServer.Responder response = path.equals("/pools") ? defiLlama.json(pools)
						: defiLlama.json(chart(yesterday, path.endsWith(this.usdc) ? 4.1 : 2.2));
				response.respond(exchange);
			});
			Path home = TestHomes.create("defillama-backfill");
			try (ConfigurableApplicationContext app = SecondApplication.start(home,
					"--yieldpilot.market.defillama.enabled=true",
					"--yieldpilot.market.defillama.base-url=" + defiLlama.baseUrl(),
					"--yieldpilot.market.defillama.interval=1s", "--yieldpilot.market.refresh.interval=1s",
					"--yieldpilot.market.backfill.interval=1s", "--yieldpilot.chain.local.enabled=false",
					"--yieldpilot.market.simulator.enabled=false")) {
				MarketData market = app.getBean(MarketData.class);
				PoolId usdcPool = PoolId.parse(this.project + ":base:USDC");
				PoolId wethPool = PoolId.parse(this.project + ":base:WETH");

				await().atMost(Duration.ofSeconds(90))
					.until(() -> history(market, usdcPool, yesterday).isPresent()
							&& history(market, wethPool, yesterday).isPresent());
				assertThat(history(market, usdcPool, yesterday)).contains(4.1);
				assertThat(history(market, wethPool, yesterday)).contains(2.2);

				// the job runs every second: by the time /pools was polled three more
				// times, it ran again too, and fetched nothing more
				int polls = hits("/pools");
				await().atMost(Duration.ofSeconds(30)).until(() -> hits("/pools") >= polls + 3);
				assertThat(hits("/chart/" + this.usdc)).isEqualTo(1);
				assertThat(hits("/chart/" + this.weth)).isEqualTo(1);

				Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
				String admin = LocalCredentials.read(home).adminToken();
				String path = "/api/v1/admin/pools/" + usdcPool + "/backfill";
				Instant asked = Instant.now();
				HttpResponse<String> accepted = http.post(path, admin, "");
				assertThat(accepted.statusCode()).isEqualTo(202);
				assertThat(this.json.readTree(accepted.body()).get("state").asString()).isIn("PENDING", "DONE");

				JsonNode done = await().atMost(Duration.ofSeconds(30))
					.until(() -> this.json.readTree(http.get(path, admin).body()),
							s -> s.get("state").asString().equals("DONE")
									&& Instant.parse(s.get("backfilledAt").asString()).isAfter(asked));
				assertThat(done.get("points").asInt()).isEqualTo(1);
				assertThat(done.get("samplesStored").asInt()).as("stored before").isZero();
				assertThat(hits("/chart/" + this.usdc)).isEqualTo(2);
			}
		}
	}

	private int hits(String path) {
		AtomicInteger count = this.hits.get(path);
		return (count != null) ? count.get() : 0;
	}

	private static Optional<Double> history(MarketData market, PoolId pool, Instant at) {
		return market.history(pool, Metric.APY, at, at.plusSeconds(1)).stream().map(MetricSample::value).findFirst();
	}

	private static String chart(Instant at, double apy) {
		return String.format(Locale.ROOT,
				"{\"status\":\"success\",\"data\":[{\"timestamp\":\"%s\",\"tvlUsd\":1000000.0,\"apy\":%s,\"apyBase\":%s,\"apyReward\":null}]}",
				at, apy, apy);
	}

}
