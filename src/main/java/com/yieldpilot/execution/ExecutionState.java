package com.yieldpilot.execution;

/**
 * Where an execution stands. The live path is {@code PLANNED → COST_CHECKED → SIMULATED →
 * SIGNED → BROADCAST → MINED → CONFIRMED}; every step is stored before the next begins,
 * so a node that dies anywhere leaves a state another node resumes from. Nothing before
 * {@code SIGNED} has spent a nonce; from {@code SIGNED} on only the saved bytes are ever
 * sent again.
 */
public enum ExecutionState {

	/** Waits for an earlier action of the same intent. */
	QUEUED(false),
	/** Waits in the farmer's approvals inbox. */
	AWAITING_APPROVAL(false),
	/** Turned into a contract call with amounts from the vault's positions. */
	PLANNED(false),
	/** Pays for itself: the APY gain over the horizon exceeds the gas. */
	COST_CHECKED(false),
	/** {@code eth_call} and {@code estimateGas} passed. */
	SIMULATED(false),
	/** Signed with a nonce and saved, not yet sent. */
	SIGNED(false),
	/** Sent; waiting for a receipt. */
	BROADCAST(false),
	/** In a block, not yet deep enough to be final. */
	MINED(false),
	/**
	 * Will run again later: fees above the cap, execution paused, or the chain
	 * unreachable.
	 */
	DEFERRED(false),
	/** Final: deep enough on chain. */
	CONFIRMED(true),
	/** Final: a paper intent, simulated and recorded, never signed. */
	PAPER_RECORDED(true),
	/** Final: would not pay for itself, or had nothing to move. */
	SKIPPED(true),
	/** Final: reverted in simulation or on chain, or could not be planned. */
	FAILED(true),
	/** Final: not approved in time. */
	EXPIRED(true),
	/** Final: the farmer said no. */
	REJECTED(true),
	/** Final: not run because an earlier action of the intent did not succeed. */
	CANCELLED(true);

	private final boolean terminal;

	ExecutionState(boolean terminal) {
		this.terminal = terminal;
	}

	/** Whether nothing more happens to it. */
	public boolean isFinal() {
		return this.terminal;
	}

}
