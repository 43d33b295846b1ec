package com.yieldpilot.support;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Convert;

/**
 * A rule's {@code max gas} with room for two replacements of a stuck transaction (each
 * raises both fee caps 12.5%: ×1.27 in all) but not a third (×1.42), over the fee the
 * pipeline quotes for the first attempt: 2 × base fee + tip, at a base fee set to 1 gwei.
 * With automine off nothing is mined afterwards, so that quote holds.
 *
 * @param first the first attempt's max fee in wei
 * @param cap the cap in wei
 * @param gwei the cap as a rule's {@code max gas} writes it, in gwei
 */
public record TwoRaisesCap(BigInteger first, BigInteger cap, String gwei) {

	/** Sets the next base fee to 1 gwei, mines a block at it, and reads the quote. */
	public static TwoRaisesCap overTheQuote(Devnet chain) throws IOException {
		chain.nextBaseFee(Convert.toWei("1", Convert.Unit.GWEI).toBigIntegerExact());
		chain.mine();
		BigInteger base = chain.web3j()
			.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
			.send()
			.getBlock()
			.getBaseFeePerGas();
		BigInteger tip = chain.web3j().ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
		BigInteger first = base.shiftLeft(1).add(tip);
		BigDecimal capGwei = Convert.fromWei(new BigDecimal(first).multiply(new BigDecimal("1.35")), Convert.Unit.GWEI)
			.setScale(9, RoundingMode.DOWN);
		return new TwoRaisesCap(first, Convert.toWei(capGwei, Convert.Unit.GWEI).toBigIntegerExact(),
				capGwei.stripTrailingZeros().toPlainString());
	}

}
