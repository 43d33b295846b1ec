package com.yieldpilot.market.internal.defillama;

/**
 * DefiLlama answered with an HTTP status other than 200. Server trouble (5xx), throttling
 * (429) and request timeouts (408) are worth retrying; other statuses (a 404 for an
 * unknown pool, a redirect) are not, and do not count against the source's health either.
 */
public class DefiLlamaHttpException extends RuntimeException {

	private final int statusCode;

	public DefiLlamaHttpException(String path, int statusCode) {
		super("DefiLlama answered HTTP " + statusCode + " for " + path);
		this.statusCode = statusCode;
	}

	public int statusCode() {
		return this.statusCode;
	}

	/** Whether the status says "try again later" rather than "this request is wrong". */
	public boolean isRetryable() {
		return this.statusCode >= 500 || this.statusCode == 429 || this.statusCode == 408;
	}

}
