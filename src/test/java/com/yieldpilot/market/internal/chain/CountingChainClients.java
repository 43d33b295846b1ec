package com.yieldpilot.market.internal.chain;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.chain.RpcEndpointStatus;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * One chain over one real HTTP transport that counts the requests it sends, so a test can
 * tell batched reads from one call each. Fallback itself is tested in the chain module.
 */
final class CountingChainClients implements ChainClients, AutoCloseable {

	private final String chain;

	private final long chainId;

	private final Counting transport;

	private final Web3j web3j;

	CountingChainClients(String chain, long chainId, String rpcUrl) {
		this.chain = chain;
		this.chainId = chainId;
		this.transport = new Counting(rpcUrl);
		this.web3j = Web3j.build(this.transport, 100,
				Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory()));
	}

	/** Requests sent so far. */
	int requests() {
		return this.transport.requests.get();
	}

	@Override
	public Set<String> chains() {
		return Set.of(this.chain);
	}

	@Override
	public Web3j client(String chain) {
		return this.web3j;
	}

	@Override
	public long chainId(String chain) {
		return this.chainId;
	}

	@Override
	public List<RpcEndpointStatus> endpoints(String chain) {
		return List.of(new RpcEndpointStatus(chain, 0, "http://127.0.0.1", RpcEndpointStatus.Verification.VERIFIED,
				"CLOSED", null, null, null, 0, requests(), 0, null));
	}

	@Override
	public void close() {
		this.web3j.shutdown();
	}

	private static final class Counting extends HttpService {

		private final AtomicInteger requests = new AtomicInteger();

		Counting(String url) {
			super(url);
		}

		@Override
		protected InputStream performIO(String request) throws IOException {
			this.requests.incrementAndGet();
			return super.performIO(request);
		}

	}

}
