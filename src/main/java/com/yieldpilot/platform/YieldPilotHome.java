package com.yieldpilot.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The folder where a YieldPilot node keeps its local state: the embedded database and, in
 * local mode, the demo credentials. Set with {@code yieldpilot.home} (environment
 * {@code YIELDPILOT_HOME}); defaults to {@code ~/.yieldpilot}. The folder is created
 * readable by its owner only.
 */
@Component
public class YieldPilotHome {

	private final Path root;

	public YieldPilotHome(@Value("${yieldpilot.home:${user.home}/.yieldpilot}") String home) {
		this.root = createPrivateDirectory(Path.of(home).toAbsolutePath().normalize());
	}

	public Path root() {
		return this.root;
	}

	/** A sub-folder of the home, created on first use and readable by the owner only. */
	public Path directory(String name) {
		return createPrivateDirectory(this.root.resolve(name));
	}

	private static Path createPrivateDirectory(Path dir) {
		try {
			if (!Files.isDirectory(dir)) {
				Files.createDirectories(dir);
				if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
					Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
				}
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the YieldPilot home folder " + dir
					+ ". Set yieldpilot.home (YIELDPILOT_HOME) to a writable folder.", ex);
		}
	}

}
