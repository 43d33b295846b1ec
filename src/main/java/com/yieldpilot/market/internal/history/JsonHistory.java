package com.yieldpilot.market.internal.history;

import java.io.InputStream;

import com.yieldpilot.market.internal.defillama.DefiLlamaJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * History as JSON: DefiLlama's {@code /chart/{pool}} response,
 * {@code {"status":"success","data":[{"timestamp":...,"tvlUsd":...,"apy":...}]}}, or just
 * the array of points. Read token by token; each point is reported by the line it starts
 * on.
 */
final class JsonHistory {

	private static final JsonFactory JSON = DefiLlamaJson.FACTORY;

	private JsonHistory() {
	}

	static void read(InputStream body, HistoryRows rows) {
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			JsonToken root = parser.nextToken();
			if (root == JsonToken.START_ARRAY) {
				points(parser, rows);
				return;
			}
			if (root != JsonToken.START_OBJECT) {
				throw new HistoryFileException((root == null) ? 0 : 1, (root == null) ? "The file is empty"
						: "The file is neither a DefiLlama chart response {\"status\":\"success\",\"data\":[...]} nor an array of points");
			}
			boolean sawData = false;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				if ("status".equals(name)) {
					String status = text(parser);
					if (!"success".equals(status)) {
						throw new HistoryFileException(line(parser),
								"The response's status is " + ((status != null) ? HistoryRows.echo(status) : "null")
										+ ", not \"success\": it holds no chart");
					}
				}
				else if ("data".equals(name) && value == JsonToken.START_ARRAY && !sawData) {
					sawData = true;
					points(parser, rows);
					if (rows.full()) {
						return;
					}
				}
				else {
					parser.skipChildren();
				}
			}
			if (!sawData) {
				throw new HistoryFileException(0, "The file has no data array of points");
			}
		}
		catch (JacksonIOException ex) {
			Throwable cause = ex.getCause();
			throw new HistoryFileException(0, (cause instanceof LimitedInputStream.FileTooLargeException)
					? cause.getMessage() : "The file could not be read: " + cause);
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			throw new HistoryFileException(Math.max(line, 0), "The file is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static void points(JsonParser parser, HistoryRows rows) {
		JsonToken token;
		while (!rows.full() && (token = parser.nextToken()) != JsonToken.END_ARRAY) {
			int line = line(parser);
			if (token != JsonToken.START_OBJECT) {
				parser.skipChildren();
				rows.invalid(line, "is not a JSON object");
				continue;
			}
			String timestamp = null;
			String pool = null;
			String tvlUsd = null;
			String apy = null;
			String apyBase = null;
			String apyReward = null;
			String name;
			while ((name = parser.nextName()) != null) {
				parser.nextToken();
				String value = text(parser);
				switch (name) {
					case "timestamp" -> timestamp = value;
					case "pool" -> pool = value;
					case "tvlUsd" -> tvlUsd = value;
					case "apy" -> apy = value;
					case "apyBase" -> apyBase = value;
					case "apyReward" -> apyReward = value;
					default -> {
						// other fields (il7d, apyBase7d, ...) are ignored
					}
				}
			}
			rows.add(line, new RawRow(timestamp, pool, tvlUsd, apy, apyBase, apyReward));
		}
	}

	/**
	 * A scalar's text, null for JSON null; an object or array is consumed and shown as
	 * {@code {…}} or {@code […]}, which no field accepts.
	 */
	private static @Nullable String text(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == null || token == JsonToken.VALUE_NULL) {
			return null;
		}
		return switch (token) {
			case START_OBJECT -> {
				parser.skipChildren();
				yield "{…}";
			}
			case START_ARRAY -> {
				parser.skipChildren();
				yield "[…]";
			}
			default -> parser.getString();
		};
	}

	private static int line(JsonParser parser) {
		return Math.max(parser.currentTokenLocation().getLineNr(), 0);
	}

}
