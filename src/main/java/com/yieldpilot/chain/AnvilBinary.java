package com.yieldpilot.chain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the anvil executable that {@code npm install} put under
 * {@code contracts/node_modules}: the npm package {@code @foundry-rs/anvil} ships the
 * native binary in a per-platform package, which is started directly (without the Node
 * wrapper) so stopping the process stops anvil.
 */
public final class AnvilBinary {

	private AnvilBinary() {
	}

	/**
	 * The executable: the configured path if given, else the one found under the
	 * project's contracts/.
	 */
	public static Path locate(String configured) {
		if (!configured.isBlank()) {
			Path path = Path.of(configured);
			if (!Files.isExecutable(path)) {
				throw new IllegalStateException("yieldpilot.chain.anvil.path points at " + path
						+ ", which is not an executable. Point it at the anvil binary or leave it empty.");
			}
			return path;
		}
		return search(Path.of("contracts", "node_modules", "@foundry-rs")).orElseThrow(() -> new IllegalStateException(
				"No anvil binary found under contracts/node_modules/@foundry-rs. Run the build (./mvnw compile), "
						+ "which runs npm install in contracts/, from the project folder, or set "
						+ "yieldpilot.chain.anvil.path."));
	}

	static Optional<Path> search(Path foundry) {
		if (!Files.isDirectory(foundry)) {
			return Optional.empty();
		}
		String executable = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "anvil.exe"
				: "anvil";
		try (Stream<Path> packages = Files.list(foundry)) {
			return packages.filter(p -> p.getFileName().toString().startsWith("anvil-"))
				.map(p -> p.resolve("bin").resolve(executable))
				.filter(Files::isExecutable)
				.findFirst()
				.map(Path::toAbsolutePath);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
