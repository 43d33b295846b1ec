package com.yieldpilot.market.internal.defillama;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the DefiLlama Yields source, {@code yieldpilot.market.defillama.*}.
 *
 * @param enabled whether the client bean is created at all (off unless set)
 * @param baseUrl API root; {@code /pools} and {@code /chart/{pool}} are appended
 * @param connectTimeout limit for opening a connection
 * @param readTimeout limit for waiting on the response headers, and then on each read of
 * the body
 * @param retry how failed calls are retried
 * @param circuitBreaker when the source is given up on for a while
 */
@ConfigurationProperties("yieldpilot.market.defillama")
public record DefiLlamaProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("https://yields.llama.fi") URI baseUrl, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue RetrySettings retry,
		@DefaultValue CircuitBreakerSettings circuitBreaker) {

	/** The defaults, pointed at another base URL (tests, mirrors). */
	public static DefiLlamaProperties defaults(URI baseUrl) {
		return new DefiLlamaProperties(true, baseUrl, Duration.ofSeconds(5), Duration.ofSeconds(30),
				new RetrySettings(3, Duration.ofMillis(500), 2.0),
				new CircuitBreakerSettings(10, 50, Duration.ofSeconds(60)));
	}

	public DefiLlamaProperties withReadTimeout(Duration timeout) {
		return new DefiLlamaProperties(this.enabled, this.baseUrl, this.connectTimeout, timeout, this.retry,
				this.circuitBreaker);
	}

	public DefiLlamaProperties withRetry(RetrySettings settings) {
		return new DefiLlamaProperties(this.enabled, this.baseUrl, this.connectTimeout, this.readTimeout, settings,
				this.circuitBreaker);
	}

	public DefiLlamaProperties withCircuitBreaker(CircuitBreakerSettings settings) {
		return new DefiLlamaProperties(this.enabled, this.baseUrl, this.connectTimeout, this.readTimeout, this.retry,
				settings);
	}

	/**
	 * Retries of failures worth retrying (I/O errors, timeouts, HTTP 5xx/429/408), with
	 * exponential backoff.
	 *
	 * @param maxAttempts attempts per call, the first included
	 * @param initialWait wait before the second attempt
	 * @param multiplier factor between successive waits
	 */
	public record RetrySettings(@DefaultValue("3") int maxAttempts, @DefaultValue("500ms") Duration initialWait,
			@DefaultValue("2.0") double multiplier) {

	}

	/**
	 * A count-based circuit breaker around the retried call: when at least
	 * {@code failureRatePercent} of the last {@code slidingWindowSize} calls failed,
	 * calls fail fast for {@code openFor}, then a few trial calls decide whether to close
	 * it.
	 *
	 * @param slidingWindowSize calls in the window, also the minimum before it can open
	 * @param failureRatePercent failure rate that opens the circuit
	 * @param openFor how long the circuit stays open
	 */
	public record CircuitBreakerSettings(@DefaultValue("10") int slidingWindowSize,
			@DefaultValue("50") float failureRatePercent, @DefaultValue("60s") Duration openFor) {

	}

}
