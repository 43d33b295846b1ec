package com.yieldpilot.rules.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Withdraw;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Names the kind of each {@link Action} and {@link Amount} in JSON, so that an
 * {@code IntentProposed} read back from the event publication registry (a redelivery
 * after a crash, a resubmission) has its actions again: without it the registry stored
 * the event but could not read it back. Mix-ins keep the syntax tree free of JSON
 * annotations.
 */
final class ActionJson {

	private ActionJson() {
	}

	/** The module the application's JSON mapper and the registry's serializer pick up. */
	static JacksonModule module() {
		SimpleModule module = new SimpleModule("yieldpilot-rule-actions");
		module.setMixInAnnotation(Action.class, ActionKinds.class);
		module.setMixInAnnotation(Amount.class, AmountKinds.class);
		return module;
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = Move.class, name = "move"),
			@JsonSubTypes.Type(value = Withdraw.class, name = "withdraw"),
			@JsonSubTypes.Type(value = Deposit.class, name = "deposit"),
			@JsonSubTypes.Type(value = Notify.class, name = "notify") })
	private interface ActionKinds {

	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
	@JsonSubTypes({ @JsonSubTypes.Type(value = Amount.Share.class, name = "share"),
			@JsonSubTypes.Type(value = Amount.Usd.class, name = "usd"),
			@JsonSubTypes.Type(value = Amount.Tokens.class, name = "tokens") })
	private interface AmountKinds {

	}

}
