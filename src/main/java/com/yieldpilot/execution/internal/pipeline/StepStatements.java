package com.yieldpilot.execution.internal.pipeline;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import org.jooq.CaseValueStep;
import org.jooq.CaseWhenStep;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertResultStep;
import org.jooq.Query;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.Result;
import org.jooq.Select;
import org.jspecify.annotations.Nullable;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION_STEP;
import static org.jooq.impl.DSL.choose;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;

/**
 * The statements that write an execution's history together with its row, each one
 * statement (decision 0017, seventh round): an execution keeps the number of its newest
 * step ({@code last_step}), so a change of state and the steps it records need no second
 * statement after the row lock.
 */
final class StepStatements {

	/** The longest detail or reason the columns keep. */
	private static final int MAX_TEXT = 1000;

	private StepStatements() {
	}

	/** A step's row in the history. */
	record StepRow(ExecutionState state, @Nullable String detail, OffsetDateTime at) {
	}

	/**
	 * One statement that updates the execution where {@code where} holds and appends its
	 * steps: the update takes the row lock, raises the number of the newest step by as
	 * many steps and returns it, and the steps are numbered from what it returned, so a
	 * writer that waited for the lock numbers after the one that held it (a step numbered
	 * from {@code max(seq)} in the same statement would not be: that read's snapshot is
	 * older than the lock). Its count is the number of steps appended: none when the
	 * execution did not match.
	 */
	static Query moveWithSteps(DSLContext dsl, Condition where, Map<Field<?>, Object> values, List<StepRow> steps) {
		int count = steps.size();
		Map<Field<?>, Object> sets = new HashMap<>(values);
		sets.put(EXECUTION.LAST_STEP, EXECUTION.LAST_STEP.plus(count));
		CommonTableExpression<Record2<UUID, Integer>> moved = name("moved").fields("id", "last_step")
			.as(dsl.update(EXECUTION).set(sets).where(where).returningResult(EXECUTION.ID, EXECUTION.LAST_STEP));
		Field<UUID> movedId = moved.field("id", UUID.class);
		Field<Integer> last = moved.field("last_step", Integer.class);
		Select<Record5<UUID, Integer, String, OffsetDateTime, String>> rows = null;
		for (int n = 0; n < count; n++) {
			StepRow step = steps.get(n);
			Select<Record5<UUID, Integer, String, OffsetDateTime, String>> row = select(movedId,
					last.minus(count - 1 - n), inline(step.state().name()), inline(step.at()),
					inline((step.detail() != null) ? brief(step.detail()) : null, String.class))
				.from(moved);
			rows = (rows == null) ? row : rows.unionAll(row);
		}
		return dsl.with(moved)
			.insertInto(EXECUTION_STEP, EXECUTION_STEP.EXECUTION_ID, EXECUTION_STEP.SEQ, EXECUTION_STEP.STATE,
					EXECUTION_STEP.AT, EXECUTION_STEP.DETAIL)
			.select(Objects.requireNonNull(rows));
	}

	/**
	 * Runs the insert of new executions and inserts the first step of each row it
	 * inserted, in one statement: an execution inserted by this transaction is seen by no
	 * other until it commits, so its first step is step 1 without taking its row lock.
	 * @param details the first step's detail of the executions that have one
	 * @return the rows inserted, as stored
	 */
	static Result<ExecutionRecord> withFirstSteps(DSLContext dsl, InsertResultStep<ExecutionRecord> insert,
			Map<ExecutionId, String> details) {
		CommonTableExpression<ExecutionRecord> rows = name("inserted").as(insert);
		Field<UUID> id = rows.field(EXECUTION.ID);
		Field<String> detail = inline((String) null);
		if (!details.isEmpty()) {
			CaseValueStep<UUID> byId = choose(id);
			CaseWhenStep<UUID, String> cases = null;
			for (Map.Entry<ExecutionId, String> each : details.entrySet()) {
				Field<UUID> key = inline(each.getKey().value());
				Field<String> text = inline(brief(each.getValue()));
				cases = (cases == null) ? byId.when(key, text) : cases.when(key, text);
			}
			detail = Objects.requireNonNull(cases).otherwise(inline((String) null));
		}
		CommonTableExpression<Record1<Integer>> steps = name("first_steps").as(dsl
			.insertInto(EXECUTION_STEP, EXECUTION_STEP.EXECUTION_ID, EXECUTION_STEP.SEQ, EXECUTION_STEP.STATE,
					EXECUTION_STEP.AT, EXECUTION_STEP.DETAIL)
			.select(select(id, inline(1), rows.field(EXECUTION.STATE), rows.field(EXECUTION.CREATED_AT), detail)
				.from(rows))
			.returningResult(EXECUTION_STEP.SEQ));
		return dsl.with(rows).with(steps).selectFrom(rows).fetch().into(EXECUTION);
	}

	static String brief(String text) {
		return (text.length() <= MAX_TEXT) ? text : text.substring(0, MAX_TEXT - 1) + "…";
	}

}
