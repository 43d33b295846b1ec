package com.yieldpilot.execution.internal.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.yieldpilot.execution.ExecutionId;

/**
 * What one poll of the transactions in flight could not check, told once per cause: a
 * database or RPC outage fails every execution in flight the same way, and one line
 * saying how many, with a few of them, tells the operator as much as hundreds of lines
 * every poll would, without burying the rest of the log.
 */
final class CheckFailures {

	/** How many executions a line names for its cause. */
	static final int EXAMPLES = 3;

	private final Map<String, List<ExecutionId>> byCause = new LinkedHashMap<>();

	private final Map<String, Integer> counts = new LinkedHashMap<>();

	void add(ExecutionId id, Exception failure) {
		String cause = failure.getClass().getSimpleName() + ": " + failure.getMessage();
		this.counts.merge(cause, 1, Integer::sum);
		List<ExecutionId> examples = this.byCause.computeIfAbsent(cause, (c) -> new ArrayList<>());
		if (examples.size() < EXAMPLES) {
			examples.add(id);
		}
	}

	/** One line per cause, in the order the causes first came up. */
	List<String> lines() {
		List<String> lines = new ArrayList<>();
		this.byCause.forEach((cause, examples) -> {
			int count = this.counts.get(cause);
			String ids = examples.stream().map((id) -> id.value().toString()).collect(Collectors.joining(", "));
			lines.add(((count == 1) ? "1 execution" : count + " executions") + " in flight could not be checked now ("
					+ cause + "): " + ((count > examples.size()) ? "among them " : "") + ids
					+ "; the next poll tries again");
		});
		return lines;
	}

}
