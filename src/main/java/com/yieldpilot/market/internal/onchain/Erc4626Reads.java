package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;

import org.web3j.abi.TypeReference;
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
		BigInteger oneShare = BigInteger.TEN.pow(shareDecimals);
		List<List<Type>> values = reader
			.batch(List.of(new ChainCall(vault, totalAssets()), new ChainCall(vault, convertToAssets(oneShare))), block)
			.stream()
			.map(v -> {
				if (v == null) {
					throw new ChainReadException("ERC-4626 read failed on " + vault + " at block " + block);
				}
				return v;
			})
			.toList();
		BigInteger total = (BigInteger) values.get(0).get(0).getValue();
		BigInteger assetsPerShare = (BigInteger) values.get(1).get(0).getValue();
		BigDecimal price = new BigDecimal(assetsPerShare).divide(BigDecimal.TEN.pow(assetDecimals),
				MathContext.DECIMAL64);
		return new VaultState(vault, block, total, price);
	}

	public static Function totalAssets() {
		return new Function("totalAssets", List.of(), List.of(new TypeReference<Uint256>() {
		}));
	}

	public static Function convertToAssets(BigInteger shares) {
		return new Function("convertToAssets", List.of(new Uint256(shares)), List.of(new TypeReference<Uint256>() {
		}));
	}

	public static Function decimals() {
		return new Function("decimals", List.of(), List.of(new TypeReference<Uint8>() {
		}));
	}

}
