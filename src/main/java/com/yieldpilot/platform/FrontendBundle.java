package com.yieldpilot.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether this build can serve the screens. Vaadin needs either the production frontend
 * bundle (built by {@code ./mvnw -Pproduction package}, marked in its build info) or its
 * development server on the class path ({@code ./mvnw spring-boot:run}, the tests). The
 * jar of a plain {@code ./mvnw package} has neither; started as a server it would fail
 * deep in Tomcat's start-up with advice about a Maven dependency, after starting the
 * database and the chain, so the server checks first and says which command to use
 * instead.
 */
public final class FrontendBundle {

	static final String BUILD_INFO = "META-INF/VAADIN/config/flow-build-info.json";

	static final String DEV_SERVER = "com.vaadin.base.devserver.startup.DevModeStartupListener";

	private FrontendBundle() {
	}

	/**
	 * Why the server cannot serve its screens from this class path; empty when it can.
	 */
	public static Optional<String> missing(ClassLoader loader) {
		if (productionMode(loader) || present(loader, DEV_SERVER)) {
			return Optional.empty();
		}
		return Optional
			.of("""
					This build has no production frontend bundle, so it cannot serve YieldPilot's screens.
					Build the server jar with:  ./mvnw -Pproduction -DskipTests package   (then java -jar target/yieldpilot.jar)
					or run it from the sources: ./mvnw spring-boot:run
					One-shot commands (for example 'risk score-history') work from either jar.""");
	}

	private static boolean productionMode(ClassLoader loader) {
		try (InputStream in = loader.getResourceAsStream(BUILD_INFO)) {
			if (in == null) {
				return false;
			}
			JsonNode info = JsonMapper.builder().build().readTree(in);
			return info.path("productionMode").asBoolean(false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + BUILD_INFO, ex);
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	private static boolean present(ClassLoader loader, String className) {
		try {
			Class.forName(className, false, loader);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
