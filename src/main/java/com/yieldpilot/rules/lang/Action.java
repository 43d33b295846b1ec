package com.yieldpilot.rules.lang;

import java.util.List;

/**
 * What a rule does when it fires, in the order written. Actions only propose: execution
 * checks them against the guardrails and the vault's limits before anything moves.
 */
public sealed interface Action permits Move, Withdraw, Deposit, Notify {

	/** The comment lines written before the action, without their {@code #}. */
	List<String> comments();

}
