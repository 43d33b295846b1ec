package com.yieldpilot.chain.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the production chain clients, {@code yieldpilot.chain.*}.
 *
 * @param rpc each chain's RPC URLs in fallback order, e.g.
 * {@code yieldpilot.chain.rpc.base=https://a…,https://b…}; bound as text, so a malformed
 * URL is reported by this module without printing it (it may hold an API key)
 * @param chainIds chain ids of chains that {@code KnownChains} does not list
 * @param rpcClient timeouts, retries and circuit breakers of every URL
 */
@ConfigurationProperties("yieldpilot.chain")
record ChainProperties(@DefaultValue Map<String, List<String>> rpc, @DefaultValue Map<String, Long> chainIds,
		@DefaultValue RpcClientSettings rpcClient) {

	/**
	 * How patient a client is with each URL.
	 *
	 * @param connectTimeout limit for opening a connection
	 * @param readTimeout limit for a whole request and its answer
	 * @param maxAttempts passes over the URL list per request, the first included
	 * @param initialBackoff wait before the second pass; later waits grow by
	 * {@code backoffMultiplier}
	 * @param circuitWindow requests per URL the circuit breaker judges, also the minimum
	 * before it opens
	 * @param failureRatePercent failure rate in that window that opens the circuit
	 * @param openFor how long an open circuit skips its URL before trial requests
	 */
	record RpcClientSettings(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
			@DefaultValue("3") int maxAttempts, @DefaultValue("250ms") Duration initialBackoff,
			@DefaultValue("2.0") double backoffMultiplier, @DefaultValue("10") int circuitWindow,
			@DefaultValue("50") float failureRatePercent, @DefaultValue("30s") Duration openFor) {

		RpcClientSettings {
			if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative()
					|| readTimeout.isZero()) {
				throw new IllegalArgumentException("yieldpilot.chain.rpc-client timeouts must be positive");
			}
			if (maxAttempts < 1 || circuitWindow < 1) {
				throw new IllegalArgumentException(
						"yieldpilot.chain.rpc-client.max-attempts and .circuit-window must be at least 1");
			}
			if (failureRatePercent <= 0 || failureRatePercent > 100) {
				throw new IllegalArgumentException(
						"yieldpilot.chain.rpc-client.failure-rate-percent must lie in (0, 100]");
			}
		}

		/** The defaults, as Spring binds them when nothing is set. */
		static RpcClientSettings defaults() {
			return new RpcClientSettings(Duration.ofSeconds(5), Duration.ofSeconds(15), 3, Duration.ofMillis(250), 2.0,
					10, 50, Duration.ofSeconds(30));
		}

	}

}
