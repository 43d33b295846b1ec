package com.yieldpilot.market.internal.defillama;

import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

class DefiLlamaClientTest {

	private static final String POOL_ID = "f71f1aa1-2477-40e6-b11d-9fd49315e38b";

	/** Short waits so retries take milliseconds; the production default is 500 ms. */
	private static final DefiLlamaProperties.RetrySettings FAST_RETRY = new DefiLlamaProperties.RetrySettings(3,
			Duration.ofMillis(10), 2.0);

	private final StandInServer server = new StandInServer();

	private final List<DefiLlamaClient> clients = new ArrayList<>();

	@AfterEach
	void stop() {
		this.clients.forEach(DefiLlamaClient::close);
		this.server.close();
	}

	@Test
	void fetchesPoolsFromARealShapedBodyAndAsksForGzip() {
		this.server.answer(this.server.body(200, Fixtures.bytes("pools-small.json")));
		DefiLlamaClient client = client(properties());
		List<DefiLlamaPool> pools = new ArrayList<>();

		BatchReport report = client.fetchPools(pools::add);

		assertThat(report.read()).isEqualTo(3);
		assertThat(pools).extracting(DefiLlamaPool::poolId)
			.containsExactly("11a4f754-59a7-44f3-8736-61e41926d178", "c3f66304-a2cf-4ef2-890c-ec0c3177bc7b",
					"846bef98-eeff-4fb4-bbd4-98959086f135");
		assertThat(this.server.seen()).singleElement().satisfies((seen) -> {
			assertThat(seen.path()).isEqualTo("/pools");
			assertThat(seen.acceptEncoding()).contains("gzip");
		});
		SourceHealth health = client.health();
		assertThat(health.lastSuccess()).isNotNull();
		assertThat(health.lastLatency()).isPositive();
		assertThat(health.consecutiveFailures()).isZero();
		assertThat(health.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void decompressesAGzipEncodedBody() {
		this.server.answer(this.server.gzip(Fixtures.bytes("pools-small.json")));
		List<DefiLlamaPool> pools = new ArrayList<>();

		BatchReport report = client(properties()).fetchPools(pools::add);

		assertThat(report.accepted()).isEqualTo(3);
		assertThat(pools.get(2).symbol()).isEqualTo("WETH-USDC");
	}

	@Test
	void fetchesTheChartOfAValidPoolId() {
		this.server.answer(this.server.gzip(Fixtures.bytes("chart-small.json")));

		ChartSeries series = client(properties()).fetchChart(POOL_ID.toUpperCase());

		assertThat(series.points()).hasSize(3);
		assertThat(this.server.seen()).extracting(StandInServer.Seen::path).containsExactly("/chart/" + POOL_ID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "../pools", "f71f1aa1-2477-40e6-b11d-9fd49315e38b/../../pools",
			"f71f1aa1-2477-40e6-b11d-9fd49315e38b?x=1", "f71f1aa1-2477-40e6-b11d-9fd49315e38b ", "1-1-1-1-1",
			"f71f1aa1-2477-40e6-b11d-9fd49315e38z" })
	void refusesAPoolIdThatIsNotAUuidWithoutSendingARequest(String poolId) {
		DefiLlamaClient client = client(properties());

		assertThatIllegalArgumentException().isThrownBy(() -> client.fetchChart(poolId))
			.withMessage("A DefiLlama pool id must be a UUID");
		assertThat(this.server.hits()).isZero();
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 429 })
	void retriesAServerErrorOrThrottlingAndSucceedsOnTheNextAttempt(int status) {
		this.server.answer(this.server.status(status), this.server.body(200, Fixtures.bytes("pools-small.json")));
		DefiLlamaClient client = client(properties());

		BatchReport report = client.fetchPools((pool) -> {
		});

		assertThat(report.accepted()).isEqualTo(3);
		assertThat(this.server.hits()).isEqualTo(2);
		assertThat(client.health().consecutiveFailures()).isZero();
	}

	@Test
	void givesUpAfterThreeAttemptsAndReportsTheLastStatus() {
		this.server.answer(this.server.status(503));
		DefiLlamaClient client = client(properties());

		assertThatExceptionOfType(DefiLlamaHttpException.class).isThrownBy(() -> client.fetchPools((pool) -> {
		})).satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(503));
		assertThat(this.server.hits()).isEqualTo(3);
		assertThat(client.health().consecutiveFailures()).isEqualTo(1);
		assertThat(client.health().lastError()).contains("HTTP 503");
	}

