package com.yieldpilot.market.internal.registry;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.Ordered;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Applies the reviewed registry file at start ({@code yieldpilot.market.registry.load},
 * on by default, off in local mode, whose simulated pools use the same ids). The file is
 * {@code db/registry/pools.yaml} inside the application unless
 * {@code yieldpilot.market.registry.file} points elsewhere. A file that cannot be applied
 * stops the start with its problems listed: running on a registry nobody reviewed is
 * worse than not running.
 */
@Component
@ConditionalOnBooleanProperty(name = "yieldpilot.market.registry.load", matchIfMissing = true)
class RegistryStartup implements ApplicationRunner, Ordered {

	private final RegistryFileLoader loader;

	private final ResourceLoader resources;

	private final String location;

	RegistryStartup(RegistryFileLoader loader, ResourceLoader resources,
			@Value("${yieldpilot.market.registry.file:classpath:db/registry/pools.yaml}") String location) {
		this.loader = loader;
		this.resources = resources;
		this.location = location;
	}

	/** Before the jobs are scheduled, so the first refresh already reads the registry. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void run(ApplicationArguments args) {
		Resource file = this.resources.getResource(this.location);
		if (!file.exists()) {
			throw new IllegalStateException("The registry file " + this.location
					+ " does not exist. Point yieldpilot.market.registry.file at it, or set "
					+ "yieldpilot.market.registry.load=false to run without one.");
		}
		try {
			this.loader.load(this.location, file.getContentAsByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the registry file " + this.location, ex);
		}
	}

}
