package com.yieldpilot.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The helper processes a local-mode node starts (its embedded PostgreSQL, its anvil) and
 * that outlive it when the JVM is killed without running its shutdown hooks
 * ({@code kill -9}, the OOM killer). Left running, they keep the home folder's database
 * and chain state busy: the next start waited a minute for its own PostgreSQL and failed,
 * and a second anvil would write the same state file as the first. A node finds them by
 * their executable and the home folder's path in their arguments, and stops them
 * gracefully so they write what they hold (PostgreSQL its checkpoint, anvil its state),
 * before it starts its own.
 */
public final class LeftoverProcesses {

	private static final Logger log = LoggerFactory.getLogger(LeftoverProcesses.class);

	private LeftoverProcesses() {
	}

	/**
	 * The running processes whose executable is named {@code executable} and whose
	 * arguments have {@code option} followed by {@code path} (compared as absolute,
	 * normalized paths).
	 */
	public static List<ProcessHandle> running(String executable, String option, Path path) {
		Path wanted = path.toAbsolutePath().normalize();
		long self = ProcessHandle.current().pid();
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != self)
			.filter((process) -> process.info()
				.command()
				.map((command) -> Path.of(command).getFileName().toString().equals(executable))
				.orElse(false))
			.filter((process) -> process.info()
				.arguments()
				.map((arguments) -> follows(arguments, option, wanted))
				.orElse(false))
			.toList();
	}

	private static boolean follows(String[] arguments, String option, Path wanted) {
		for (int i = 0; i + 1 < arguments.length; i++) {
			if (arguments[i].equals(option) && samePath(arguments[i + 1], wanted)) {
				return true;
			}
		}
		return false;
	}

	private static boolean samePath(String argument, Path wanted) {
		try {
			return Path.of(argument).toAbsolutePath().normalize().equals(wanted);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Whether no Java process is the parent of this one any more: the node that started
	 * it is gone (its children are handed to init or a sub-reaper).
	 */
	public static boolean orphaned(ProcessHandle process) {
		Optional<ProcessHandle> parent = process.parent();
		return parent.isEmpty() || !parent.get().isAlive()
				|| parent.get()
					.info()
					.command()
					.map((command) -> !Path.of(command).getFileName().toString().equals("java"))
					.orElse(true);
	}

	/**
	 * Stops a leftover process: {@code signal} first (the one that makes it shut down
	 * cleanly, e.g. {@code INT} for PostgreSQL's fast shutdown, {@code TERM} for anvil),
	 * then, if it is still there after {@code grace}, killed.
	 * @return whether it is gone
	 */
	public static boolean stop(ProcessHandle process, String what, String signal, Duration grace) {
		log.warn("Stopping {} (pid {}) left running by a YieldPilot node that ended without shutting it down", what,
				process.pid());
		CompletableFuture<ProcessHandle> exited = process.onExit();
		try {
			new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
			exited.get(grace.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (IOException | ExecutionException | TimeoutException ex) {
			log.warn("{} (pid {}) did not stop on SIG{} within {}; killing it", what, process.pid(), signal, grace);
			process.destroyForcibly();
			try {
				exited.get(10, TimeUnit.SECONDS);
				return true;
			}
			catch (ExecutionException | TimeoutException failed) {
				return !process.isAlive();
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return !process.isAlive();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

}
