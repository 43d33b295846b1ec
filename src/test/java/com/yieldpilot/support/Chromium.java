package com.yieldpilot.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, never a downloaded browser. Without Chromium
 * the browser tests are skipped with a loud message, except under CI=true, where a
 * missing browser fails the build.
 */
public final class Chromium {

	public static final Path EXECUTABLE = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

	private Chromium() {
	}

	public static void assumeInstalled() {
		if (Files.isExecutable(EXECUTABLE)) {
			return;
		}
		String message = "BROWSER TESTS SKIPPED: no Chromium at " + EXECUTABLE
				+ ". Install it (apt-get install -y chromium) or set CHROMIUM_PATH.";
		if ("true".equals(System.getenv("CI"))) {
			throw new IllegalStateException(message.replace("SKIPPED", "CANNOT RUN") + " CI=true requires them.");
		}
		System.err.println("\n!!!!!!!!!! " + message + " !!!!!!!!!!\n");
		Assumptions.abort(message);
	}

	public static Playwright playwright() {
		return Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
	}

}
