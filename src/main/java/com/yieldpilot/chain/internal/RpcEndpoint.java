package com.yieldpilot.chain.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.yieldpilot.chain.RpcEndpointStatus;
import com.yieldpilot.chain.RpcEndpointStatus.Verification;
import com.yieldpilot.platform.logging.Redaction;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * One RPC URL of a chain: its HTTP transport with timeouts, its circuit breaker, whether
 * it answered the right chain id, and its record of successes and failures. The URL
 * itself stays inside; everything shown names it by host only.
 */
final class RpcEndpoint {

	private static final Logger log = LoggerFactory.getLogger(RpcEndpoint.class);

	private static final int MAX_ERROR_LENGTH = 300;

	private final String chain;

	private final int index;

	private final long chainId;

	private final String shown;

	private final HttpService http;

	private final CircuitBreaker circuit;

	private final Clock clock;

	private final AtomicReference<Stats> stats = new AtomicReference<>(Stats.NONE);

	private volatile Verification verification = Verification.UNVERIFIED;

	private volatile @Nullable String rejection;

	RpcEndpoint(String chain, int index, long chainId, URI url, OkHttpClient client, CircuitBreaker circuit,
			Clock clock) {
		this.chain = chain;
		this.index = index;
		this.chainId = chainId;
		this.shown = chain + "#" + index + " " + RpcUrls.redacted(url);
		this.http = new HttpService(url.toString(), client);
		this.circuit = circuit;
		this.clock = clock;
	}

	/** One request, or several in a batch, sent over a transport. */
	@FunctionalInterface
	interface Exchange<T> {

		T send(Web3jService transport) throws IOException;

	}

	/** How logs and errors name this URL: chain, position and host. */
	String shown() {
		return this.shown;
	}

	/**
	 * Sends through this URL once, after checking its chain id if that was not done yet.
	 * @throws io.github.resilience4j.circuitbreaker.CallNotPermittedException while its
	 * circuit is open
	 * @throws EndpointRejectedException when it serves another chain
	 * @throws IOException when it failed, timed out or answered with an HTTP error
	 */
	<T> T send(Exchange<T> exchange) throws IOException {
		verify();
		return guarded(exchange);
	}

	/**
	 * Asks the URL for its chain id unless it answered already; a different id rejects it
	 * for good.
	 */
	void verify() throws IOException {
		if (this.verification == Verification.VERIFIED) {
			return;
		}
		synchronized (this) {
			if (this.verification == Verification.UNVERIFIED) {
				EthChainId answer = guarded(
						transport -> new Request<>("eth_chainId", List.of(), transport, EthChainId.class).send());
				if (answer.hasError() || answer.getChainId() == null) {
					String error = answer.hasError() ? answer.getError().getMessage() : "no chain id";
					throw new IOException(this.shown + " could not tell its chain id: " + trimmed(error));
				}
				long answered = answer.getChainId().longValueExact();
				if (answered != this.chainId) {
					this.rejection = this.shown + " answers chain id " + answered + ", but " + this.chain + " is chain "
							+ this.chainId + ": it is never used. Fix yieldpilot.chain.rpc." + this.chain + "["
							+ this.index + "] or remove it.";
					this.verification = Verification.REJECTED;
					log.error("Rejected RPC URL: {}", this.rejection);
				}
				else {
					this.verification = Verification.VERIFIED;
					log.info("RPC URL {} serves chain id {}", this.shown, answered);
				}
			}
			if (this.verification == Verification.REJECTED) {
				throw new EndpointRejectedException(String.valueOf(this.rejection));
			}
		}
	}

	private <T> T guarded(Exchange<T> exchange) throws IOException {
		this.circuit.acquirePermission();
		long started = System.nanoTime();
		try {
			T result = exchange.send(this.http);
			long elapsed = System.nanoTime() - started;
			this.circuit.onSuccess(elapsed, TimeUnit.NANOSECONDS);
			Instant now = this.clock.instant();
			this.stats.updateAndGet(s -> s.succeeded(now, Duration.ofNanos(elapsed)));
			return result;
		}
		catch (IOException | ClientConnectionException ex) {
			long elapsed = System.nanoTime() - started;
			this.circuit.onError(elapsed, TimeUnit.NANOSECONDS, ex);
			String error = describe(ex);
			Instant now = this.clock.instant();
			this.stats.updateAndGet(s -> s.failed(now, error, Duration.ofNanos(elapsed)));
			log.debug("RPC URL {} failed: {}", this.shown, error);
			throw (ex instanceof IOException io) ? io : new IOException(error, ex);
		}
		catch (RuntimeException ex) {
			// not the URL's fault (a decoding bug, say): do not count it against the URL
			this.circuit.releasePermission();
			throw ex;
		}
	}

	RpcEndpointStatus status() {
		Stats s = this.stats.get();
		String error = (this.verification == Verification.REJECTED) ? this.rejection : s.lastError();
		return new RpcEndpointStatus(this.chain, this.index, this.shown.substring(this.shown.indexOf(' ') + 1),
				this.verification, this.circuit.getState().name(), s.lastSuccess(), s.lastFailure(), error,
				s.consecutiveFailures(), s.successes(), s.failures(), s.lastLatency());
	}

	void close() {
		try {
			this.http.close();
		}
		catch (IOException ex) {
			log.debug("Closing {} failed: {}", this.shown, ex.toString());
		}
	}

	/**
	 * A failure in words, with nothing secret: the URL never appears, keys are masked.
	 */
	static String describe(Exception ex) {
		String message = (ex.getMessage() != null) ? ex.getMessage() : "";
		return trimmed(ex.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message));
	}

	private static String trimmed(String text) {
		String safe = Redaction.redact(text.replaceAll("\\s+", " "));
		return (safe.length() <= MAX_ERROR_LENGTH) ? safe : safe.substring(0, MAX_ERROR_LENGTH - 1) + "…";
	}

	private record Stats(@Nullable Instant lastSuccess, @Nullable Instant lastFailure, @Nullable String lastError,
			int consecutiveFailures, long successes, long failures, @Nullable Duration lastLatency) {

		static final Stats NONE = new Stats(null, null, null, 0, 0, 0, null);

		Stats succeeded(Instant at, Duration latency) {
			return new Stats(at, this.lastFailure, this.lastError, 0, this.successes + 1, this.failures, latency);
		}

		Stats failed(Instant at, String error, Duration latency) {
			return new Stats(this.lastSuccess, at, error, this.consecutiveFailures + 1, this.successes,
					this.failures + 1, latency);
		}

	}

}
