package com.yieldpilot.rules.internal.runtime;

/** Evaluates one shard now ({@link ShardEvaluator} on every node). */
@FunctionalInterface
interface ShardEvaluation {

	ShardEvaluator.Tick evaluate(int shard);

}
