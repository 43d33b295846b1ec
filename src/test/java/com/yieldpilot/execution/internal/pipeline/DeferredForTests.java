package com.yieldpilot.execution.internal.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.lang.Mode;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * A deferred execution as the pipeline leaves one, for tests of what admins see of it
 * outside this package. Its retry time should lie ahead, so that no heartbeat runs it
 * while the test looks; {@link #cancel} ends it.
 */
public final class DeferredForTests {

	private DeferredForTests() {
	}

	public static ExecutionId create(ExecutionStore store, UserId owner, RuleId rule, String ruleName, String reason,
			Instant retryAt) {
		ExecutionId id = ExecutionId.random();
		store.createAll(List.of(new ExecutionStore.NewExecution(id, new IntentId(UUID.randomUUID()), 0, owner, rule,
				ruleName, Mode.LIVE, 1.0, "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""),
				ExecutionState.DEFERRED, false, null)), "tests", Duration.ZERO);
		store.move(id, null, List.of(ExecutionState.DEFERRED), ExecutionState.DEFERRED, reason,
				Map.of(EXECUTION.RETRY_AT, OffsetDateTime.ofInstant(retryAt, ZoneOffset.UTC)));
		return id;
	}

	public static void cancel(ExecutionStore store, ExecutionId id) {
		store.move(id, null, ExecutionState.DEFERRED, ExecutionState.CANCELLED, "the test is over");
	}

}
