package com.yieldpilot.market.internal.defillama;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for yields.llama.fi: the JDK's HttpServer on 127.0.0.1, a free port,
 * answering from a script of responses (the last one repeats), counting every request.
 * Public for the tests of other market packages that fetch from DefiLlama.
 */
public final class StandInServer implements AutoCloseable {

	/** Writes one response. */
	@FunctionalInterface
	public interface Responder {

		void respond(HttpExchange exchange) throws IOException;

	}

	/** A request as the server saw it. */
	public record Seen(String path, String acceptEncoding) {

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Queue<Responder> script = new ConcurrentLinkedQueue<>();

	private final AtomicInteger hits = new AtomicInteger();

	private final List<Seen> seen = new CopyOnWriteArrayList<>();

	/** Released on close, so handlers that stall let go at once. */
	private final CountDownLatch closing = new CountDownLatch(1);

	private volatile Responder last = (exchange) -> {
		throw new IllegalStateException("no response scripted");
	};

	public StandInServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** Answers the next requests with these responses, in order; the last one repeats. */
	public StandInServer answer(Responder... responses) {
		for (Responder response : responses) {
			this.script.add(response);
		}
		return this;
	}

	public int hits() {
		return this.hits.get();
	}

	public List<Seen> seen() {
		return this.seen;
	}

	public Responder body(int status, byte[] body) {
		return (exchange) -> send(exchange, status, body, false);
	}

	public Responder json(String json) {
		return body(200, json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	public Responder gzip(byte[] body) {
		return (exchange) -> send(exchange, 200, gzipped(body), true);
	}

	public Responder status(int status) {
		return body(status, ("{\"status\":\"error\",\"code\":" + status + "}").getBytes());
	}

	/** Sends nothing until the test ends (beyond any read timeout under test). */
	public Responder stall() {
		return (exchange) -> {
			awaitClosing();
			exchange.close();
		};
	}

	/**
	 * Sends the headers and the first bytes of the body, then stalls until the test ends.
	 */
	Responder stallAfter(byte[] body, int bytes) {
		return (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			OutputStream out = exchange.getResponseBody();
			out.write(body, 0, bytes);
			out.flush();
			awaitClosing();
			exchange.close();
		};
	}

	/**
	 * Announces the full length but sends only the first bytes, waits until {@code when}
	 * is released (so the test decides how much the client has read by then), then drops
	 * the connection: the client sees it break mid-body.
	 */
	Responder breakAfter(byte[] body, int bytes, CountDownLatch when) {
		return (exchange) -> {
			exchange.sendResponseHeaders(200, body.length);
			OutputStream out = exchange.getResponseBody();
			out.write(body, 0, bytes);
			out.flush();
			await(when);
			exchange.close();
		};
	}

	@Override
	public void close() {
		this.closing.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	static byte[] gzipped(byte[] body) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private void handle(HttpExchange exchange) throws IOException {
		this.hits.incrementAndGet();
		String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
		this.seen.add(new Seen(exchange.getRequestURI().getRawPath(), (acceptEncoding != null) ? acceptEncoding : ""));
		try (InputStream request = exchange.getRequestBody()) {
			request.readAllBytes();
		}
		Responder next = this.script.poll();
		if (next != null) {
			this.last = next;
		}
		this.last.respond(exchange);
	}

	private void awaitClosing() {
		await(this.closing);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void send(HttpExchange exchange, int status, byte[] body, boolean gzip) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		if (gzip) {
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
		}
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
