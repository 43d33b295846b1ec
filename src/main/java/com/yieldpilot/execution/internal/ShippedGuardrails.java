package com.yieldpilot.execution.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The guardrail files shipped in {@code rules/guardrails} (packaged into the jar), and
 * the checksum that tells whether they changed.
 */
final class ShippedGuardrails {

	static final String LOCATION = "classpath*:rules/guardrails/*.drl";

	private ShippedGuardrails() {
	}

	/** The shipped files by name. */
	static Map<String, String> read() {
		Map<String, String> files = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
				files.put(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the shipped guardrails at " + LOCATION, ex);
		}
		if (files.isEmpty()) {
			throw new IllegalStateException(
					"No guardrail files at " + LOCATION + ": the build packages rules/guardrails");
		}
		return files;
	}

}
