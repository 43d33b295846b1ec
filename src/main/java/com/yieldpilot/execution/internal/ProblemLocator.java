package com.yieldpilot.execution.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.yieldpilot.execution.GuardrailProblem;
import org.kie.api.builder.Message;

/**
 * Turns Drools' build messages into problems an admin can find in the DRL. Drools gives a
 * parser error its line and column, but an unknown class or property only its file, and
 * an error in a rule's consequence only a line of the Java it generated from it; those
 * are found back in the DRL by their text (whitespace aside). A problem that cannot be
 * placed keeps line and column 0.
 */
final class ProblemLocator {

	private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");

	private static final String GENERATED_SOURCE = "Java source of ";

	private final Map<String, String> files;

	ProblemLocator(Map<String, String> files) {
		this.files = files;
	}

	List<GuardrailProblem> locate(List<Message> messages) {
		Map<String, List<String>> generated = new HashMap<>();
		for (Message message : messages) {
			if (message.getText().startsWith(GENERATED_SOURCE) && message.getPath() != null) {
				generated.put(message.getPath(), message.getText().lines().toList());
			}
		}
		List<GuardrailProblem> problems = new ArrayList<>();
		for (Message message : messages) {
			String text = message.getText();
			if (text.startsWith(GENERATED_SOURCE) || text.startsWith("Parser returned a null Package")) {
				continue;
			}
			String path = (message.getPath() != null) ? message.getPath() : "";
			String summary = firstLine(text);
			if (path.endsWith(".drl")) {
				problems.add(inDrl(fileName(path), message, summary));
			}
			else {
				problems.add(inGenerated(generated.get(path), message.getLine(), summary));
			}
		}
		return problems;
	}

	private GuardrailProblem inDrl(String file, Message message, String summary) {
		Matcher position = PARSER_POSITION.matcher(summary);
		if (position.find()) {
			return new GuardrailProblem(file, Integer.parseInt(position.group(1)),
					Integer.parseInt(position.group(2)) + 1, summary);
		}
		if (message.getLine() > 0) {
			return new GuardrailProblem(file, message.getLine(), Math.max(message.getColumn(), 0) + 1, summary);
		}
		int colon = summary.lastIndexOf(": ");
		String quoted = (colon >= 0) ? summary.substring(colon + 2) : "";
		String text = this.files.get(file);
		if (text != null && !quoted.isBlank()) {
			Optional<int[]> found = find(text, quoted);
			if (found.isPresent()) {
				return new GuardrailProblem(file, found.get()[0], found.get()[1], summary);
			}
		}
		return new GuardrailProblem(file, 0, 0, summary);
	}

	private GuardrailProblem inGenerated(List<String> source, int line, String summary) {
		if (source != null && line > 0 && line < source.size()) {
			String statement = source.get(line).strip();
			for (Map.Entry<String, String> file : this.files.entrySet()) {
				Optional<int[]> found = find(file.getValue(), statement);
				if (found.isPresent()) {
					return new GuardrailProblem(file.getKey(), found.get()[0], found.get()[1], summary);
				}
			}
		}
		return new GuardrailProblem("", 0, 0, summary);
	}

	/** The 1-based line and column where the snippet starts, whitespace aside. */
	static Optional<int[]> find(String text, String snippet) {
		String wanted = snippet.replaceAll("\\s+", "");
		if (wanted.isEmpty()) {
			return Optional.empty();
		}
		StringBuilder compact = new StringBuilder();
		List<Integer> offsets = new ArrayList<>();
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isWhitespace(text.charAt(i))) {
				compact.append(text.charAt(i));
				offsets.add(i);
			}
		}
		int at = compact.indexOf(wanted);
		if (at < 0) {
			return Optional.empty();
		}
		int offset = offsets.get(at);
		int line = 1;
		int lineStart = 0;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
				lineStart = i + 1;
			}
		}
		return Optional.of(new int[] { line, offset - lineStart + 1 });
	}

	private static String fileName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/**
	 * Drools appends stack traces to some parser messages: admins read the first line.
	 */
	private static String firstLine(String text) {
		String line = text.strip().lines().findFirst().orElse("");
		int trace = line.indexOf(" Stack trace:");
		return (trace > 0) ? line.substring(0, trace) : line;
	}

}
