package com.yieldpilot.rules.lang;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a rule does when it fires, in the order written. Actions only propose: execution
 * checks them against the guardrails and the vault's limits before anything moves. In
 * JSON (an {@code IntentProposed} waiting in the event publication registry, say) each
 * action names its kind in {@code type}, so it reads back as what it was.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Move.class, name = "move"),
		@JsonSubTypes.Type(value = Withdraw.class, name = "withdraw"),
		@JsonSubTypes.Type(value = Deposit.class, name = "deposit"),
		@JsonSubTypes.Type(value = Notify.class, name = "notify") })
public sealed interface Action permits Move, Withdraw, Deposit, Notify {

	/** The comment lines written before the action, without their {@code #}. */
	List<String> comments();

}
