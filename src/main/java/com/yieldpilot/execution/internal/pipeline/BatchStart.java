package com.yieldpilot.execution.internal.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleIntents;

import org.springframework.stereotype.Component;

/**
 * What a batch's run starts from: the rows of the executions it holds and their intents,
 * read, or as this node just created them (the row as inserted, the intent as reviewed:
 * the pipeline reads only what never changes of an intent).
 */
@Component
class BatchStart {

	private final ExecutionStore store;

	private final RuleIntents intents;

	BatchStart(ExecutionStore store, RuleIntents intents) {
		this.store = store;
		this.intents = intents;
	}

	/** An execution this node just created: its row as stored and its intent. */
	record Created(ExecutionRecord row, ActionIntent intent) {
	}

	/**
	 * The held executions still runnable under the token held, oldest first (a batch
	 * takes its nonces in that order), each with its intent when it was just created
	 * here.
	 */
	List<BatchItem> items(Map<ExecutionId, Long> held, Map<ExecutionId, Created> created) {
		List<ExecutionId> unread = held.keySet().stream().filter((id) -> !created.containsKey(id)).toList();
		List<ExecutionRecord> rows = new ArrayList<>(unread.isEmpty() ? List.of() : this.store.rows(unread));
		created.forEach((id, c) -> {
			if (held.containsKey(id)) {
				rows.add(c.row());
			}
		});
		rows.sort(Comparator.comparing(ExecutionRecord::getCreatedAt).thenComparing(ExecutionRecord::getId));
		List<BatchItem> items = new ArrayList<>();
		for (ExecutionRecord row : rows) {
			ExecutionId id = new ExecutionId(row.getId());
			Long token = held.get(id);
			if (!ExecutionPipeline.RUNNABLE.contains(ExecutionState.valueOf(row.getState()))
					|| !row.getLeaseToken().equals(token)) {
				continue; // created leased here, and taken over by another node since
			}
			BatchItem item = new BatchItem(row, token);
			Created known = created.get(id);
			if (known != null) {
				item.intent = known.intent();
			}
			items.add(item);
		}
		return items;
	}

	/**
	 * Gives each item without one its intent, read for all of them at once.
	 * @return the items whose intent no longer exists
	 */
	List<BatchItem> withIntents(List<BatchItem> items) {
		List<IntentId> unknown = items.stream()
			.filter((i) -> i.intent == null)
			.map((i) -> i.row.getIntentId())
			.toList();
		Map<IntentId, ActionIntent> found = unknown.isEmpty() ? Map.of() : this.intents.findAll(unknown);
		List<BatchItem> gone = new ArrayList<>();
		for (BatchItem item : items) {
			if (item.intent == null) {
				item.intent = found.get(item.row.getIntentId());
				if (item.intent == null) {
					gone.add(item);
				}
			}
		}
		return gone;
	}

}
