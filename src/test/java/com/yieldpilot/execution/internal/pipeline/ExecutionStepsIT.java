package com.yieldpilot.execution.internal.pipeline;

import java.time.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION_STEP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's thread and the confirmation job write one execution's history at the
 * same moment when anvil mines a transaction as soon as it is sent (the benchmark met it:
 * "duplicate key value violates unique constraint execution_step_pkey"). A state change
 * and its steps are one statement, numbered from the execution's {@code last_step}, which
 * the update raises under the row lock it takes, so neither writer fails and the history
 * keeps every step in order.
 */
class ExecutionStepsIT extends ApplicationIT {

	@Autowired
	ExecutionStore store;

	@Test
	void concurrentStateChangesAndStepsOfOneExecutionKeepEveryStepNumberedInOrder() throws Exception {
		// final states and an owner of its own: no job of the shared node picks these up,
		// and no farmer's list shows them
		UserId owner = new UserId(UUID.randomUUID());
		try (ExecutorService threads = Executors.newFixedThreadPool(3)) {
			for (int round = 0; round < 40; round++) {
				ExecutionId id = ExecutionId.random();
				String onchainId = "0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
				assertThat(this.store.createAll(List.of(new ExecutionStore.NewExecution(id,
						new IntentId(UUID.randomUUID()), 0, owner, new RuleId(UUID.randomUUID()), "steps race",
						Mode.LIVE, 1.0, onchainId, ExecutionState.SKIPPED, false, null)), "tests", Duration.ZERO))
					.containsOnlyKeys(id);
				CyclicBarrier start = new CyclicBarrier(3);
				List<Callable<Boolean>> writers = List.of(() -> {
					start.await();
					return this.store.move(id, null, ExecutionState.SKIPPED, ExecutionState.CANCELLED, "first");
				}, () -> {
					start.await();
					return this.store.move(id, null, List.of(ExecutionState.SKIPPED, ExecutionState.CANCELLED),
							ExecutionState.EXPIRED, "second", Map.of());
				}, () -> {
					start.await();
					this.store.step(id, ExecutionState.EXPIRED, "a note without a state change");
					return true;
				});
				List<Boolean> moved = new ArrayList<>();
				for (Future<Boolean> writer : threads.invokeAll(writers)) {
					moved.add(writer.get()); // a writer's exception fails the test here
				}

				List<Integer> numbers = this.dsl.select(EXECUTION_STEP.SEQ)
					.from(EXECUTION_STEP)
					.where(EXECUTION_STEP.EXECUTION_ID.eq(id.value()))
					.orderBy(EXECUTION_STEP.SEQ)
					.fetch(EXECUTION_STEP.SEQ);
				// the first change fails when the second came first; the second always
				// finds a state it may leave
				assertThat(moved.get(1)).isTrue();
				int changes = moved.get(0) ? 2 : 1;
				// the creation's step, one per change, the note: numbered 1, 2, 3…
				assertThat(numbers).hasSize(2 + changes)
					.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 2 + changes).boxed().toList());
				assertThat(this.dsl.select(EXECUTION.STATE)
					.from(EXECUTION)
					.where(EXECUTION.ID.eq(id.value()))
					.fetchSingle(EXECUTION.STATE)).isEqualTo("EXPIRED");
			}
		}
	}

	@Test
	void aBatchOfMovesNumbersEachExecutionsStepsAfterItsStoredOnesAndOneThatDidNotMatchWritesNone() {
		UserId owner = new UserId(UUID.randomUUID());
		ExecutionId moving = ExecutionId.random();
		ExecutionId staying = ExecutionId.random();
		List<ExecutionStore.NewExecution> created = new ArrayList<>();
		for (ExecutionId id : List.of(moving, staying)) {
			created.add(new ExecutionStore.NewExecution(id, new IntentId(UUID.randomUUID()), 0, owner,
					new RuleId(UUID.randomUUID()), "steps batch", Mode.LIVE, 1.0,
					"0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""),
					(id == moving) ? ExecutionState.SKIPPED : ExecutionState.EXPIRED, false, null));
		}
		assertThat(this.store.createAll(created, "tests", Duration.ZERO)).containsOnlyKeys(moving, staying);
		this.store.step(moving, ExecutionState.SKIPPED, "a note");
		java.time.OffsetDateTime at = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
		List<ExecutionStore.Step> three = List.of(
				new ExecutionStore.Step(ExecutionState.CANCELLED, "first", at, Map.of()),
				new ExecutionStore.Step(ExecutionState.EXPIRED, "second", at.plusNanos(1000), Map.of()),
				new ExecutionStore.Step(ExecutionState.FAILED, "third", at.plusNanos(2000),
						Map.of(EXECUTION.GAS_LIMIT, 123L)));

		// only SKIPPED may move: the EXPIRED one is left as it is
		assertThat(this.store.advanceSteps(
				List.of(new ExecutionStore.Steps(moving, null, three), new ExecutionStore.Steps(staying, null, three)),
				List.of(ExecutionState.SKIPPED)))
			.containsExactly(moving);

		assertThat(this.dsl.select(EXECUTION_STEP.SEQ, EXECUTION_STEP.STATE, EXECUTION_STEP.DETAIL)
			.from(EXECUTION_STEP)
			.where(EXECUTION_STEP.EXECUTION_ID.eq(moving.value()))
			.orderBy(EXECUTION_STEP.SEQ)
			.fetch()
			.map((r) -> r.value1() + " " + r.value2() + " " + r.value3())).containsExactly("1 SKIPPED null",
					"2 SKIPPED a note", "3 CANCELLED first", "4 EXPIRED second", "5 FAILED third");
		var row = this.store.row(moving).orElseThrow();
		assertThat(row.getState()).isEqualTo("FAILED");
		assertThat(row.getReason()).isEqualTo("third");
		assertThat(row.getGasLimit()).isEqualTo(123L);
		assertThat(row.getLastStep()).isEqualTo(5);
		assertThat(this.dsl.fetchCount(EXECUTION_STEP, EXECUTION_STEP.EXECUTION_ID.eq(staying.value()))).isEqualTo(1);
		assertThat(this.store.row(staying).orElseThrow().getLastStep()).isEqualTo(1);
	}

	@Test
	void createdExecutionsGetTheirFirstStepInTheSameStatementAndAgainNothing() {
		UserId owner = new UserId(UUID.randomUUID());
		java.time.Instant expires = java.time.Instant.parse("2031-01-02T03:04:05Z");
		List<ExecutionStore.NewExecution> batch = new ArrayList<>();
		for (ExecutionState state : List.of(ExecutionState.SKIPPED, ExecutionState.AWAITING_APPROVAL,
				ExecutionState.AWAITING_APPROVAL)) {
			batch.add(new ExecutionStore.NewExecution(ExecutionId.random(), new IntentId(UUID.randomUUID()), 0, owner,
					new RuleId(UUID.randomUUID()), "created", Mode.LIVE, 1.0,
					"0x" + (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", ""), state, false,
					(state == ExecutionState.AWAITING_APPROVAL) ? expires.plusSeconds(batch.size()) : null));
		}

		var rows = this.store.createAll(batch, "tests", Duration.ZERO);

		assertThat(rows).containsOnlyKeys(batch.stream().map(ExecutionStore.NewExecution::id).toList());
		for (ExecutionStore.NewExecution e : batch) {
			assertThat(rows.get(e.id()).getState()).isEqualTo(e.state().name());
			assertThat(rows.get(e.id()).getLastStep()).isEqualTo(1);
			assertThat(this.dsl.select(EXECUTION_STEP.SEQ, EXECUTION_STEP.STATE, EXECUTION_STEP.DETAIL)
				.from(EXECUTION_STEP)
				.where(EXECUTION_STEP.EXECUTION_ID.eq(e.id().value()))
				.fetch()
				.map((r) -> r.value1() + " " + r.value2() + " " + r.value3()))
				.containsExactly("1 " + e.state().name() + " "
						+ ((e.expiresAt() != null) ? "waiting for your approval until " + e.expiresAt() : "null"));
		}
		// a redelivery inserts nothing and numbers nothing twice
		assertThat(this.store.createAll(batch, "tests", Duration.ZERO)).isEmpty();
		assertThat(this.dsl.fetchCount(EXECUTION_STEP,
				EXECUTION_STEP.EXECUTION_ID.in(batch.stream().map((e) -> e.id().value()).toList())))
			.isEqualTo(3);
	}

}
