package com.yieldpilot.market.internal.defillama;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Fetches DefiLlama's {@code /pools} and {@code /chart/{pool}} over HTTP and streams the
 * bodies through {@link PoolsParser} and {@link ChartParser}.
 * <p>
 * Each call runs inside a circuit breaker (named {@value #NAME}) around a retry: I/O
 * errors, timeouts and HTTP 5xx/429/408 are retried with exponential backoff; other HTTP
 * statuses, {@link DefiLlamaFormatException} and interruptions are not. A {@code /pools}
 * attempt that already handed pools to the consumer is not retried either, so the
 * consumer never sees a pool twice within one call. Failures surface as
 * {@link DefiLlamaTransportException}, {@link DefiLlamaHttpException},
 * {@link DefiLlamaFormatException}, or {@link CallNotPermittedException} while the
 * circuit is open (then no request is sent). An exception thrown by the caller's consumer
 * ends the call unchanged, without retry, and does not count against DefiLlama.
 * <p>
 * Timeouts: {@code connectTimeout} for the connection, {@code readTimeout} for the
 * response headers and again for every read of the body. Responses may be gzip-encoded.
 * Thread-safe; close it to stop its threads.
 */
public final class DefiLlamaClient implements AutoCloseable {

	/** Name of the retry and circuit breaker, also their {@code name} metric tag. */
	public static final String NAME = "defillama";

	/** Trial calls after the open period; few, because the source is polled rarely. */
	private static final int HALF_OPEN_CALLS = 3;

	private final String baseUrl;

	private final Duration readTimeout;

	private final HttpClient http;

	private final ScheduledExecutorService watchdog;

	private final PoolsParser poolsParser = new PoolsParser();

	private final ChartParser chartParser = new ChartParser();

	private final CircuitBreaker circuitBreaker;

	private final Retry retry;

	private final Clock clock;

	private final AtomicReference<SourceHealth> health;

	/**
	 * @param properties where DefiLlama is and how patient to be with it
	 * @param meterRegistry where to publish retry and circuit breaker metrics; null for
	 * none
	 */
	public DefiLlamaClient(DefiLlamaProperties properties, @Nullable MeterRegistry meterRegistry) {
		this(properties, meterRegistry, Clock.systemUTC());
	}

	DefiLlamaClient(DefiLlamaProperties properties, @Nullable MeterRegistry meterRegistry, Clock clock) {
		this.baseUrl = checkedBaseUrl(properties.baseUrl());
		this.readTimeout = positive(properties.readTimeout(), "read-timeout");
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(positive(properties.connectTimeout(), "connect-timeout"))
			// the base URL is configured: a redirect elsewhere is an error to look
			// at, not to follow
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.watchdog = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("defillama-read-timeout").factory());
		CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry
			.of(circuitBreakerConfig(properties.circuitBreaker()));
		RetryRegistry retries = RetryRegistry.of(retryConfig(properties.retry()));
		this.circuitBreaker = circuitBreakers.circuitBreaker(NAME);
		this.retry = retries.retry(NAME);
		this.health = new AtomicReference<>(SourceHealth.initial(this.circuitBreaker.getState()));
		if (meterRegistry != null) {
			TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meterRegistry);
			TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meterRegistry);
		}
	}

	/**
	 * Fetches {@code /pools}, handing each accepted pool to {@code sink} while the body
	 * is still streaming in.
	 * @return counts and skipped pools of the successful attempt
	 */
	public BatchReport fetchPools(Consumer<? super DefiLlamaPool> sink) {
		Objects.requireNonNull(sink, "sink");
		URI uri = URI.create(this.baseUrl + "/pools");
		return call(() -> {
			AtomicInteger delivered = new AtomicInteger();
			return attempt(uri, (body) -> this.poolsParser.parse(body, (pool) -> {
				delivered.incrementAndGet();
				try {
					sink.accept(pool);
				}
				catch (RuntimeException ex) {
					// the caller's own failure (say, its database is down): marked
					// so it is neither retried nor blamed on DefiLlama
					throw new ConsumerFailure(ex);
				}
			}), delivered);
		});
	}

	/**
	 * Fetches {@code /chart/{poolId}}.
	 * @param poolId a DefiLlama pool id; must be a UUID, checked before any request
	 * @throws IllegalArgumentException if {@code poolId} is not a UUID
	 */
	public ChartSeries fetchChart(String poolId) {
		// the id may come from a user: only a strict UUID ever goes into the URL
		String id = PoolIds.canonical(poolId)
			.orElseThrow(() -> new IllegalArgumentException("A DefiLlama pool id must be a UUID"));
		URI uri = URI.create(this.baseUrl + "/chart/" + id);
		return call(() -> attempt(uri, this.chartParser::parse, new AtomicInteger()));
	}

	/** The circuit breaker's current state. */
	public CircuitBreaker.State state() {
		return this.circuitBreaker.getState();
	}

	/** A snapshot of how the source has been doing. */
	public SourceHealth health() {
		return this.health.get().withCircuitState(state());
	}

	@Override
	public void close() {
		this.watchdog.shutdownNow();
		this.http.close();
	}

	private <T> T call(Supplier<T> attempt) {
		Supplier<T> guarded = CircuitBreaker.decorateSupplier(this.circuitBreaker,
				Retry.decorateSupplier(this.retry, attempt));
		long started = System.nanoTime();
		try {
			T result = guarded.get();
			Duration latency = Duration.ofNanos(System.nanoTime() - started);
			this.health.updateAndGet((h) -> h.succeeded(this.clock.instant(), latency));
			return result;
		}
		catch (CallNotPermittedException ex) {
			throw ex;
		}
		catch (ConsumerFailure ex) {
			throw ex.original();
		}
		catch (RuntimeException ex) {
			if (isSourceFailure(ex)) {
				Duration latency = Duration.ofNanos(System.nanoTime() - started);
				String message = Objects.requireNonNullElse(ex.getMessage(), ex.getClass().getSimpleName());
				this.health.updateAndGet((h) -> h.failed(this.clock.instant(), message, latency));
			}
			throw ex;
		}
	}

	/** One HTTP exchange: request, status check, decoding, parsing. */
	private <T> T attempt(URI uri, BodyReader<T> reader, AtomicInteger delivered) {
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.readTimeout)
			.header("Accept", "application/json")
			.header("Accept-Encoding", "gzip")
			.GET()
			.build();
		HttpResponse<InputStream> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw transport(uri, ex, delivered);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DefiLlamaTransportException("Interrupted while calling DefiLlama " + uri.getPath(), ex, false);
		}
		try (InputStream raw = response.body()) {
			if (response.statusCode() != 200) {
				throw new DefiLlamaHttpException(uri.getPath(), response.statusCode());
			}
			InputStream body = new ReadTimeoutInputStream(raw, this.readTimeout, this.watchdog);
			try (InputStream decoded = decode(body, response, uri)) {
				return reader.read(decoded);
			}
		}
		catch (UncheckedIOException ex) {
			throw failure(uri, ex.getCause(), delivered);
		}
		catch (IOException ex) {
			throw failure(uri, ex, delivered);
		}
	}

	private static InputStream decode(InputStream body, HttpResponse<?> response, URI uri) throws IOException {
		Optional<String> encoding = response.headers().firstValue("Content-Encoding");
		if (encoding.isEmpty() || encoding.get().isBlank() || encoding.get().equalsIgnoreCase("identity")) {
			return body;
		}
		if (encoding.get().trim().toLowerCase(Locale.ROOT).equals("gzip")) {
			return new GZIPInputStream(body, 64 * 1024);
		}
		throw new DefiLlamaFormatException("DefiLlama " + uri.getPath() + " answered with Content-Encoding "
				+ JsonValues.echo(encoding.get()) + ", only gzip was accepted", 0, null);
	}

	private static RuntimeException failure(URI uri, IOException ex, AtomicInteger delivered) {
		if (ex instanceof ZipException) {
			// the bytes arrived but are not gzip: a broken body, not a broken connection
			return new DefiLlamaFormatException(
					"DefiLlama " + uri.getPath() + " sent a corrupt gzip body: " + ex.getMessage(), delivered.get(),
					ex);
		}
		return transport(uri, ex, delivered);
	}

	private static DefiLlamaTransportException transport(URI uri, IOException ex, AtomicInteger delivered) {
		int handedOver = delivered.get();
		String message = "DefiLlama " + uri.getPath() + " failed: " + ex;
		if (handedOver > 0) {
			message += " (after " + handedOver + " records were handed over, so not retried)";
		}
		return new DefiLlamaTransportException(message, ex, handedOver == 0);
	}

	private static boolean isRetryable(Throwable ex) {
		if (ex instanceof DefiLlamaTransportException transport) {
			return transport.isRetryable();
		}
		return ex instanceof DefiLlamaHttpException http && http.isRetryable();
	}

	/**
	 * Whether a failure says something about DefiLlama's health. A 404 for an unknown
	 * pool, an interrupted caller or a failing consumer does not, so it neither opens the
	 * circuit nor shows in {@link SourceHealth}.
	 */
	private static boolean isSourceFailure(Throwable ex) {
		if (ex instanceof DefiLlamaHttpException http) {
			return http.isRetryable();
		}
		if (ex instanceof DefiLlamaTransportException && ex.getCause() instanceof InterruptedException) {
			return false;
		}
		return !(ex instanceof ConsumerFailure);
	}

	private static RetryConfig retryConfig(DefiLlamaProperties.RetrySettings settings) {
		if (settings.maxAttempts() < 1) {
			throw new IllegalArgumentException("yieldpilot.market.defillama.retry.max-attempts must be at least 1");
		}
		return RetryConfig.custom()
			.maxAttempts(settings.maxAttempts())
			.intervalFunction(IntervalFunction
				.ofExponentialBackoff(positive(settings.initialWait(), "retry.initial-wait"), settings.multiplier()))
			.retryOnException(DefiLlamaClient::isRetryable)
			.build();
	}

	private static CircuitBreakerConfig circuitBreakerConfig(DefiLlamaProperties.CircuitBreakerSettings settings) {
		return CircuitBreakerConfig.custom()
			// minimum = window: the circuit judges a full window, not the first bad call
			.slidingWindow(settings.slidingWindowSize(), settings.slidingWindowSize(),
					CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
			.failureRateThreshold(settings.failureRatePercent())
			.waitDurationInOpenState(positive(settings.openFor(), "circuit-breaker.open-for"))
			.permittedNumberOfCallsInHalfOpenState(HALF_OPEN_CALLS)
			.ignoreException((ex) -> !isSourceFailure(ex))
			.build();
	}

	private static String checkedBaseUrl(URI baseUrl) {
		String scheme = baseUrl.getScheme();
		if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
				|| baseUrl.getHost() == null || baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
			throw new IllegalArgumentException(
					"yieldpilot.market.defillama.base-url must be an http(s) URL without query, was " + baseUrl);
		}
		String url = baseUrl.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static Duration positive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("yieldpilot.market.defillama." + name + " must be positive");
		}
		return duration;
	}

	/**
	 * Carries an exception of the caller's consumer through the retry and the circuit.
	 */
	private static final class ConsumerFailure extends RuntimeException {

		ConsumerFailure(RuntimeException original) {
			super(original);
		}

		RuntimeException original() {
			return (RuntimeException) getCause();
		}

	}

	/** Reads one decoded response body. */
	@FunctionalInterface
	private interface BodyReader<T> {

		T read(InputStream body);

	}

}
