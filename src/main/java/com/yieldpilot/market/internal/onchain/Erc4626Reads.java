package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * ERC-4626 reads: total assets and the assets one whole share converts to (the share
 * price), both at one block. The realized APY of a vault is the growth of that share
 * price over time ({@link SharePriceApy}).
 */
public final class Erc4626Reads {

	private Erc4626Reads() {
	}

	/**
	 * The vault's state at one block, in the asset's smallest unit and as a decimal share
	 * price.
	 */
	public record VaultState(String vault, BigInteger block, BigInteger totalAssets, BigDecimal sharePrice) {
	}

	public static VaultState read(BlockReader reader, String vault, int shareDecimals, int assetDecimals,
			BigInteger block) {
		return read(reader, vault, shareDecimals, assetDecimals, 0, block);
	}

	/**
	 * The vault's state with the share price resolved to {@code extraDigits} more
	 * decimals than the asset has. One whole share converts to a whole number of the
	 * asset's smallest units, so a 6-decimal vault's price moves in steps of 1e-6, more
	 * than an hour of yield; converting {@code 10^extraDigits} shares and scaling back is
	 * exact for ERC-4626, whose {@code convertToAssets} is linear and rounds down once.
	 */
	public static VaultState read(BlockReader reader, String vault, int shareDecimals, int assetDecimals,
			int extraDigits, BigInteger block) {
		List<List<Type>> values = reader
			.batch(List.of(new ChainCall(vault, totalAssets()),
					new ChainCall(vault, convertToAssets(sharesForPrice(shareDecimals, extraDigits)))), block)
			.stream()
			.map(v -> {
				if (v == null) {
					throw new ChainReadException("ERC-4626 read failed on " + vault + " at block " + block);
				}
				return v;
			})
			.toList();
		return state(vault, block, (BigInteger) values.get(0).get(0).getValue(),
				(BigInteger) values.get(1).get(0).getValue(), assetDecimals, extraDigits);
	}

	/**
	 * The shares to convert for a share price to {@code extraDigits} more decimals than
	 * the asset has: {@code 10^(shareDecimals + extraDigits)}.
	 */
	public static BigInteger sharesForPrice(int shareDecimals, int extraDigits) {
		return BigInteger.TEN.pow(shareDecimals + extraDigits);
	}

	/**
	 * The vault's state from its {@code totalAssets()} and its
	 * {@code convertToAssets(sharesForPrice(…))}, read in a batch.
	 */
	public static VaultState state(String vault, BigInteger block, BigInteger totalAssets, BigInteger assetsForShares,
			int assetDecimals, int extraDigits) {
		BigDecimal price = new BigDecimal(assetsForShares).divide(BigDecimal.TEN.pow(assetDecimals + extraDigits),
				MathContext.DECIMAL64);
		return new VaultState(vault, block, totalAssets, price);
	}

	public static Function totalAssets() {
		return new Function("totalAssets", List.of(), List.of(new TypeReference<Uint256>() {
		}));
	}

	public static Function convertToAssets(BigInteger shares) {
		return new Function("convertToAssets", List.of(new Uint256(shares)), List.of(new TypeReference<Uint256>() {
		}));
	}

	/** ERC-4626's {@code asset()}: the token the vault holds. */
	public static Function asset() {
		return new Function("asset", List.of(), List.of(new TypeReference<Address>() {
		}));
	}

	public static Function decimals() {
		return new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() {
		}));
	}

}
