package com.yieldpilot.execution.internal.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.lang.Mode;
import org.jspecify.annotations.Nullable;

/**
 * One execution of a batch, with what its steps found so far: {@link BatchPreflight}
 * fills in its plan, quote, gas limit and pending steps, {@link BatchSigning} signs it
 * and {@link BatchBroadcast} sends it.
 */
final class BatchItem {

	final ExecutionId id;

	final @Nullable Long token;

	ExecutionRecord row;

	@Nullable ActionIntent intent;

	@Nullable Plan plan;

	Fees.@Nullable Quote quote;

	Fees.@Nullable Caps caps;

	long gasLimit;

	/** The raw transaction this run signed and saved, if it did. */
	@Nullable String raw;

	/**
	 * The states it reached before signing and has not stored yet: they are stored
	 * together, with the simulation's result or with the reason it stopped.
	 */
	final List<ExecutionStore.Step> pending = new ArrayList<>();

	BatchItem(ExecutionRecord row, @Nullable Long token) {
		this.id = new ExecutionId(row.getId());
		this.row = row;
		this.token = token;
	}

	long token() {
		return Objects.requireNonNull(this.token);
	}

	ActionIntent intent() {
		return Objects.requireNonNull(this.intent);
	}

	Plan plan() {
		return Objects.requireNonNull(this.plan);
	}

	boolean paper() {
		return intent().mode() == Mode.PAPER;
	}

	static Map<Long, List<BatchItem>> byChain(List<BatchItem> items) {
		Map<Long, List<BatchItem>> byChain = new LinkedHashMap<>();
		items.forEach((i) -> byChain.computeIfAbsent(i.plan().chainId(), (c) -> new ArrayList<>()).add(i));
		return byChain;
	}

	/** What {@link BatchSigning} needs to sign it. */
	BatchSigning.Unsigned unsigned() {
		return new BatchSigning.Unsigned(this.id, token(), plan().vault(), plan().calldata(), this.gasLimit,
				Objects.requireNonNull(this.caps));
	}

	/**
	 * Takes in what the signing stored, so that sending needs no second read of the row.
	 * @return this item
	 */
	BatchItem signed(long chainId, BatchSigning.Signed signature) {
		this.row.setState(ExecutionState.SIGNED.name());
		this.row.setChainId(chainId);
		this.row.setFromAddress(signature.from());
		this.row.setNonce(signature.nonce());
		this.row.setTxHash(signature.hash());
		this.raw = signature.raw();
		return this;
	}

	/** What {@link BatchBroadcast} needs to send its saved transaction. */
	BatchBroadcast.Saved saved() {
		return new BatchBroadcast.Saved(this.id, this.token, this.row.getChainId(), this.row.getFromAddress(),
				this.row.getNonce(),
				(this.raw != null) ? new Broadcaster.Signed(this.raw, this.row.getTxHash()) : null);
	}

}