	@Test
	void doesNotRetryA404AndDoesNotCountItAgainstTheSource() {
		this.server.answer(this.server.status(404));
		DefiLlamaClient client = client(properties());

		assertThatExceptionOfType(DefiLlamaHttpException.class).isThrownBy(() -> client.fetchChart(POOL_ID))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
		assertThat(this.server.hits()).isEqualTo(1);
		assertThat(client.health().consecutiveFailures()).isZero();
		assertThat(client.health().lastFailure()).isNull();
	}

	@Test
	void failsWithATimeoutWhenTheServerAnswersLaterThanTheReadTimeoutAndCountsAFailure() {
		this.server.answer(this.server.stall());
		DefiLlamaClient client = client(properties().withReadTimeout(Duration.ofMillis(300)));

		assertThatExceptionOfType(DefiLlamaTransportException.class).isThrownBy(() -> client.fetchPools((pool) -> {
		})).withCauseInstanceOf(HttpTimeoutException.class);
		assertThat(this.server.hits()).as("a timeout is retried").isEqualTo(3);
		SourceHealth health = client.health();
		assertThat(health.consecutiveFailures()).isEqualTo(1);
		assertThat(health.lastFailure()).isNotNull();
		assertThat(health.lastError()).containsIgnoringCase("timed out");
		assertThat(health.lastLatency()).isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void failsWithATimeoutWhenTheBodyStallsAfterTheHeaders() {
		byte[] body = Fixtures.bytes("pools-small.json");
		this.server.answer(this.server.stallAfter(body, 100));
		DefiLlamaClient client = client(properties().withReadTimeout(Duration.ofMillis(300)));

		assertThatExceptionOfType(DefiLlamaTransportException.class).isThrownBy(() -> client.fetchPools((pool) -> {
		})).withCauseInstanceOf(HttpTimeoutException.class).withMessageContaining("read timeout");
		assertThat(this.server.hits()).isEqualTo(3);
		assertThat(client.health().consecutiveFailures()).isEqualTo(1);
	}

	@Test
	void rejectsAGarbageBodyWithAFormatExceptionAndDoesNotRetry() {
		this.server.answer(this.server.body(200, "<html>Just a moment...</html>".getBytes(StandardCharsets.UTF_8)));
		DefiLlamaClient client = client(properties());

		assertThatExceptionOfType(DefiLlamaFormatException.class).isThrownBy(() -> client.fetchPools((pool) -> {
		}));
		assertThat(this.server.hits()).isEqualTo(1);
		assertThat(client.health().consecutiveFailures()).as("a garbage answer is a failure of the source")
			.isEqualTo(1);
	}

	@Test
	void rejectsACorruptGzipBodyWithAFormatExceptionAndDoesNotRetry() {
		this.server.answer((exchange) -> {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			byte[] notGzip = Fixtures.bytes("pools-small.json");
			exchange.sendResponseHeaders(200, notGzip.length);
			try (var out = exchange.getResponseBody()) {
				out.write(notGzip);
			}
		});
		DefiLlamaClient client = client(properties());

		assertThatExceptionOfType(DefiLlamaFormatException.class).isThrownBy(() -> client.fetchPools((pool) -> {
		})).withMessageContaining("corrupt gzip");
		assertThat(this.server.hits()).isEqualTo(1);
	}

	@Test
	void retriesAConnectionThatBreaksBeforeAnyPoolWasHandedOver() {
		byte[] body = Fixtures.bytes("pools-small.json");
		this.server.answer(this.server.breakAfter(body, 20, new CountDownLatch(0)), this.server.body(200, body));
		List<DefiLlamaPool> pools = new ArrayList<>();

		client(properties()).fetchPools(pools::add);

		assertThat(this.server.hits()).isEqualTo(2);
		assertThat(pools).hasSize(3);
	}

	@Test
	void doesNotRetryAConnectionThatBreaksAfterPoolsWereHandedOverSoNoPoolIsSeenTwice() {
		byte[] body = Fixtures.bytes("pools-small.json");
		String text = new String(body, StandardCharsets.UTF_8);
		int afterSecondPool = text.indexOf("{\"chain\": \"Arbitrum\"");
		CountDownLatch twoPoolsRead = new CountDownLatch(1);
		this.server.answer(this.server.breakAfter(body, afterSecondPool, twoPoolsRead), this.server.body(200, body));
		DefiLlamaClient client = client(properties());
		List<DefiLlamaPool> pools = new ArrayList<>();

		assertThatExceptionOfType(DefiLlamaTransportException.class).isThrownBy(() -> client.fetchPools((pool) -> {
			pools.add(pool);
			if (pools.size() == 2) {
				twoPoolsRead.countDown();
			}
		}))
			.withMessageContaining("after 2 records were handed over")
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		assertThat(this.server.hits()).isEqualTo(1);
		assertThat(pools).hasSize(2);
	}

	@Test
	void passesAConsumerFailureOnUnchangedWithoutRetryingOrBlamingTheSource() {
		this.server.answer(this.server.body(200, Fixtures.bytes("pools-small.json")));
		DefiLlamaClient client = client(properties());
		IllegalStateException databaseDown = new IllegalStateException("database down");

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> client.fetchPools((pool) -> {
			throw databaseDown;
		})).isSameAs(databaseDown);
		assertThat(this.server.hits()).isEqualTo(1);
		assertThat(client.health().consecutiveFailures()).isZero();
		assertThat(client.health().lastFailure()).isNull();
	}

