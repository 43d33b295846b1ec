package com.yieldpilot.execution.internal.pipeline;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The execution pipeline's settings, {@code yieldpilot.execution.*}.
 *
 * @param slippage the minimum outputs are the previews less this fraction (0.005 = 0.5%)
 * @param deadline how long a signed call stays valid on chain
 * @param costHorizon the APY gain a move must earn back its gas in
 * @param maxFeeGwei the system's cap on the max fee per gas; a rule's own cap can only
 * lower it
 * @param priorityFeeGwei the tip when the chain does not suggest one
 * @param confirmations blocks deep a transaction must be to be final, by chain id
 * @param defaultConfirmations for chains not listed in {@code confirmations}
 * @param stuckAfter a sent transaction without a receipt for this long is replaced at the
 * same nonce with fee caps 12.5% higher
 * @param poll how often in-flight transactions are checked and due work resumed
 * @param lease how long a node owns an execution it works on before another may resume it
 * @param deferFor how long a deferred execution waits before it is tried again
 * @param approvalTtl how long an execution waits in the approvals inbox
 * @param headStart whether an intent's first call is planned, cost-checked and simulated
 * while the guardrails review it ({@link HeadStart}); off, those steps wait for the
 * verdict
 * @param keystore the executor key's encrypted keystore file (production), if no signing
 * service bean is supplied
 * @param keystorePassword its password; from the environment, never logged
 */
@ConfigurationProperties("yieldpilot.execution")
public record ExecutionProperties(@DefaultValue("0.005") BigDecimal slippage, @DefaultValue("10m") Duration deadline,
		@DefaultValue("30d") Duration costHorizon, @DefaultValue("200") BigDecimal maxFeeGwei,
		@DefaultValue("1") BigDecimal priorityFeeGwei, @DefaultValue Map<Long, Integer> confirmations,
		@DefaultValue("3") int defaultConfirmations, @DefaultValue("2m") Duration stuckAfter,
		@DefaultValue("2s") Duration poll, @DefaultValue("30s") Duration lease, @DefaultValue("1m") Duration deferFor,
		@DefaultValue("1h") Duration approvalTtl, @DefaultValue("true") boolean headStart, @Nullable Path keystore,
		@Nullable String keystorePassword) {

	public ExecutionProperties {
		if (slippage.signum() < 0 || slippage.compareTo(new BigDecimal("0.5")) > 0) {
			throw new IllegalArgumentException(
					"yieldpilot.execution.slippage is a fraction from 0 to 0.5 (0.005 is 0.5%), not " + slippage);
		}
		if (maxFeeGwei.signum() <= 0 || priorityFeeGwei.signum() < 0) {
			throw new IllegalArgumentException(
					"yieldpilot.execution.max-fee-gwei must be positive and priority-fee-gwei not negative");
		}
		if (defaultConfirmations < 1 || confirmations.values().stream().anyMatch(c -> c == null || c < 1)) {
			throw new IllegalArgumentException("yieldpilot.execution.confirmations are at least 1 block");
		}
		for (Duration positive : new Duration[] { deadline, costHorizon, stuckAfter, poll, lease, deferFor,
				approvalTtl }) {
			if (positive.isZero() || positive.isNegative()) {
				throw new IllegalArgumentException(
						"yieldpilot.execution durations (deadline, cost-horizon, stuck-after, poll, lease, defer-for, "
								+ "approval-ttl) must be positive");
			}
		}
		confirmations = Map.copyOf(confirmations);
	}

	/** Blocks deep a transaction on the chain must be to be final. */
	public int confirmationsFor(long chainId) {
		return this.confirmations.getOrDefault(chainId, this.defaultConfirmations);
	}

	@Override
	public String toString() {
		return "ExecutionProperties[slippage=" + this.slippage + ", maxFeeGwei=" + this.maxFeeGwei + ", keystore="
				+ this.keystore + ", keystorePassword=" + ((this.keystorePassword != null) ? "****" : "none") + "]";
	}

}
