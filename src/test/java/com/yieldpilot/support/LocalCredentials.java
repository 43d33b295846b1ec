package com.yieldpilot.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** The demo logins local mode wrote into a home folder. */
public record LocalCredentials(String farmerUsername, String farmerPassword, String farmerToken, String adminUsername,
		String adminPassword, String adminToken) {

	public static LocalCredentials read(Path home) {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(home.resolve("local-credentials.properties"))) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new LocalCredentials(properties.getProperty("farmer.username"),
				properties.getProperty("farmer.password"), properties.getProperty("farmer.token"),
				properties.getProperty("admin.username"), properties.getProperty("admin.password"),
				properties.getProperty("admin.token"));
	}

}
