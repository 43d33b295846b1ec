package com.yieldpilot.rules;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The signed-in farmer's rule traces, newest first. */
public interface RuleTraces {

	/**
	 * Up to {@code limit} traces of the rule older than {@code before} (a trace id), or
	 * the newest when null.
	 * @throws RuleNotFoundException when the farmer has no such rule
	 */
	List<RuleTrace> traces(RuleId rule, int limit, @Nullable Long before);

}
