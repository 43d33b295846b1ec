package com.yieldpilot.execution;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

import com.yieldpilot.identity.UserId;

import org.jspecify.annotations.Nullable;

/**
 * One saved version of the guardrails: DRL files by name. A version never changes;
 * editing saves a new one, and one version at a time is active.
 *
 * @param version 1, 2, …
 * @param origin shipped in {@code rules/guardrails} or saved by an admin
 * @param checksum SHA-256 over the files, names and texts, in name order
 * @param note what the admin said the change is for
 * @param createdBy the admin; null for shipped files
 * @param createdAt when it was saved
 * @param files DRL text by file name, in name order
 */
public record GuardrailSet(int version, Origin origin, String checksum, @Nullable String note,
		@Nullable UserId createdBy, Instant createdAt, Map<String, String> files) {

	/** The most files a set may hold. */
	public static final int MAX_FILES = 20;

	/** The longest DRL file accepted, in characters. */
	public static final int MAX_FILE_LENGTH = 65_536;

	/** The longest note accepted. */
	public static final int MAX_NOTE_LENGTH = 500;

	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,90}\\.drl");

	/** Where a version came from. */
	public enum Origin {

		/** Loaded from the files shipped in {@code rules/guardrails}. */
		FILE,
		/** Saved by an admin in the app. */
		ADMIN

	}

	public GuardrailSet {
		Objects.requireNonNull(origin, "origin");
		Objects.requireNonNull(checksum, "checksum");
		Objects.requireNonNull(createdAt, "createdAt");
		files = checkFiles(files);
	}

	/**
	 * The files in name order, checked: 1 to {@value #MAX_FILES} files named like
	 * {@code risk-ceiling.drl}, none empty or longer than {@value #MAX_FILE_LENGTH}
	 * characters.
	 * @throws IllegalArgumentException saying what to fix
	 */
	public static Map<String, String> checkFiles(Map<String, String> files) {
		if (files.isEmpty() || files.size() > MAX_FILES) {
			throw new IllegalArgumentException(
					"A guardrail set has 1 to " + MAX_FILES + " files, not " + files.size() + ".");
		}
		TreeMap<String, String> sorted = new TreeMap<>();
		files.forEach((name, text) -> {
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("'" + name.substring(0, Math.min(name.length(), 100))
						+ "' is not a guardrail file name: lower-case letters, digits and dashes, ending in .drl,"
						+ " e.g. risk-ceiling.drl.");
			}
			if (text.isBlank() || text.length() > MAX_FILE_LENGTH) {
				throw new IllegalArgumentException(
						name + " must hold some DRL and at most " + MAX_FILE_LENGTH + " characters.");
			}
			sorted.put(name, text);
		});
		return Collections.unmodifiableMap(sorted);
	}

}
