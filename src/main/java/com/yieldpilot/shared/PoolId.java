package com.yieldpilot.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A pool's canonical id that people can read: {@code protocol:chain:asset[:qualifier]},
 * e.g. {@code aave-v3:base:USDC} or {@code morpho:base:USDC-prime}. Protocol and chain
 * are lower case; the asset keeps its usual symbol case. The grammar is strict, so an id
 * is safe to show, log and use as a key, and never carries anything but these characters.
 * In JSON it is that text, as the API's paths and pool lists write it; the object of its
 * four parts, which events stored before 2026-11-23 carry, is still read.
 */
public record PoolId(String protocol, String chain, String asset,
		@Nullable String qualifier) implements Comparable<PoolId> {

	/** The longest id accepted, in characters. */
	public static final int MAX_LENGTH = 120;

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9.-]{0,39}");

	private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+_-]{0,39}");

	private static final Pattern ID = Pattern.compile("([^:]+):([^:]+):([^:]+)(?::([^:]+))?");

	@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
	public PoolId {
		Objects.requireNonNull(protocol, "protocol");
		Objects.requireNonNull(chain, "chain");
		Objects.requireNonNull(asset, "asset");
		require(SLUG, protocol, "protocol");
		require(SLUG, chain, "chain");
		require(SYMBOL, asset, "asset");
		if (qualifier != null) {
			require(SYMBOL, qualifier, "qualifier");
		}
	}

	/** Parses an id; the protocol and chain may be given in any case. */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static PoolId parse(String text) {
		return tryParse(text).orElseThrow(() -> new IllegalArgumentException("'" + abbreviate(text)
				+ "' is not a pool id. A pool id reads protocol:chain:asset, e.g. aave-v3:base:USDC."));
	}

	/** Parses an id, or empty when the text is not one. */
	public static Optional<PoolId> tryParse(String text) {
		if (text.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		Matcher matcher = ID.matcher(text.strip());
		if (!matcher.matches()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new PoolId(matcher.group(1).toLowerCase(Locale.ROOT),
					matcher.group(2).toLowerCase(Locale.ROOT), matcher.group(3), matcher.group(4)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public int compareTo(PoolId other) {
		return toString().compareTo(other.toString());
	}

	@JsonValue
	@Override
	public String toString() {
		return this.protocol + ":" + this.chain + ":" + this.asset
				+ ((this.qualifier != null) ? ":" + this.qualifier : "");
	}

	private static void require(Pattern pattern, String value, String part) {
		if (!pattern.matcher(value).matches()) {
			throw new IllegalArgumentException("Invalid " + part + " '" + abbreviate(value)
					+ "' in a pool id: use letters, digits, '.', '-' (and '_' or '+' in assets), at most 40 characters.");
		}
	}

	private static String abbreviate(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() <= 60) ? printable : printable.substring(0, 57) + "...";
	}

}