	@Test
	void opensTheCircuitAfterEnoughFailuresAndThenFailsFastWithoutReachingTheServer() {
		this.server.answer(this.server.status(500));
		DefiLlamaClient client = client(properties()
			.withCircuitBreaker(new DefiLlamaProperties.CircuitBreakerSettings(4, 50, Duration.ofMinutes(1))));

		for (int call = 0; call < 4; call++) {
			assertThatExceptionOfType(DefiLlamaHttpException.class).isThrownBy(() -> client.fetchPools((pool) -> {
			}));
		}
		assertThat(this.server.hits()).as("4 calls of 3 attempts").isEqualTo(12);
		assertThat(client.state()).isEqualTo(CircuitBreaker.State.OPEN);

		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> client.fetchPools((pool) -> {
		}));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> client.fetchChart(POOL_ID));
		assertThat(this.server.hits()).isEqualTo(12);
		assertThat(client.health().circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
		assertThat(client.health().consecutiveFailures()).isEqualTo(4);
	}

	@Test
	void closesTheCircuitAgainOnceTrialCallsSucceedAfterTheOpenPeriod() {
		this.server.answer(this.server.status(500), this.server.status(500),
				this.server.body(200, Fixtures.bytes("chart-small.json")));
		DefiLlamaClient client = client(
				properties().withRetry(new DefiLlamaProperties.RetrySettings(1, Duration.ofMillis(10), 2.0))
					.withCircuitBreaker(new DefiLlamaProperties.CircuitBreakerSettings(2, 50, Duration.ofMillis(200))));
		for (int call = 0; call < 2; call++) {
			assertThatExceptionOfType(DefiLlamaHttpException.class).isThrownBy(() -> client.fetchChart(POOL_ID));
		}
		assertThat(client.state()).isEqualTo(CircuitBreaker.State.OPEN);

		await().atMost(Duration.ofSeconds(5))
			.ignoreException(CallNotPermittedException.class)
			.untilAsserted(() -> assertThat(client.fetchChart(POOL_ID).points()).hasSize(3));
		client.fetchChart(POOL_ID);
		client.fetchChart(POOL_ID);

		assertThat(client.state()).isEqualTo(CircuitBreaker.State.CLOSED);
	}

	@Test
	void publishesRetryAndCircuitBreakerMetricsWhenGivenARegistry() {
		this.server.answer(this.server.status(500), this.server.body(200, Fixtures.bytes("chart-small.json")));
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		DefiLlamaClient client = track(new DefiLlamaClient(properties(), registry));

		client.fetchChart(POOL_ID);

		assertThat(registry.find("resilience4j.circuitbreaker.state").tag("name", DefiLlamaClient.NAME).gauges())
			.isNotEmpty();
		assertThat(registry.get("resilience4j.retry.calls")
			.tag("name", DefiLlamaClient.NAME)
			.tag("kind", "successful_with_retry")
			.functionCounter()
			.count()).isEqualTo(1.0);
	}

	private DefiLlamaProperties properties() {
		return DefiLlamaProperties.defaults(this.server.baseUrl()).withRetry(FAST_RETRY);
	}

	private DefiLlamaClient client(DefiLlamaProperties properties) {
		return track(new DefiLlamaClient(properties, null));
	}

	private DefiLlamaClient track(DefiLlamaClient client) {
		this.clients.add(client);
		return client;
	}

}
