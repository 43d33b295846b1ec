package com.yieldpilot.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A one-shot task run from the command line instead of the server, e.g.
 * {@code java -jar yieldpilot.jar import-history --pool aave-v3:base:USDC --file chart.csv}.
 * {@link Commands} starts the application for it without a web server, scheduled jobs,
 * local chain or simulated market, runs it, and exits with its code. Modules contribute
 * commands as beans.
 */
public interface Command {

	/** The first argument that selects this command, e.g. {@code import-history}. */
	String name();

	/**
	 * The arguments it takes, for the usage message, e.g.
	 * {@code --pool <id> --file <path>}.
	 */
	String usage();

	/**
	 * Runs the command with the arguments that followed its name.
	 * @param out where the report goes
	 * @param err where problems go
	 * @return the process exit code: 0 when everything worked
	 */
	int run(List<String> arguments, PrintStream out, PrintStream err);

}
