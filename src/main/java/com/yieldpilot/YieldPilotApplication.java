package com.yieldpilot;

import com.yieldpilot.platform.Commands;
import com.yieldpilot.platform.FrontendBundle;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * YieldPilot: farmers' automation rules evaluated on Quartz schedules and executed from
 * their own vault. Each direct sub-package is a business module (see docs and
 * {@code ModularityTests}). A first argument that is not an option names a one-shot
 * command instead of starting the server ({@link Commands}).
 */
@SpringBootApplication
@Modulithic(systemName = "YieldPilot", sharedModules = "platform")
public class YieldPilotApplication {

	public static void main(String[] args) {
		System.setProperty("org.jooq.no-logo", "true");
		System.setProperty("org.jooq.no-tips", "true");
		if (Commands.requested(args)) {
			System.exit(Commands.run(YieldPilotApplication.class, args));
		}
		FrontendBundle.missing(YieldPilotApplication.class.getClassLoader()).ifPresent(why -> {
			System.err.println(why);
			System.exit(Commands.FAILED);
		});
		SpringApplication.run(YieldPilotApplication.class, args);
	}

}
