package com.yieldpilot.market;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a registry pool is read on chain, which decides what its contract address is.
 */
public enum ReadKind {

	/** Not read on chain: its numbers come from DefiLlama only. */
	NONE("none", "no contract"),
	/** An ERC-4626 vault (MetaMorpho, say): share price, realized APY and TVL. */
	ERC4626("erc4626", "the ERC-4626 vault"),
	/** An Aave v3 reserve: the supply APY of the asset in the Pool. */
	AAVE_V3("aave-v3", "the Aave v3 Pool"),
	/** A Compound v3 market (Comet): supply APY, utilization and TVL. */
	COMPOUND_V3("compound-v3", "the Comet (the market's proxy)");

	private final String label;

	private final String contract;

	ReadKind(String label, String contract) {
		this.label = label;
		this.contract = contract;
	}

	/** The name in the registry file and the REST API, e.g. {@code aave-v3}. */
	public String label() {
		return this.label;
	}

	/** What the entry's contract address is for this kind. */
	public String contractMeaning() {
		return this.contract;
	}

	/** Whether the pool is read on chain at all. */
	public boolean onChain() {
		return this != NONE;
	}

	/** By label ({@code aave-v3}) or name ({@code AAVE_V3}), in any case. */
	public static Optional<ReadKind> parse(String text) {
		String wanted = text.strip().toLowerCase(Locale.ROOT);
		return Arrays.stream(values())
			.filter(k -> k.label.equals(wanted) || k.name().toLowerCase(Locale.ROOT).equals(wanted))
			.findFirst();
	}

	/** The labels, for error messages. */
	public static String labels() {
		return String.join(", ", Arrays.stream(values()).map(ReadKind::label).toList());
	}

}
