package com.yieldpilot.risk.internal.model;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * A protocol incident (exploit, hack) as DeFiHackLabs lists it.
 *
 * @param date the day it happened
 * @param name the protocol's name as the list spells it
 * @param type the kind of attack, e.g. "Price Manipulation"
 * @param lossUsd the loss in US dollars, {@code NaN} when the list gives it in another
 * unit
 * @param chain the chain, as the list spells it
 */
public record Incident(LocalDate date, String name, String type, double lossUsd, String chain) {

	public Incident {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(chain, "chain");
	}

	/**
	 * The name reduced to lower-case letters and digits, for matching against protocol
	 * slugs.
	 */
	public String key() {
		return key(this.name);
	}

	/**
	 * Reduces a protocol name or slug to lower-case letters and digits without a trailing
	 * version ({@code aave-v3} and {@code Aave} both become {@code aave}).
	 */
	public static String key(String name) {
		String lower = name.toLowerCase(Locale.ROOT).replaceAll("[-_ ]v\\d+$", "");
		return lower.replaceAll("[^a-z0-9]", "");
	}

}
