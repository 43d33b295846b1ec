package com.yieldpilot.rules.lang;

import java.util.List;
import java.util.Objects;

/**
 * Send the farmer a message: {@code notify "Aave USDC below 4%"}. The text is plain data.
 */
public record Notify(String text, List<String> comments) implements Action {

	public Notify {
		RuleText.require(Objects.requireNonNull(text, "text"), RuleText.MAX_MESSAGE_LENGTH, "A message");
		if (text.isBlank()) {
			throw new IllegalArgumentException("A message needs some text");
		}
		comments = RuleText.comments(comments);
	}

	public Notify(String text) {
		this(text, List.of());
	}

}
