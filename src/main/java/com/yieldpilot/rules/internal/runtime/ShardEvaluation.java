package com.yieldpilot.rules.internal.runtime;

/** Evaluates one shard now ({@link ShardEvaluator} on every node). */
@FunctionalInterface
interface ShardEvaluation {

	ShardEvaluator.Tick evaluate(int shard);

	/**
	 * Whether the shard's rules read a value the market update wrote, as far as this node
	 * knows them; one that cannot tell says yes.
	 */
	default boolean concerns(int shard, WatchedTerms.Change change) {
		return true;
	}

}
