package com.yieldpilot.execution.internal.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The "broadcast" step of a batch of signed executions: it only ever sends the bytes that
 * {@link BatchSigning} saved, never signs anything, so sending the same execution twice
 * (after a crash, or from a second node) is harmless. An answer that the node took moves
 * the execution to BROADCAST; one the node refused for now leaves it SIGNED, to be sent
 * again as it is; a hash other than the saved one is an alert, because the RPC is not
 * telling the truth about these bytes, and the execution stays SIGNED too.
 */
@Component
class BatchBroadcast {

	/**
	 * The pipeline's logger: these lines were the pipeline's before the step had a class
	 * of its own, and whatever filters or watches them by logger name keeps finding them.
	 */
	private static final Logger log = LoggerFactory.getLogger(ExecutionPipeline.class);

	private final ExecutionStore store;

	private final ChainTxStore chainTxs;

	private final ChainAccess chains;

	private final ObjectProvider<ExecutionCrashHook> crashHook;

	private final Counter alerts;

	BatchBroadcast(ExecutionStore store, ChainTxStore chainTxs, ChainAccess chains,
			ObjectProvider<ExecutionCrashHook> crashHook, MeterRegistry meters) {
		this.store = store;
		this.chainTxs = chainTxs;
		this.chains = chains;
		this.crashHook = crashHook;
		this.alerts = Counter.builder("yieldpilot.execution.alerts")
			.description("RPC answers that contradict what was signed (a wrong hash)")
			.register(meters);
	}

	/**
	 * A signed execution, under its fencing token, with the key and nonce it was signed
	 * with: what orders the sending. Only what was saved can ever be sent: its bytes are
	 * read from the saved attempts, unless this run signed it, when {@code saved} carries
	 * the bytes its signing transaction committed.
	 */
	record Saved(ExecutionId id, @Nullable Long token, long chainId, @Nullable String from, @Nullable Long nonce,
			Broadcaster.@Nullable Signed saved) {
	}

	/**
	 * Sends the newest saved attempt of each, one JSON-RPC batch per chain in the order
	 * of their nonces (a node handles the lower ones first), and records each answer; one
	 * without a saved attempt is left as it is. The executions a node took are marked
	 * sent and moved to BROADCAST in one commit per chain, those still this node's.
	 * @return the executions that moved to BROADCAST
	 */
	List<ExecutionId> broadcastAll(List<Saved> batch) {
		Map<ExecutionId, Broadcaster.Signed> latest = new HashMap<>();
		List<ExecutionId> unread = new ArrayList<>();
		for (Saved saved : batch) {
			if (saved.saved() != null) {
				latest.put(saved.id(), saved.saved());
			}
			else {
				unread.add(saved.id());
			}
		}
		if (!unread.isEmpty()) {
			this.chainTxs.latestAttempts(unread)
				.forEach((id, tx) -> latest.put(id, new Broadcaster.Signed(tx.getRawTx(), tx.getTxHash())));
		}
		Map<Long, List<Saved>> byChain = new LinkedHashMap<>();
		batch.stream()
			.filter((s) -> latest.containsKey(s.id()))
			.sorted(Comparator.comparing(Saved::from, Comparator.nullsFirst(Comparator.naturalOrder()))
				.thenComparing(Saved::nonce, Comparator.nullsFirst(Comparator.naturalOrder())))
			.forEach((s) -> byChain.computeIfAbsent(s.chainId(), (c) -> new ArrayList<>()).add(s));
		List<ExecutionId> broadcast = new ArrayList<>();
		for (Map.Entry<Long, List<Saved>> chain : byChain.entrySet()) {
			List<Saved> sending = chain.getValue();
			List<Broadcaster.Sent> answers = Broadcaster.sendAll(this.chains.client(chain.getKey()),
					sending.stream().map((s) -> latest.get(s.id())).toList());
			List<Saved> taken = new ArrayList<>();
			Map<ExecutionId, String> details = new HashMap<>();
			for (int k = 0; k < sending.size(); k++) {
				Saved saved = sending.get(k);
				Broadcaster.Sent sent = answers.get(k);
				switch (sent.kind()) {
					case ACCEPTED, KNOWN -> {
						taken.add(saved);
						details.put(saved.id(), sent.detail());
					}
					case MISMATCH -> {
						this.alerts.increment();
						log.error("ALERT execution {}: {}; it stays signed, and the same bytes are sent again",
								saved.id(), sent.detail());
						this.store.alert(saved.id(), sent.detail()
								+ ": not advanced on this answer; the same bytes are sent again. Check the RPC provider");
					}
					case FAILED -> log.warn("Execution {} not sent yet, will retry with the same bytes: {}", saved.id(),
							sent.detail());
				}
			}
			if (taken.isEmpty()) {
				continue;
			}
			this.chainTxs.sentAll(taken.stream().map((s) -> latest.get(s.id()).hash()).toList());
			taken.forEach((s) -> crashHook().sent(s.id()));
			broadcast.addAll(advanceAll(taken, details));
		}
		return broadcast;
	}

	/**
	 * Moves the executions the node took from SIGNED to BROADCAST in one commit, those
	 * still this node's, and calls the crash hook for each that moved.
	 * @return the executions that moved
	 */
	private List<ExecutionId> advanceAll(List<Saved> taken, Map<ExecutionId, String> details) {
		Set<ExecutionId> moved = this.store.advanceAll(taken.stream()
			.map((s) -> new ExecutionStore.Advance(s.id(), s.token(), details.get(s.id()), Map.of()))
			.toList(), List.of(ExecutionState.SIGNED), ExecutionState.BROADCAST);
		List<ExecutionId> advanced = taken.stream().map(Saved::id).filter(moved::contains).toList();
		advanced.forEach((id) -> crashHook().reached(id, ExecutionState.BROADCAST));
		return advanced;
	}

	private ExecutionCrashHook crashHook() {
		return this.crashHook.getIfAvailable(() -> ExecutionCrashHook.NONE);
	}

}
