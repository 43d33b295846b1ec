package com.yieldpilot.vault;

/**
 * What a transaction prepared for the farmer's wallet does, in the farmer's words.
 */
public enum WalletAction {

	CREATE_VAULT("Create the vault"),

	APPROVE("Let the vault take the amount from your wallet"),

	FUND("Fund the vault"),

	WITHDRAW("Withdraw to your wallet"),

	REDEEM("Redeem a position to your wallet"),

	ALLOW_TARGET("Allowlist a pool"),

	REMOVE_TARGET("Remove a pool from the allowlist"),

	SET_LIMITS("Set the limits"),

	SET_EXECUTOR("Set YieldPilot's executor"),

	PAUSE("Pause the executor"),

	UNPAUSE("Let the executor act again"),

	TRANSFER_OWNERSHIP("Offer the ownership to another wallet"),

	ACCEPT_OWNERSHIP("Accept the ownership");

	private final String label;

	WalletAction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
