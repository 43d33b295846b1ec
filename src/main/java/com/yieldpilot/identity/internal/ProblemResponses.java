package com.yieldpilot.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** RFC 9457 problem bodies for refusals written before Spring MVC is reached. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static void unauthorized(HttpServletResponse response, String error, String detail) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"yieldpilot\", error=\"" + error + "\"");
		write(response, 401, "Unauthorized", detail);
	}

	static void forbidden(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		write(response, 403, "Forbidden", detail);
	}

	private static void write(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		// the texts are constants of this class's callers, never request data, so no
		// escaping is needed
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
