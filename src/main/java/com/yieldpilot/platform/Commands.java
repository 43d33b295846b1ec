package com.yieldpilot.platform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a {@link Command} when the first argument names one. A {@link StandaloneCommand}
 * runs at once, without the application. For any other the application starts with the
 * {@code command} profile (no web server, no scheduled jobs, no local chain, no simulated
 * market; see {@code application-command.yaml}) on the database it is configured with,
 * runs the command, closes, and yields the command's exit code. Arguments after the
 * command name are passed to it and also to Spring, so
 * {@code --spring.datasource.url=...} and the like work as usual.
 */
public final class Commands {

	/** Exit code of a command line that names no known command or lacks arguments. */
	public static final int USAGE = 2;

	/** Exit code when the application cannot start or the command fails unexpectedly. */
	public static final int FAILED = 1;

	private Commands() {
	}

	/** Whether the arguments ask for a command rather than the server. */
	public static boolean requested(String[] args) {
		return args.length > 0 && !args[0].isBlank() && !args[0].startsWith("-");
	}

	/** Runs the command named by the first argument, writing to the console. */
	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	/** Runs the command named by the first argument; returns its exit code. */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		if (!requested(args)) {
			throw new IllegalArgumentException("No command named in " + Arrays.toString(args));
		}
		String name = args[0];
		List<String> arguments = List.of(args).subList(1, args.length);
		Optional<StandaloneCommand> standalone = standalone(name);
		if (standalone.isPresent()) {
			try {
				return standalone.get().run(arguments, out, err);
			}
			catch (RuntimeException ex) {
				err.println("The command '" + name + "' failed: " + cause(ex));
				return FAILED;
			}
		}
		SpringApplication app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles("command");
		app.setDefaultProperties(Map.of("yieldpilot.command", name));
		app.setLogStartupInfo(false);
		ConfigurableApplicationContext context;
		try {
			context = app.run(arguments.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			err.println("YieldPilot could not start for the command '" + name + "': " + cause(ex));
			return FAILED;
		}
		try (context) {
			Map<String, Command> commands = context.getBeansOfType(Command.class);
			Optional<Command> command = commands.values().stream().filter(c -> c.name().equals(name)).findFirst();
			if (command.isEmpty()) {
				err.println("Unknown command '" + name + "'. Commands:");
				commands.values().forEach(c -> err.println("  " + c.name() + " " + c.usage()));
				ServiceLoader.load(StandaloneCommand.class)
					.forEach(c -> err.println("  " + c.name() + " " + c.usage()));
				return USAGE;
			}
			try {
				return command.get().run(arguments, out, err);
			}
			catch (RuntimeException ex) {
				err.println("The command '" + name + "' failed: " + cause(ex));
				return FAILED;
			}
		}
	}

	private static Optional<StandaloneCommand> standalone(String name) {
		return ServiceLoader.load(StandaloneCommand.class)
			.stream()
			.map(ServiceLoader.Provider::get)
			.filter(c -> c.name().equals(name))
			.findFirst();
	}

	/**
	 * The message that says what went wrong: the first cause that is not Spring's
	 * wrapping of a failed bean, or the innermost one.
	 */
	private static String cause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getClass().getName().startsWith("org.springframework.") && cause.getCause() != null
				&& cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
	}

}
