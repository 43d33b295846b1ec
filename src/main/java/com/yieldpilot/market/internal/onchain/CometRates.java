package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * Compound v3 (Comet) supply rates. {@code getSupplyRate(getUtilization())} is the rate
 * per second, scaled by 1e18, that suppliers of the base asset earn now; it accrues every
 * second, so the APY is that rate compounded over Comet's year of 31,536,000 seconds, the
 * same way {@link AaveRates} compounds Aave's. Rewards (COMP) are not included.
 */
public final class CometRates {

	/** Comet's year: {@code CometCore.SECONDS_PER_YEAR}. */
	public static final double SECONDS_PER_YEAR = 31_536_000;

	private static final BigDecimal SCALE = BigDecimal.TEN.pow(18);

	private CometRates() {
	}

	/**
	 * A Comet market at one block: utilization and supply rate per second scaled by 1e18,
	 * total supply in the base asset's smallest unit.
	 */
	public record Market(String comet, BigInteger block, BigInteger utilization, BigInteger totalSupply,
			BigInteger supplyRatePerSecond) {

		/** Borrowed over supplied, 0 to 1 (it can pass 1 briefly after a bad debt). */
		public double utilizationRatio() {
			return new BigDecimal(this.utilization).divide(SCALE, MathContext.DECIMAL64).doubleValue();
		}

		public double supplyApyPercent() {
			return CometRates.apyPercent(this.supplyRatePerSecond);
		}

	}

	/** Per-second compounding of a Comet rate per second (1e18 scale), in percent. */
	public static double apyPercent(BigInteger ratePerSecond) {
		double rate = new BigDecimal(ratePerSecond).divide(SCALE, MathContext.DECIMAL64).doubleValue();
		return Math.expm1(SECONDS_PER_YEAR * Math.log1p(rate)) * 100;
	}

	public static Function getUtilization() {
		return new Function("getUtilization", List.of(), List.of(new TypeReference<Uint256>() {
		}));
	}

	public static Function getSupplyRate(BigInteger utilization) {
		return new Function("getSupplyRate", List.of(new Uint256(utilization)), List.of(new TypeReference<Uint64>() {
		}));
	}

	/** The base asset supplied, interest included, in its smallest unit. */
	public static Function totalSupply() {
		return new Function("totalSupply", List.of(), List.of(new TypeReference<Uint256>() {
		}));
	}

	/** The market's base asset, e.g. USDC. */
	public static Function baseToken() {
		return new Function("baseToken", List.of(), List.of(new TypeReference<Address>() {
		}));
	}

}
