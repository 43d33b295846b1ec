package com.yieldpilot.market.internal.defillama;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Reads one JSON value at the parser's current token, leniently, and always consumes the
 * whole value (objects and arrays included) so the caller can go on with the next field.
 * DefiLlama's data is scraped from many protocols, so a field may hold anything; these
 * readers never throw for an unexpected value, they say what they found instead.
 */
final class JsonValues {

	/**
	 * Longer strings are not numbers anyone meant; also keeps BigDecimal parsing cheap.
	 */
	private static final int MAX_NUMBER_TEXT = 64;

	/** Longest piece of untrusted text echoed into a skip reason. */
	private static final int MAX_ECHO = 40;

	private JsonValues() {
	}

	/**
	 * A number field: {@code value} is null when the field was JSON {@code null} (fine)
	 * or junk (then {@code junk} describes what was there).
	 */
	record NumberValue(@Nullable Double value, @Nullable String junk) {

		static final NumberValue ABSENT = new NumberValue(null, null);

		boolean isJunk() {
			return this.junk != null;
		}

	}

	/** A string-array field, possibly cut short because it had too many entries. */
	record StringList(List<String> values, boolean overflow) {

		static final StringList EMPTY = new StringList(List.of(), false);

	}

	/**
	 * Numbers, numbers written as strings ({@code "1.5"}), {@code null}. Everything else,
	 * including NaN and infinities (which Python-written JSON contains), is junk.
	 */
	static NumberValue number(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == null || token == JsonToken.VALUE_NULL) {
			return NumberValue.ABSENT;
		}
		return switch (token) {
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> finite(parser.getDoubleValue(), parser.getString());
			case VALUE_STRING -> fromText(parser.getString());
			case START_OBJECT -> skipped(parser, "an object");
			case START_ARRAY -> skipped(parser, "an array");
			case VALUE_TRUE, VALUE_FALSE -> new NumberValue(null, "a boolean");
			default -> new NumberValue(null, "unexpected " + token);
		};
	}

	/**
	 * Strings (trimmed) and, leniently, numbers as their text; null for {@code null},
	 * booleans, objects and arrays.
	 */
	static @Nullable String text(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == null) {
			return null;
		}
		return switch (token) {
			case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getString().trim();
			case START_OBJECT, START_ARRAY -> {
				parser.skipChildren();
				yield null;
			}
			default -> null;
		};
	}

	/** {@code true} only for JSON {@code true}; anything else is {@code false}. */
	static boolean flag(JsonParser parser) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			parser.skipChildren();
		}
		return token == JsonToken.VALUE_TRUE;
	}

	/**
	 * An array of strings; non-string entries are dropped, {@code null} or a non-array is
	 * an empty list. Stops collecting after {@code max} entries (but reads the array to
	 * its end) so one absurd array cannot use unbounded memory.
	 */
	static StringList strings(JsonParser parser, int max) {
		JsonToken token = parser.currentToken();
		if (token != JsonToken.START_ARRAY) {
			if (token == JsonToken.START_OBJECT) {
				parser.skipChildren();
			}
			return StringList.EMPTY;
		}
		List<String> values = new ArrayList<>();
		boolean overflow = false;
		JsonToken next;
		while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
			if (next == JsonToken.VALUE_STRING) {
				if (values.size() < max) {
					values.add(parser.getString());
				}
				else {
					overflow = true;
				}
			}
			else {
				parser.skipChildren();
			}
		}
		return new StringList(values, overflow);
	}

	/** Untrusted text shortened and quoted for a skip reason. */
	static String echo(String text) {
		String shown = (text.length() > MAX_ECHO) ? text.substring(0, MAX_ECHO) + "…" : text;
		return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
	}

	private static NumberValue fromText(String text) {
		String trimmed = text.trim();
		if (trimmed.isEmpty()) {
			return new NumberValue(null, "an empty string");
		}
		if (trimmed.length() > MAX_NUMBER_TEXT) {
			return new NumberValue(null, echo(trimmed));
		}
		try {
			// BigDecimal rather than Double.parseDouble: it refuses "NaN", "Infinity",
			// hex floats and the "1.5d" suffix, none of which are JSON numbers
			return finite(new BigDecimal(trimmed).doubleValue(), trimmed);
		}
		catch (NumberFormatException ex) {
			return new NumberValue(null, echo(trimmed));
		}
	}

	private static NumberValue finite(double value, String original) {
		// NaN, Infinity, and numbers too large for a double (1e400) end up here
		return Double.isFinite(value) ? new NumberValue(value, null) : new NumberValue(null, echo(original));
	}

	private static NumberValue skipped(JsonParser parser, String what) {
		parser.skipChildren();
		return new NumberValue(null, what);
	}

}
