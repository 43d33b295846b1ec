package com.yieldpilot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP client against a running node, so tests see exactly what a curl user sees.
 */
public final class Http {

	private final String baseUrl;

	private final HttpClient client = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public Http(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path, @Nullable String token) {
		return send(request(path, token).GET());
	}

	public HttpResponse<String> post(String path, @Nullable String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	/**
	 * A body of any type, as bytes: for texts, wrong content types and broken encodings.
	 */
	public HttpResponse<String> post(String path, @Nullable String token, String contentType, byte[] body) {
		return send(request(path, token).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/**
	 * A body sent in chunks, without a length announced up front: what a client streaming
	 * a file sends.
	 */
	public HttpResponse<String> postChunked(String path, @Nullable String token, String contentType, byte[] body) {
		return send(request(path, token).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
	}

	public HttpResponse<String> postText(String path, @Nullable String token, String text) {
		return post(path, token, "text/plain; charset=UTF-8", text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	public HttpResponse<String> put(String path, @Nullable String token, String json) {
		return send(request(path, token).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> putText(String path, @Nullable String token, String text) {
		return send(request(path, token).header("Content-Type", "text/plain; charset=UTF-8")
			.PUT(HttpRequest.BodyPublishers.ofString(text, java.nio.charset.StandardCharsets.UTF_8)));
	}

	public HttpResponse<String> delete(String path, @Nullable String token) {
		return send(request(path, token).DELETE());
	}

	private HttpRequest.Builder request(String path, @Nullable String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			return this.client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
