package com.yieldpilot.market.internal.onchain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthFeeHistory;

/**
 * A chain's gas price from {@code eth_feeHistory}: the base fee of the next block and the
 * median priority fee paid over the last blocks.
 */
public final class GasFees {

	private GasFees() {
	}

	/** Fees in wei, and the newest block they were computed from. */
	public record Fees(BigInteger newestBlock, BigInteger nextBaseFee, BigInteger priorityFee) {

		public double nextBaseFeeGwei() {
			return this.nextBaseFee.doubleValue() / 1e9;
		}

		public double priorityFeeGwei() {
			return this.priorityFee.doubleValue() / 1e9;
		}

	}

	public static Fees read(Web3j web3j, int blocks) {
		try {
			EthFeeHistory response = web3j.ethFeeHistory(blocks, DefaultBlockParameterName.LATEST, List.of(50.0))
				.send();
			if (response.hasError()) {
				throw new ChainReadException("eth_feeHistory failed: " + response.getError().getMessage());
			}
			EthFeeHistory.FeeHistory history = response.getFeeHistory();
			List<BigInteger> baseFees = history.getBaseFeePerGas();
			// the list has one entry more than blocks were asked for: the base fee of the
			// next block
			BigInteger next = baseFees.get(baseFees.size() - 1);
			List<BigInteger> medians = (history.getReward() == null) ? List.of()
					: history.getReward().stream().filter(r -> !r.isEmpty()).map(r -> r.get(0)).sorted().toList();
			BigInteger priority = medians.isEmpty() ? BigInteger.ZERO : medians.get(medians.size() / 2);
			BigInteger newest = history.getOldestBlock().add(BigInteger.valueOf(baseFees.size() - 2));
			return new Fees(newest, next, priority);
		}
		catch (IOException ex) {
			throw new ChainReadException("RPC unreachable while reading gas fees", ex);
		}
	}

}
