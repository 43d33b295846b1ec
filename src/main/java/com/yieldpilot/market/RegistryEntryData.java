package com.yieldpilot.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Keys;

/**
 * What the registry knows of a pool: its id, a name, how it is read on chain and where,
 * its asset's price feed and its DefiLlama id. Valid by construction: addresses are
 * checked (EIP-55 when written in mixed case) and stored in checksum form, and each read
 * kind has the addresses it needs. Every problem is reported at once, by field.
 *
 * @param contract the address {@link ReadKind#contractMeaning()} names
 * @param asset the token the pool holds; required for Aave v3 (the reserve), checked
 * against the vault's or Comet's own when given
 * @param assetDecimals the asset's decimals; required for on-chain reads
 * @param priceFeed a Chainlink aggregator for the asset's USD price
 */
public record RegistryEntryData(PoolId id, @Nullable String name, ReadKind kind, @Nullable String contract,
		@Nullable String asset, @Nullable Integer assetDecimals, @Nullable String priceFeed,
		@Nullable String defiLlamaId, boolean stablecoin) {

	public static final int NAME_MAX_LENGTH = 80;

	private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

	private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final String ZERO = "0x0000000000000000000000000000000000000000";

	public RegistryEntryData {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Checked checked = check(name, kind, contract, asset, assetDecimals, priceFeed, defiLlamaId);
		if (!checked.problems().isEmpty()) {
			throw new InvalidRegistryEntryException(id.toString(), checked.problems());
		}
		name = checked.name();
		contract = checked.contract();
		asset = checked.asset();
		priceFeed = checked.priceFeed();
		defiLlamaId = checked.defiLlamaId();
	}

	/**
	 * Builds an entry from text (a form, a file, a request), reporting the problems of
	 * the id and kind with the rest.
	 * @throws InvalidRegistryEntryException listing every problem
	 */
	public static RegistryEntryData of(@Nullable String id, @Nullable String name, @Nullable String kind,
			@Nullable String contract, @Nullable String asset, @Nullable Integer assetDecimals,
			@Nullable String priceFeed, @Nullable String defiLlamaId, boolean stablecoin) {
		List<InvalidRegistryEntryException.FieldProblem> problems = new ArrayList<>();
		PoolId poolId = null;
		if (blankToNull(id) == null) {
			problem(problems, "id", "is required, e.g. aave-v3:base:USDC");
		}
		else {
			poolId = PoolId.tryParse(id).orElse(null);
			if (poolId == null) {
				problem(problems, "id", "'" + shorten(id) + "' is not a pool id: protocol:chain:asset[:qualifier], "
						+ "e.g. aave-v3:base:USDC or morpho:base:USDC:steakhouse");
			}
		}
		ReadKind readKind = ReadKind.NONE;
		if (blankToNull(kind) != null) {
			Optional<ReadKind> parsed = ReadKind.parse(kind);
			if (parsed.isEmpty()) {
				problem(problems, "kind", "'" + shorten(kind) + "' is not one of " + ReadKind.labels());
			}
			else {
				readKind = parsed.get();
			}
		}
		problems.addAll(check(name, readKind, contract, asset, assetDecimals, priceFeed, defiLlamaId).problems());
		if (!problems.isEmpty() || poolId == null) {
			String entry = (poolId != null) ? poolId.toString()
					: (id != null && !id.isBlank()) ? shorten(id) : "new pool";
			throw new InvalidRegistryEntryException(entry, problems);
		}
		return new RegistryEntryData(poolId, name, readKind, contract, asset, assetDecimals, priceFeed, defiLlamaId,
				stablecoin);
	}

	private record Checked(@Nullable String name, @Nullable String contract, @Nullable String asset,
			@Nullable String priceFeed, @Nullable String defiLlamaId,
			List<InvalidRegistryEntryException.FieldProblem> problems) {
	}

	private static Checked check(@Nullable String name, ReadKind kind, @Nullable String contract,
			@Nullable String asset, @Nullable Integer assetDecimals, @Nullable String priceFeed,
			@Nullable String defiLlamaId) {
		List<InvalidRegistryEntryException.FieldProblem> problems = new ArrayList<>();
		String checkedName = blankToNull(name);
		if (checkedName != null && checkedName.length() > NAME_MAX_LENGTH) {
			problem(problems, "name", "is longer than " + NAME_MAX_LENGTH + " characters");
		}
		String checkedContract = address(problems, "contract", contract);
		String checkedAsset = address(problems, "asset", asset);
		String checkedFeed = address(problems, "priceFeed", priceFeed);
		String checkedLlama = blankToNull(defiLlamaId);
		if (checkedLlama != null) {
			checkedLlama = checkedLlama.toLowerCase(Locale.ROOT);
			if (!UUID.matcher(checkedLlama).matches()) {
				problem(problems, "defiLlamaId", "'" + shorten(checkedLlama)
						+ "' is not a DefiLlama pool id, which is a UUID like aa70268e-4b52-42bf-a116-608b370f9501");
			}
		}
		if (assetDecimals != null && (assetDecimals < 0 || assetDecimals > 36)) {
			problem(problems, "assetDecimals", "must lie between 0 and 36, not " + assetDecimals);
		}
		boolean contractBad = problems.stream().anyMatch(p -> p.field().equals("contract"));
		boolean assetBad = problems.stream().anyMatch(p -> p.field().equals("asset"));
		if (kind.onChain()) {
			if (checkedContract == null && !contractBad) {
				problem(problems, "contract", "is required for " + kind.label() + ": " + kind.contractMeaning());
			}
			if (assetDecimals == null) {
				problem(problems, "assetDecimals", "is required for " + kind.label() + " (USDC has 6, WETH 18)");
			}
		}
		else if (checkedContract != null) {
			problem(problems, "contract",
					"is only read for on-chain kinds; pick one (" + ReadKind.labels() + ") or leave it empty");
		}
		if (kind == ReadKind.AAVE_V3 && checkedAsset == null && !assetBad) {
			problem(problems, "asset", "is required for aave-v3: the reserve's token, e.g. USDC's address");
		}
		return new Checked(checkedName, checkedContract, checkedAsset, checkedFeed, checkedLlama, problems);
	}

	/**
	 * What is wrong with an address, if anything: the check forms use for a field before
	 * the whole entry is built.
	 */
	public static Optional<String> addressProblem(@Nullable String text) {
		List<InvalidRegistryEntryException.FieldProblem> problems = new ArrayList<>();
		address(problems, "address", text);
		return problems.stream().map(InvalidRegistryEntryException.FieldProblem::message).findFirst();
	}

	private static @Nullable String address(List<InvalidRegistryEntryException.FieldProblem> problems, String field,
			@Nullable String text) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		if (!ADDRESS.matcher(value).matches()) {
			problem(problems, field, "'" + shorten(value) + "' is not an address: 0x followed by 40 hex digits");
			return null;
		}
		String checksummed = Keys.toChecksumAddress(value.toLowerCase(Locale.ROOT));
		String hex = value.substring(2);
		boolean mixedCase = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
		if (mixedCase && !checksummed.equals(value)) {
			problem(problems, field, value + " fails its EIP-55 checksum, so a character is mistyped; copy it "
					+ "again from its source");
			return null;
		}
		if (checksummed.equalsIgnoreCase(ZERO)) {
			problem(problems, field, "is the zero address");
			return null;
		}
		return checksummed;
	}

	private static void problem(List<InvalidRegistryEntryException.FieldProblem> problems, String field,
			String message) {
		problems.add(new InvalidRegistryEntryException.FieldProblem(field, message));
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String shorten(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() <= 60) ? printable : printable.substring(0, 57) + "...";
	}

}
