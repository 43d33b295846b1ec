package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthMaxPriorityFeePerGas;
import org.web3j.utils.Convert;

import org.springframework.stereotype.Component;

/**
 * EIP-1559 fees: the latest block's base fee, the chain's suggested tip, and the cap (the
 * system's, lowered by the rule's own {@code max gas}). A chain above the cap defers the
 * execution instead of failing it.
 */
@Component
class Fees {

	/** A replacement raises both fee caps by at least this (geth needs 10%). */
	static final BigDecimal BUMP = new BigDecimal("1.125");

	private final ExecutionProperties properties;

	Fees(ExecutionProperties properties) {
		this.properties = properties;
	}

	/** What the chain asks now. */
	record Quote(BigInteger baseFee, BigInteger priorityFee) {

		BigInteger price() {
			return this.baseFee.add(this.priorityFee);
		}

	}

	/** The caps to sign with. */
	record Caps(BigInteger maxFee, BigInteger priorityFee) {
	}

	/**
	 * A quote and the block it was read at, the chain's head then; -1 and no hash when
	 * the chain did not say.
	 */
	record Head(Quote quote, long block, @Nullable String hash) {
	}

	Quote quote(Web3j web3j) throws IOException {
		return head(web3j).quote();
	}

	/** {@link #quote}, with the number and hash of the block it was read at. */
	Head head(Web3j web3j) throws IOException {
		// one round trip: the latest block and the suggested tip in one JSON-RPC batch
		List<? extends Response<?>> answers = web3j.newBatch()
			.add(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
			.add(web3j.ethMaxPriorityFeePerGas())
			.send()
			.getResponses();
		EthBlock latest = (EthBlock) answers.get(0);
		if (latest.hasError()) {
			throw new IOException("the latest block could not be read: " + latest.getError().getMessage());
		}
		EthBlock.Block block = latest.getBlock();
		BigInteger base = (block != null && block.getBaseFeePerGas() != null) ? block.getBaseFeePerGas()
				: BigInteger.ZERO;
		BigInteger tip = gwei(this.properties.priorityFeeGwei());
		EthMaxPriorityFeePerGas suggested = (EthMaxPriorityFeePerGas) answers.get(1);
		if (!suggested.hasError() && suggested.getResult() != null) {
			tip = suggested.getMaxPriorityFeePerGas().max(BigInteger.ONE);
		}
		if (block == null || block.getNumber() == null) {
			return new Head(new Quote(base, tip), -1, null);
		}
		return new Head(new Quote(base, tip), block.getNumber().longValueExact(), block.getHash());
	}

	/** The highest max fee per gas the execution may pay. */
	BigInteger cap(@Nullable BigDecimal ruleMaxGasGwei) {
		BigDecimal cap = this.properties.maxFeeGwei();
		if (ruleMaxGasGwei != null && ruleMaxGasGwei.compareTo(cap) < 0) {
			cap = ruleMaxGasGwei;
		}
		return gwei(cap);
	}

	/**
	 * The caps for a first attempt: twice the base fee plus the tip, within the cap.
	 * @return empty when even the base fee and tip are above the cap
	 */
	@Nullable Caps first(Quote quote, BigInteger cap) {
		if (quote.price().compareTo(cap) > 0) {
			return null;
		}
		BigInteger maxFee = quote.baseFee().shiftLeft(1).add(quote.priorityFee()).min(cap);
		return new Caps(maxFee, quote.priorityFee().min(maxFee));
	}

	/**
	 * The caps for a replacement at the same nonce: both raised by 12.5%, rounded up, and
	 * no lower than what the chain asks now.
	 * @return empty when the raise would pass the cap
	 */
	@Nullable Caps bump(Caps previous, Quote quote, BigInteger cap) {
		BigInteger maxFee = raise(previous.maxFee()).max(quote.baseFee().shiftLeft(1).add(quote.priorityFee()));
		BigInteger tip = raise(previous.priorityFee()).max(quote.priorityFee());
		if (maxFee.compareTo(cap) > 0) {
			return null;
		}
		return new Caps(maxFee, tip.min(maxFee));
	}

	private static BigInteger raise(BigInteger fee) {
		return new BigDecimal(fee).multiply(BUMP).setScale(0, java.math.RoundingMode.CEILING).toBigInteger();
	}

	static BigInteger gwei(BigDecimal gwei) {
		return Convert.toWei(gwei, Convert.Unit.GWEI).toBigInteger();
	}

	/**
	 * Why an execution waits when the fees are above its cap, and whose cap it is.
	 */
	static String overCap(Quote quote, BigInteger cap, boolean rulesCap) {
		return "gas costs " + inGwei(quote.price()) + " gwei now, above the cap of " + inGwei(cap) + " gwei ("
				+ (rulesCap ? "the rule's max gas" : "the system's yieldpilot.execution.max-fee-gwei")
				+ "); it runs when gas is cheaper";
	}

	static String inGwei(BigInteger wei) {
		return Convert.fromWei(new BigDecimal(wei), Convert.Unit.GWEI).stripTrailingZeros().toPlainString();
	}

}
