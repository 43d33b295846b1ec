package com.yieldpilot.chain.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Pattern;

import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.chain.KnownChains;
import com.yieldpilot.chain.RpcEndpointStatus;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * The production chains' clients, built from {@link ChainProperties}: per chain, one
 * {@link RpcEndpoint} per URL behind a {@link FailoverRpcService}, and a web3j client on
 * top. Circuit breakers are named {@code rpc-<chain>-<index>}, never by URL, and publish
 * their metrics under those names.
 */
final class RpcChainClients implements ChainClients, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RpcChainClients.class);

	private static final Pattern CHAIN_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

	/** web3j's polling for receipts and filters; chains mine every 0.25 to 12 s. */
	private static final long POLLING_MILLIS = 1000;

	private final Map<String, Chain> chains;

	private final OkHttpClient http;

	private RpcChainClients(Map<String, Chain> chains, OkHttpClient http) {
		this.chains = Collections.unmodifiableMap(chains);
		this.http = http;
	}

	private record Chain(String name, long id, FailoverRpcService service, Web3j web3j) {
	}

	/**
	 * Builds the clients; nothing is sent yet.
	 * @throws IllegalArgumentException when a chain name, chain id or URL is wrong, with
	 * a message that never shows more of a URL than its host
	 */
	static RpcChainClients create(ChainProperties properties, Clock clock, @Nullable MeterRegistry meters) {
		ChainProperties.RpcClientSettings settings = properties.rpcClient();
		OkHttpClient http = new OkHttpClient.Builder().connectTimeout(settings.connectTimeout())
			.readTimeout(settings.readTimeout())
			.writeTimeout(settings.readTimeout())
			.callTimeout(settings.connectTimeout().plus(settings.readTimeout()))
			// the failover decides where a failed request goes next, not OkHttp
			.retryOnConnectionFailure(false)
			.build();
		CircuitBreakerRegistry circuits = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.slidingWindow(settings.circuitWindow(), settings.circuitWindow(),
					CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(settings.failureRatePercent())
			.waitDurationInOpenState(settings.openFor())
			.permittedNumberOfCallsInHalfOpenState(1)
			.build());
		RetryConfig retry = RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.intervalFunction(
					IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), settings.backoffMultiplier()))
			.retryOnException(ex -> ex instanceof RpcUnavailableException unavailable && unavailable.retryable())
			.build();
		Map<String, Chain> chains = new TreeMap<>();
		try {
			for (Map.Entry<String, List<String>> entry : properties.rpc().entrySet()) {
				String name = entry.getKey();
				long id = chainId(name, properties.chainIds());
				List<RpcEndpoint> endpoints = new ArrayList<>();
				List<String> urls = entry.getValue().stream().filter(u -> !u.isBlank()).toList();
				if (urls.isEmpty()) {
					throw new IllegalArgumentException("yieldpilot.chain.rpc." + name + " lists no URL.");
				}
				for (int i = 0; i < urls.size(); i++) {
					URI url = RpcUrls.parse("yieldpilot.chain.rpc." + name + "[" + i + "]", urls.get(i));
					endpoints.add(new RpcEndpoint(name, i, id, url, http,
							circuits.circuitBreaker("rpc-" + name + "-" + i), clock));
				}
				FailoverRpcService service = new FailoverRpcService(name, endpoints, Retry.of("rpc-" + name, retry));
				ScheduledExecutorService polling = Executors
					.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("web3j-" + name).factory());
				chains.put(name, new Chain(name, id, service, Web3j.build(service, POLLING_MILLIS, polling)));
				log.info("Chain {} (id {}) over {} RPC URL(s): {}", name, id, endpoints.size(),
						endpoints.stream().map(RpcEndpoint::shown).toList());
			}
		}
		catch (RuntimeException ex) {
			chains.values().forEach(c -> c.web3j().shutdown());
			shutdown(http);
			throw ex;
		}
		if (meters != null) {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuits).bindTo(meters);
		}
		return new RpcChainClients(chains, http);
	}

	private static long chainId(String name, Map<String, Long> configured) {
		if (!CHAIN_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("yieldpilot.chain.rpc." + name
					+ ": a chain name is lower case letters, digits, '.' and '-', as in pool ids (e.g. base).");
		}
		Long id = configured.get(name);
		if (id != null) {
			return id;
		}
		return KnownChains.id(name)
			.orElseThrow(() -> new IllegalArgumentException("yieldpilot.chain.rpc." + name
					+ ": YieldPilot does not know the chain id of '" + name + "'. Set yieldpilot.chain.chain-ids."
					+ name + ", or use a known name (ethereum, base, arbitrum, optimism, polygon)."));
	}

	@Override
	public Set<String> chains() {
		return this.chains.keySet();
	}

	@Override
	public Web3j client(String chain) {
		return chain(chain).web3j();
	}

	@Override
	public long chainId(String chain) {
		return chain(chain).id();
	}

	@Override
	public List<RpcEndpointStatus> endpoints(String chain) {
		return chain(chain).service().endpoints().stream().map(RpcEndpoint::status).toList();
	}

	/**
	 * Asks every URL that has not answered yet for its chain id, in parallel, and returns
	 * when all have answered or failed. A URL that answers another chain id is rejected;
	 * one that does not answer is asked again before its first use.
	 */
	void verifyAll() {
		try (ExecutorService verifying = Executors.newVirtualThreadPerTaskExecutor()) {
			for (Chain chain : this.chains.values()) {
				for (RpcEndpoint endpoint : chain.service().endpoints()) {
					verifying.submit(() -> {
						try {
							endpoint.verify();
						}
						catch (EndpointRejectedException ex) {
							// logged once, as an error, when it was rejected
						}
						catch (IOException | CallNotPermittedException ex) {
							log.warn("Could not check the chain id of RPC URL {} yet: {}", endpoint.shown(),
									RpcEndpoint.describe(ex));
						}
					});
				}
			}
		}
	}

	private Chain chain(String chain) {
		Chain found = this.chains.get(chain);
		if (found == null) {
			throw new IllegalArgumentException("No RPC URLs are configured for chain '" + chain
					+ "'. Set yieldpilot.chain.rpc." + chain + "=https://…");
		}
		return found;
	}

	@Override
	public void close() {
		this.chains.values().forEach(c -> c.web3j().shutdown());
		shutdown(this.http);
	}

	private static void shutdown(OkHttpClient http) {
		http.dispatcher().executorService().shutdown();
		http.connectionPool().evictAll();
	}

}
