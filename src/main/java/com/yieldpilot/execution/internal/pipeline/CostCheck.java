package com.yieldpilot.execution.internal.pipeline;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolFilter;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.market.PoolSort;
import com.yieldpilot.shared.PoolId;
import org.web3j.utils.Convert;

import org.springframework.stereotype.Component;

/**
 * Whether a move pays for itself: the APY it gains on the amount over the horizon against
 * the gas it costs at today's fees. Withdrawals lower exposure and are not held to a
 * gain. The gas is a typical figure per kind of call (the simulation measures the real
 * one afterwards); the ETH price is the freshest WETH price the market has.
 */
@Component
class CostCheck {

	/** Typical gas of each call on an ERC-4626 target, with the vault's checks. */
	static final long DEPOSIT_GAS = 180_000;

	static final long WITHDRAW_GAS = 160_000;

	static final long MOVE_GAS = 320_000;

	private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

	private final MarketData market;

	private final ExecutionProperties properties;

	CostCheck(MarketData market, ExecutionProperties properties) {
		this.market = market;
		this.properties = properties;
	}

	Outcome<String> check(Plan plan, Fees.Quote quote) {
		return checkAll(List.of(plan), quote).getFirst();
	}

	/**
	 * {@link #check} of a batch's plans on one chain: each pool's APY and the ETH price
	 * are read once for the batch, not once per plan.
	 * @return the outcomes in the order of the plans
	 */
	List<Outcome<String>> checkAll(List<Plan> plans, Fees.Quote quote) {
		Map<String, Optional<Double>> apys = new HashMap<>();
		Map<Boolean, Optional<Double>> eth = new HashMap<>(1);
		return plans.stream()
			.map((plan) -> check(plan, quote, (pool) -> apys.computeIfAbsent(pool, this::apy),
					() -> eth.computeIfAbsent(Boolean.TRUE, (k) -> ethPrice())))
			.toList();
	}

	private Outcome<String> check(Plan plan, Fees.Quote quote, Function<String, Optional<Double>> apy,
			Supplier<Optional<Double>> ethPrice) {
		if (plan.kind() == Plan.Kind.WITHDRAW) {
			return new Outcome.Next<>("withdrawals lower exposure and are not held to a yield gain");
		}
		if (plan.amountUsd() == null) {
			return new Outcome.Skip<>("the amount's value in dollars is unknown (no fresh price for "
					+ plan.assetSymbol() + "), so whether the move pays for its gas cannot be told");
		}
		Optional<Double> to = apy.apply(plan.toPool());
		Optional<Double> from = (plan.kind() == Plan.Kind.MOVE) ? apy.apply(plan.fromPool()) : Optional.of(0.0);
		if (to.isEmpty() || from.isEmpty()) {
			return new Outcome.Skip<>("no fresh APY for " + (to.isEmpty() ? plan.toPool() : plan.fromPool())
					+ ", so the move's gain cannot be told");
		}
		Optional<Double> ethUsd = ethPrice.get();
		if (ethUsd.isEmpty()) {
			return new Outcome.Defer<>("no fresh ETH price to value the gas; waiting for one");
		}
		long gas = switch (plan.kind()) {
			case DEPOSIT -> DEPOSIT_GAS;
			case MOVE -> MOVE_GAS;
			case WITHDRAW -> WITHDRAW_GAS;
		};
		BigDecimal costEth = Convert.fromWei(new BigDecimal(quote.price().multiply(BigInteger.valueOf(gas))),
				Convert.Unit.ETHER);
		BigDecimal costUsd = costEth.multiply(BigDecimal.valueOf(ethUsd.get()));
		BigDecimal horizonDays = BigDecimal.valueOf(this.properties.costHorizon().toHours())
			.divide(BigDecimal.valueOf(24), MathContext.DECIMAL64);
		BigDecimal gainUsd = plan.amountUsd()
			.multiply(BigDecimal.valueOf(to.get() - from.get()).movePointLeft(2))
			.multiply(horizonDays)
			.divide(DAYS_PER_YEAR, MathContext.DECIMAL64);
		String figures = String.format(Locale.ROOT,
				"gains about $%.2f over %s days (%.2f%% → %.2f%% APY on $%.2f) "
						+ "for about $%.4f of gas (%d gas at %s gwei, ETH at $%.2f)",
				gainUsd, horizonDays.stripTrailingZeros().toPlainString(), from.get(), to.get(), plan.amountUsd(),
				costUsd, gas, Fees.inGwei(quote.price()), ethUsd.get());
		if (gainUsd.compareTo(costUsd) <= 0) {
			return new Outcome.Skip<>("the move does not pay for itself: it " + figures);
		}
		return new Outcome.Next<>("pays for itself: " + figures);
	}

	private Optional<Double> apy(String pool) {
		return this.market.pool(PoolId.parse(pool))
			.flatMap((s) -> s.value(Metric.APY))
			.filter((v) -> !v.stale())
			.map(LatestValue::value);
	}

	private Optional<Double> ethPrice() {
		return this.market
			.pools(new PoolFilter(null, null, "WETH", null, null, null, null, null), PoolSort.BY_ID, 0, 20)
			.stream()
			.map((PoolSnapshot s) -> s.value(Metric.PRICE))
			.flatMap(Optional::stream)
			.filter((v) -> !v.stale())
			.max(java.util.Comparator.comparing(LatestValue::observedAt))
			.map(LatestValue::value);
	}

}
