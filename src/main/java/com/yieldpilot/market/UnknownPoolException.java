package com.yieldpilot.market;

import java.util.List;
import java.util.stream.Collectors;

import com.yieldpilot.shared.PoolId;

/** A pool id that is not in the registry, with the known ids closest to it. */
public class UnknownPoolException extends IllegalArgumentException {

	private final List<PoolId> suggestions;

	public UnknownPoolException(String pool, List<PoolId> suggestions) {
		super("Unknown pool '" + shown(pool) + "'." + (suggestions.isEmpty() ? "" : " Did you mean "
				+ suggestions.stream().map(PoolId::toString).collect(Collectors.joining(", ", "", "?"))));
		this.suggestions = List.copyOf(suggestions);
	}

	// the text may come from a user: shortened, without control characters
	private static String shown(String text) {
		String shown = (text.length() > PoolId.MAX_LENGTH) ? text.substring(0, PoolId.MAX_LENGTH) + "…" : text;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

	/** Known pool ids closest to the one given, best first. */
	public List<PoolId> suggestions() {
		return this.suggestions;
	}

}
