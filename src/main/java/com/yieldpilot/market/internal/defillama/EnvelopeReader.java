package com.yieldpilot.market.internal.defillama;

import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;

/**
 * Walks DefiLlama's response envelope, {@code {"status":"success","data":[...]}}, token
 * by token and hands each element of {@code data} to an {@link ElementHandler} while the
 * rest of the body is still unread, so a response of any size is parsed in constant
 * memory.
 * <p>
 * Whole-response problems become {@link DefiLlamaFormatException}; I/O failures of the
 * underlying stream become {@link UncheckedIOException} with the original
 * {@link java.io.IOException} as cause, so callers can tell a broken document from a
 * broken connection. Exceptions thrown by the handler pass through unchanged.
 */
final class EnvelopeReader {

	private static final JsonFactory JSON = DefiLlamaJson.FACTORY;

	private static final String SUCCESS = "success";

	private EnvelopeReader() {
	}

	/** Reads one element of {@code data}. */
	@FunctionalInterface
	interface ElementHandler {

		/**
		 * Called with the parser on the element's first token; must consume the whole
		 * element (e.g. end on its {@code END_OBJECT}, or call {@code skipChildren()}).
		 */
		void handle(JsonParser parser, int index);

	}

	/**
	 * Reads the body and returns how many elements {@code data} had.
	 * @param body the response body; not closed
	 * @param what the endpoint, for messages, e.g. {@code /pools}
	 * @param noun what the elements are, plural, for messages, e.g. {@code pools}
	 */
	static int read(InputStream body, String what, String noun, ElementHandler handler) {
		int elements = 0;
		try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), body)) {
			JsonToken root = parser.nextToken();
			if (root == null) {
				throw new DefiLlamaFormatException("DefiLlama " + what + " body is empty", 0, null);
			}
			if (root != JsonToken.START_OBJECT) {
				throw new DefiLlamaFormatException("DefiLlama " + what + " body is not a JSON object", 0, null);
			}
			String status = null;
			boolean sawData = false;
			String name;
			while ((name = parser.nextName()) != null) {
				JsonToken value = parser.nextToken();
				switch (name) {
					case "status" -> {
						status = JsonValues.text(parser);
						requireSuccess(status, what, elements);
					}
					case "data" -> {
						if (value != JsonToken.START_ARRAY || sawData) {
							throw new DefiLlamaFormatException("DefiLlama " + what
									+ ((sawData) ? " body has two data fields" : " body's data is not an array"),
									elements, null);
						}
						sawData = true;
						while (parser.nextToken() != JsonToken.END_ARRAY) {
							handler.handle(parser, elements);
							elements++;
						}
					}
					default -> parser.skipChildren();
				}
			}
			// status normally comes first; checked again in case it was missing
			requireSuccess(status, what, elements);
			if (!sawData) {
				throw new DefiLlamaFormatException("DefiLlama " + what + " body has no data array", elements, null);
			}
			return elements;
		}
		catch (JacksonIOException ex) {
			throw new UncheckedIOException(ex.getCause());
		}
		catch (UnexpectedEndOfInputException ex) {
			throw new DefiLlamaFormatException("DefiLlama " + what + " body ended unexpectedly after " + elements
					+ " complete " + noun + " (cut off before the JSON was closed)", elements, ex);
		}
		catch (JacksonException ex) {
			throw new DefiLlamaFormatException("DefiLlama " + what + " body is not valid JSON after " + elements
					+ " complete " + noun + ": " + ex.getOriginalMessage(), elements, ex);
		}
	}

	private static void requireSuccess(@Nullable String status, String what, int elements) {
		if (!SUCCESS.equals(status)) {
			String shown = (status != null) ? JsonValues.echo(status) : "missing";
			throw new DefiLlamaFormatException("DefiLlama " + what + " status is " + shown + ", expected \"success\"",
					elements, null);
		}
	}

}
