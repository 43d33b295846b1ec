package com.yieldpilot.market.internal.defillama;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DefiLlamaConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(DefiLlamaConfiguration.class);

	@Test
	void createsNoClientUnlessEnabled() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(DefiLlamaClient.class));
		this.runner.withPropertyValues("yieldpilot.market.defillama.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DefiLlamaClient.class));
	}

	@Test
	void createsTheClientWithDocumentedDefaultsWhenEnabled() {
		this.runner.withPropertyValues("yieldpilot.market.defillama.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(DefiLlamaClient.class);
			DefiLlamaProperties properties = context.getBean(DefiLlamaProperties.class);
			assertThat(properties.baseUrl()).isEqualTo(URI.create("https://yields.llama.fi"));
			assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.retry().maxAttempts()).isEqualTo(3);
			assertThat(properties.retry().initialWait()).isEqualTo(Duration.ofMillis(500));
			assertThat(properties.circuitBreaker().slidingWindowSize()).isEqualTo(10);
			assertThat(properties.circuitBreaker().failureRatePercent()).isEqualTo(50f);
			assertThat(properties.circuitBreaker().openFor()).isEqualTo(Duration.ofSeconds(60));
			assertThat(properties).isEqualTo(DefiLlamaProperties.defaults(URI.create("https://yields.llama.fi")));
		});
	}

	@Test
	void bindsOverriddenSettings() {
		this.runner.withPropertyValues("yieldpilot.market.defillama.enabled=true",
				"yieldpilot.market.defillama.base-url=http://127.0.0.1:9/llama",
				"yieldpilot.market.defillama.read-timeout=2s", "yieldpilot.market.defillama.retry.initial-wait=10ms",
				"yieldpilot.market.defillama.circuit-breaker.open-for=5m")
			.run((context) -> {
				DefiLlamaProperties properties = context.getBean(DefiLlamaProperties.class);
				assertThat(properties.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9/llama"));
				assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.retry().initialWait()).isEqualTo(Duration.ofMillis(10));
				assertThat(properties.retry().maxAttempts()).isEqualTo(3);
				assertThat(properties.circuitBreaker().openFor()).isEqualTo(Duration.ofMinutes(5));
			});
	}

	@Test
	void refusesABaseUrlThatIsNotHttp() {
		this.runner
			.withPropertyValues("yieldpilot.market.defillama.enabled=true",
					"yieldpilot.market.defillama.base-url=file:///etc/passwd")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("base-url must be an http(s) URL"));
	}

}
