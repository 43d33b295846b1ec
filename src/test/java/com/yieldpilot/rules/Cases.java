package com.yieldpilot.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Table-driven fixtures from {@code src/test/resources}: each case starts with
 * {@code ### name}, holds the rule's text, then sections that start with
 * {@code --- section} and hold what is expected.
 */
public record Cases(String name, String input, Map<String, String> sections) {

	public static List<Cases> read(String resource) {
		String text;
		try (InputStream in = Objects.requireNonNull(Cases.class.getResourceAsStream(resource), resource)) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Cases> cases = new ArrayList<>();
		String name = null;
		StringBuilder input = new StringBuilder();
		Map<String, StringBuilder> sections = new LinkedHashMap<>();
		StringBuilder current = input;
		for (String line : text.split("\n", -1)) {
			if (line.startsWith("### ")) {
				if (name != null) {
					cases.add(of(name, input, sections));
				}
				name = line.substring(4).strip();
				input = new StringBuilder();
				sections = new LinkedHashMap<>();
				current = input;
			}
			else if (line.startsWith("--- ")) {
				current = new StringBuilder();
				sections.put(line.substring(4).strip(), current);
			}
			else if (name != null) {
				current.append(line).append('\n');
			}
		}
		if (name != null) {
			cases.add(of(name, input, sections));
		}
		return cases;
	}

	private static Cases of(String name, StringBuilder input, Map<String, StringBuilder> sections) {
		Map<String, String> texts = new LinkedHashMap<>();
		sections.forEach((key, value) -> texts.put(key, trimBlankLines(value.toString())));
		return new Cases(name, trimBlankLines(input.toString()), texts);
	}

	/** Without blank lines at the end, but ending with a line break. */
	private static String trimBlankLines(String text) {
		return text.stripTrailing() + "\n";
	}

	public String section(String key) {
		return Objects.requireNonNull(this.sections.get(key), () -> this.name + " has no section " + key);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
