package com.yieldpilot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fresh YieldPilot home folders for tests, under target/ so a failed run leaves them to
 * look at.
 */
public final class TestHomes {

	private TestHomes() {
	}

	public static Path create(String name) {
		try {
			Path parent = Files.createDirectories(Path.of("target", "test-homes"));
			return Files.createTempDirectory(parent.toAbsolutePath(), name + "-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
