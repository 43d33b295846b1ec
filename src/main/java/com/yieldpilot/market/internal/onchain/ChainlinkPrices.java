package com.yieldpilot.market.internal.onchain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Int256;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint80;

/**
 * Chainlink aggregator prices ({@code latestRoundData}). A price whose {@code updatedAt}
 * is older than the feed's allowed age is refused: a stale oracle must never look like a
 * live price.
 */
public final class ChainlinkPrices {

	private ChainlinkPrices() {
	}

	/** A feed's answer, scaled by its decimals. */
	public record Price(String feed, BigInteger block, BigDecimal value, Instant updatedAt, BigInteger roundId) {
	}

	/**
	 * Thrown when the feed's last update is older than allowed, or its answer is not
	 * positive.
	 */
	public static class StalePriceException extends ChainReadException {

		public StalePriceException(String message) {
			super(message);
		}

	}

	public static Price read(BlockReader reader, String feed, int decimals, Duration maxAge, Instant now,
			BigInteger block) {
		return price(feed, decimals, maxAge, now, block, reader.call(new ChainCall(feed, latestRoundData()), block));
	}

	/**
	 * Decodes an answer to {@link #latestRoundData()}, read in a batch.
	 * @throws StalePriceException when the answer is older than {@code maxAge} or not
	 * positive
	 */
	@SuppressWarnings("rawtypes")
	public static Price price(String feed, int decimals, Duration maxAge, Instant now, BigInteger block,
			List<Type> values) {
		BigInteger roundId = (BigInteger) values.get(0).getValue();
		BigInteger answer = (BigInteger) values.get(1).getValue();
		Instant updatedAt = Instant.ofEpochSecond(((BigInteger) values.get(3).getValue()).longValueExact());
		if (answer.signum() <= 0) {
			throw new StalePriceException("Feed " + feed + " answered " + answer + ", which is not a price");
		}
		if (updatedAt.isBefore(now.minus(maxAge))) {
			throw new StalePriceException("Feed " + feed + " was last updated at " + updatedAt + ", more than "
					+ maxAge.toMinutes() + " min ago");
		}
		return new Price(feed, block, new BigDecimal(answer).movePointLeft(decimals), updatedAt, roundId);
	}

	public static Function latestRoundData() {
		return new Function("latestRoundData", List.of(), List.of(new TypeReference<Uint80>() {
		}, new TypeReference<Int256>() {
		}, new TypeReference<Uint256>() {
		}, new TypeReference<Uint256>() {
		}, new TypeReference<Uint80>() {
		}));
	}

}
