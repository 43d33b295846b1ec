package com.yieldpilot.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;

/**
 * Explains a wait that ran out in a test whose application runs in the test's own JVM:
 * what the test saw last, and where the application's threads stood, so that a rare stall
 * found by CI can be diagnosed from its report alone.
 */
public final class Stalls {

	private Stalls() {
	}

	/**
	 * Runs the wait; if it runs out, fails with the last thing seen and the stacks of the
	 * threads that were in YieldPilot's code.
	 */
	public static void explained(Runnable wait, Supplier<?> lastSeen) {
		try {
			wait.run();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + "\nlast seen: " + lastSeen.get() + "\n" + threads(), ex);
		}
	}

	/** The stacks of the threads in YieldPilot's code, with the locks they wait for. */
	public static String threads() {
		ThreadInfo[] all = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
		return Arrays.stream(all)
			.filter((t) -> Arrays.stream(t.getStackTrace())
				.anyMatch((frame) -> frame.getClassName().startsWith("com.yieldpilot.")
						&& !frame.getClassName().startsWith("com.yieldpilot.support.")))
			.map(Stalls::describe)
			.collect(Collectors.joining("\n"));
	}

	private static String describe(ThreadInfo thread) {
		StringBuilder text = new StringBuilder("\"" + thread.getThreadName() + "\" " + thread.getThreadState());
		if (thread.getLockName() != null) {
			text.append(" on ").append(thread.getLockName());
		}
		if (thread.getLockOwnerName() != null) {
			text.append(" held by \"").append(thread.getLockOwnerName()).append('"');
		}
		text.append('\n');
		for (StackTraceElement frame : thread.getStackTrace()) {
			text.append("\tat ").append(frame).append('\n');
		}
		return text.toString();
	}

}
