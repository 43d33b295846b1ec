package com.yieldpilot.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.web3j.crypto.Hash;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC endpoint on a loopback port that forwards every request to a node (an anvil)
 * and hands its answer back, except that {@code eth_sendRawTransaction} can be made to
 * misbehave <em>after</em> the node took the transaction: answer HTTP 503, drop the
 * connection without an answer, or answer another hash than the transaction's. The node
 * to forward to may be set after the proxy started (a node's anvil is known only once it
 * runs); until then requests wait for it.
 */
public final class JsonRpcProxy implements AutoCloseable {

	/** What {@code eth_sendRawTransaction} gets after the node took it. */
	public enum Fault {

		/** The node's answer, unchanged. */
		NONE,
		/** HTTP 503, as a load balancer in front of a failing provider answers. */
		UNAVAILABLE,
		/** The connection breaks before any answer. */
		DROPPED,
		/**
		 * A well-formed answer with a hash that is not the transaction's, whatever the
		 * node answered.
		 */
		WRONG_HASH

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final CompletableFuture<URI> target = new CompletableFuture<>();

	private final List<String> sentRaw = new CopyOnWriteArrayList<>();

	private volatile Fault fault = Fault.NONE;

	private JsonRpcProxy(HttpServer server) {
		this.server = server;
	}

	/** Starts a proxy on a free loopback port. */
	public static JsonRpcProxy start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			JsonRpcProxy proxy = new JsonRpcProxy(server);
			server.createContext("/", proxy::handle);
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.start();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Where requests go from now on; once only. */
	public void forwardTo(String rpcUrl) {
		this.target.complete(URI.create(rpcUrl));
	}

	public void fault(Fault fault) {
		this.fault = fault;
	}

	/** The raw transactions sent through this proxy, in order. */
	public List<String> sentRaw() {
		return List.copyOf(this.sentRaw);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			JsonNode request = JSON.readTree(body);
			boolean send = request.isObject() && "eth_sendRawTransaction".equals(request.path("method").asString(""));
			if (send) {
				this.sentRaw.add(request.get("params").get(0).asString());
			}
			HttpResponse<byte[]> answer;
			try {
				answer = this.client.send(HttpRequest.newBuilder(upstream())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			Fault now = send ? this.fault : Fault.NONE;
			switch (now) {
				case NONE -> respond(exchange, answer.statusCode(), answer.body());
				case UNAVAILABLE -> respond(exchange, 503, "upstream unavailable".getBytes(StandardCharsets.UTF_8));
				// nothing answered: closing an exchange that never sent headers closes
				// the connection, so the client sees it break
				case DROPPED -> exchange.close();
				case WRONG_HASH -> {
					// a liar answers a hash whatever the node said, even a refusal
					ObjectNode lie = JSON.createObjectNode();
					lie.put("jsonrpc", "2.0");
					lie.set("id", request.get("id"));
					lie.put("result", otherHash(Hash.sha3(request.get("params").get(0).asString())));
					respond(exchange, 200, JSON.writeValueAsBytes(lie));
				}
			}
		}
	}

	private URI upstream() throws IOException {
		try {
			return this.target.get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("the proxy was never told where to forward", ex);
		}
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** The same hash with its last digit changed. */
	static String otherHash(String hash) {
		char last = hash.charAt(hash.length() - 1);
		return hash.substring(0, hash.length() - 1) + ((last == '0') ? '1' : '0');
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
