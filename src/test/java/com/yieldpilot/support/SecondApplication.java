package com.yieldpilot.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.YieldPilotApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts another YieldPilot application in the test JVM, on its own home folder and a
 * random port. Its Quartz scheduler gets a name of its own: Quartz keeps data sources in
 * a JVM-wide registry keyed by scheduler name, so a second "yieldpilot" scheduler would
 * take over, and on close kill, the shared test node's connections.
 */
public final class SecondApplication {

	private SecondApplication() {
	}

	public static ConfigurableApplicationContext start(Path home, String... settings) {
		return start(home, List.of(), settings);
	}

	/**
	 * Starts it with initializers that run before its beans are made, e.g. to add a
	 * post-processor that learns where its local anvil listens.
	 */
	public static ConfigurableApplicationContext start(Path home, List<ApplicationContextInitializer<?>> initializers,
			String... settings) {
		List<String> args = new ArrayList<>(List.of("--yieldpilot.home=" + home, "--server.port=0",
				"--spring.quartz.properties.org.quartz.scheduler.instanceName=yieldpilot-" + UUID.randomUUID()));
		args.addAll(List.of(settings));
		// a second node's tests set up the history they need (SimulatedPastIT tests the
		// simulated past)
		if (args.stream().noneMatch((a) -> a.startsWith("--yieldpilot.market.simulator.past="))) {
			args.add("--yieldpilot.market.simulator.past=0d");
		}
		return new SpringApplicationBuilder(YieldPilotApplication.class)
			.initializers(initializers.toArray(ApplicationContextInitializer<?>[]::new))
			.run(args.toArray(String[]::new));
	}

}
