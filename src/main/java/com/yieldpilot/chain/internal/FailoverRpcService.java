package com.yieldpilot.chain.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.reactivex.Flowable;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.events.Notification;

/**
 * A web3j transport over a chain's URLs in fallback order. Each pass offers a request to
 * every usable URL in turn until one answers; a pass where some URL failed is repeated
 * after a backoff, up to the retry's attempts. The primary comes first in every pass, so
 * it takes over again as soon as its circuit lets it. JSON-RPC errors are answers, not
 * failures: a revert is the same on every URL. Why:
 * docs/decisions/0007-production-chain-reads.md.
 */
final class FailoverRpcService implements Web3jService {

	private final String chain;

	private final List<RpcEndpoint> endpoints;

	private final Retry retry;

	private final ExecutorService async = Executors.newVirtualThreadPerTaskExecutor();

	FailoverRpcService(String chain, List<RpcEndpoint> endpoints, Retry retry) {
		this.chain = chain;
		this.endpoints = List.copyOf(endpoints);
		this.retry = retry;
	}

	List<RpcEndpoint> endpoints() {
		return this.endpoints;
	}

	@Override
	public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
		return call(transport -> transport.send(request, responseType));
	}

	@Override
	public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> responseType) {
		return CompletableFuture.supplyAsync(() -> unchecked(() -> send(request, responseType)), this.async);
	}

	@Override
	public BatchResponse sendBatch(BatchRequest batchRequest) throws IOException {
		return call(transport -> transport.sendBatch(batchRequest));
	}

	@Override
	public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batchRequest) {
		return CompletableFuture.supplyAsync(() -> unchecked(() -> sendBatch(batchRequest)), this.async);
	}

	@Override
	public <T extends Notification<?>> Flowable<T> subscribe(Request request, String unsubscribeMethod,
			Class<T> responseType) {
		throw new UnsupportedOperationException("RPC over HTTP has no subscriptions; poll instead");
	}

	@Override
	public void close() {
		this.async.close();
		this.endpoints.forEach(RpcEndpoint::close);
	}

	private <T> T call(RpcEndpoint.Exchange<T> exchange) throws IOException {
		try {
			return Retry.decorateCheckedSupplier(this.retry, () -> onePass(exchange)).get();
		}
		catch (IOException | RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IOException(ex);
		}
	}

	private <T> T onePass(RpcEndpoint.Exchange<T> exchange) throws IOException {
		List<String> problems = new ArrayList<>();
		boolean failed = false;
		for (RpcEndpoint endpoint : this.endpoints) {
			try {
				return endpoint.send(exchange);
			}
			catch (EndpointRejectedException ex) {
				problems.add(endpoint.shown() + " rejected (serves another chain)");
			}
			catch (CallNotPermittedException ex) {
				problems.add(endpoint.shown() + " skipped while its circuit is open");
			}
			catch (IOException ex) {
				problems.add(endpoint.shown() + " failed: " + RpcEndpoint.describe(ex));
				failed = true;
			}
		}
		throw new RpcUnavailableException(this.chain, problems, failed);
	}

	private static <T> T unchecked(IoSupplier<T> supplier) {
		try {
			return supplier.get();
		}
		catch (IOException ex) {
			throw new CompletionException(ex);
		}
	}

	@FunctionalInterface
	private interface IoSupplier<T> {

		T get() throws IOException;

	}

}
