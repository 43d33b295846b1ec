package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint128;
import org.web3j.abi.datatypes.generated.Uint16;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint40;

/**
 * Aave v3 supply rates. {@code Pool.getReserveData(asset)} reports
 * {@code currentLiquidityRate} as an APR in ray (1e27 = 100%) that accrues every second,
 * so the APY is that APR compounded per second over 365 days, which is how Aave's own
 * interface shows it.
 */
public final class AaveRates {

	/**
	 * Aave's year: 365 days of seconds
	 * ({@code WadRayMath}/{@code MathUtils.SECONDS_PER_YEAR}).
	 */
	public static final double SECONDS_PER_YEAR = 365 * 24 * 3600.0;

	private static final BigDecimal RAY = BigDecimal.TEN.pow(27);

	private AaveRates() {
	}

	/** The reserve's rates at one block. */
	public record ReserveRates(String asset, BigInteger block, BigInteger liquidityRateRay,
			BigInteger variableBorrowRateRay, BigInteger liquidityIndexRay) {

		public double supplyApyPercent() {
			return apyPercent(aprFraction(this.liquidityRateRay));
		}

		public double borrowApyPercent() {
			return apyPercent(aprFraction(this.variableBorrowRateRay));
		}

	}

	/** An APR in ray as a fraction (0.05 = 5%). */
	public static double aprFraction(BigInteger ray) {
		return new BigDecimal(ray).divide(RAY, MathContext.DECIMAL64).doubleValue();
	}

	/** Per-second compounding of an APR fraction over Aave's year, in percent. */
	public static double apyPercent(double aprFraction) {
		return Math.expm1(SECONDS_PER_YEAR * Math.log1p(aprFraction / SECONDS_PER_YEAR)) * 100;
	}

	public static ReserveRates read(BlockReader reader, String pool, String asset, BigInteger block) {
		return rates(pool, asset, block, reader.call(new ChainCall(pool, getReserveData(asset)), block));
	}

	/**
	 * Decodes an answer to {@link #getReserveData(String)}, read in a batch.
	 * @throws ChainReadException when the pool has no reserve for the asset
	 */
	@SuppressWarnings("rawtypes")
	public static ReserveRates rates(String pool, String asset, BigInteger block, List<Type> values) {
		BigInteger liquidityIndex = (BigInteger) values.get(1).getValue();
		if (liquidityIndex.signum() == 0) {
			throw new ChainReadException("Aave pool " + pool + " has no reserve for " + asset);
		}
		return new ReserveRates(asset, block, (BigInteger) values.get(2).getValue(),
				(BigInteger) values.get(4).getValue(), liquidityIndex);
	}

	/**
	 * {@code getReserveData(address)}. Its result is a struct of static fields only,
	 * which the ABI encodes exactly like the flat list of its fields.
	 */
	public static Function getReserveData(String asset) {
		return new Function("getReserveData", List.of(new Address(asset)), List.of(new TypeReference<Uint256>() {
		}, uint128(), uint128(), uint128(), uint128(), uint128(), new TypeReference<Uint40>() {
		}, new TypeReference<Uint16>() {
		}, address(), address(), address(), address(), uint128(), uint128(), uint128()));
	}

	private static TypeReference<Uint128> uint128() {
		return new TypeReference<>() {
		};
	}

	private static TypeReference<Address> address() {
		return new TypeReference<>() {
		};
	}

}
