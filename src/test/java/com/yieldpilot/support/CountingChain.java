package com.yieldpilot.support;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.reactivex.Flowable;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.events.Notification;

/**
 * A chain's JSON-RPC connection that counts what goes over it (a batch is one request)
 * and forwards it; a test may answer a request itself or hold batches by overriding
 * {@link #answer} and {@link #beforeBatch}. The readers under test send synchronously, so
 * the asynchronous calls and subscriptions are refused.
 */
public class CountingChain implements Web3jService {

	private final Web3jService chain;

	public final AtomicInteger requests = new AtomicInteger();

	public final AtomicInteger batches = new AtomicInteger();

	public CountingChain(Web3jService chain) {
		this.chain = chain;
	}

	@Override
	public final <T extends Response> T send(Request request, Class<T> type) throws IOException {
		this.requests.incrementAndGet();
		return answer(request, type);
	}

	/** Answers one request: the chain's answer unless a test knows better. */
	protected <T extends Response> T answer(Request request, Class<T> type) throws IOException {
		return this.chain.send(request, type);
	}

	@Override
	public final BatchResponse sendBatch(BatchRequest batch) throws IOException {
		this.requests.incrementAndGet();
		this.batches.incrementAndGet();
		beforeBatch();
		return this.chain.sendBatch(batch);
	}

	/** Runs before each batch is forwarded. */
	protected void beforeBatch() throws IOException {
	}

	@Override
	public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> type) {
		throw new UnsupportedOperationException("the readers under test send synchronously");
	}

	@Override
	public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batch) {
		throw new UnsupportedOperationException("the readers under test send synchronously");
	}

	@Override
	public <T extends Notification<?>> Flowable<T> subscribe(Request request, String unsubscribe, Class<T> type) {
		throw new UnsupportedOperationException("no subscriptions");
	}

	@Override
	public void close() throws IOException {
		this.chain.close();
	}

}
