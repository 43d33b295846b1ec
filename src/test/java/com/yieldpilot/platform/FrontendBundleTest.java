package com.yieldpilot.platform;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FrontendBundleTest {

	@TempDir
	Path dir;

	@Test
	void aJarWithTheProductionBundleServes() throws IOException {
		assertThat(missing("{\"productionMode\" : true}", ClassLoader.getPlatformClassLoader())).isEmpty();
	}

	@Test
	void aDevelopmentBuildWithoutVaadinsDevServerSaysWhichCommandToUse() throws IOException {
		assertThat(missing("{\"productionMode\" : false}", ClassLoader.getPlatformClassLoader())).hasValueSatisfying(
				why -> assertThat(why).contains("./mvnw -Pproduction -DskipTests package", "./mvnw spring-boot:run"));
		assertThat(missing("not json", ClassLoader.getPlatformClassLoader())).isPresent();
		try (URLClassLoader empty = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
			assertThat(FrontendBundle.missing(empty)).isPresent();
		}
	}

	@Test
	void theDevelopmentServerOnTheClassPathServesWithoutABundle() throws IOException {
		// the tests' class path has Vaadin's development server, as ./mvnw
		// spring-boot:run has
		assertThat(missing("{\"productionMode\" : false}", FrontendBundleTest.class.getClassLoader())).isEmpty();
	}

	/**
	 * What the check says on a class path of {@code parent} plus a build info with
	 * {@code json}.
	 */
	private Optional<String> missing(String json, ClassLoader parent) throws IOException {
		Path root = Files.createTempDirectory(this.dir, "classes");
		Path file = root.resolve(FrontendBundle.BUILD_INFO);
		Files.createDirectories(file.getParent());
		Files.writeString(file, json);
		try (URLClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() }, parent)) {
			return FrontendBundle.missing(loader);
		}
	}

}
