package com.yieldpilot.chain.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Checks configured RPC URLs and shows them safely. Providers put API keys into the path
 * ({@code …/v2/<key>}) or the query, so a URL is only ever shown as scheme, host and
 * port; "…" marks that something was left out.
 */
final class RpcUrls {

	private RpcUrls() {
	}

	/**
	 * The URL, checked: http(s), with a host, and no user part.
	 * @param property the property it came from, for the error message
	 * @throws IllegalArgumentException with a message that shows at most the host
	 */
	static URI parse(String property, String text) {
		URI uri;
		try {
			uri = new URI(text.strip());
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException(
					property + " is not a URL (not shown: it may contain an API key). Write it as https://host/path.");
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw new IllegalArgumentException(property + " (" + redacted(uri)
					+ ") must be an http or https URL; websocket RPC is not supported.");
		}
		if (uri.getHost() == null) {
			throw new IllegalArgumentException(property + " (" + redacted(uri) + ") has no host.");
		}
		if (uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException(property + " (" + redacted(uri)
					+ ") carries credentials before the host, which are not sent; use the provider's URL with "
					+ "the key in its path.");
		}
		return uri;
	}

	/** Scheme, host and port, with "…" when a path or query was left out. */
	static String redacted(URI uri) {
		StringBuilder shown = new StringBuilder();
		shown.append((uri.getScheme() != null) ? uri.getScheme() : "?").append("://");
		shown.append((uri.getHost() != null) ? uri.getHost() : "?");
		if (uri.getPort() != -1) {
			shown.append(':').append(uri.getPort());
		}
		String path = uri.getRawPath();
		boolean hidden = (path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null
				|| uri.getRawFragment() != null || uri.getRawUserInfo() != null;
		return hidden ? shown.append("/…").toString() : shown.toString();
	}

}
