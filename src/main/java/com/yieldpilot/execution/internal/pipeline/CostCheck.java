package com.yieldpilot.execution.internal.pipeline;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.yieldpilot.market.MarketData;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;
import org.web3j.utils.Convert;

import org.springframework.stereotype.Component;

/**
 * Whether a move pays for itself: the APY it gains on the amount over the horizon against
 * the gas it costs at today's fees. Withdrawals lower exposure and are not held to a
 * gain. The gas is a typical figure per kind of call (the simulation measures the real
 * one afterwards); the ETH price is the freshest WETH price the market has, read at most
 * every {@link #ETH_PRICE_KEPT}.
 */
@Component
class CostCheck {

	/** Typical gas of each call on an ERC-4626 target, with the vault's checks. */
	static final long DEPOSIT_GAS = 180_000;

	static final long WITHDRAW_GAS = 160_000;

	static final long MOVE_GAS = 320_000;

	private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);

	/**
	 * How long one reading of the ETH price serves every cost check: it only values the
	 * gas, which seconds do not change, and reading it costs three queries.
	 */
	static final Duration ETH_PRICE_KEPT = Duration.ofSeconds(5);

	private final MarketData market;

	private final ExecutionProperties properties;

	private final RecentValue<Optional<Double>> ethUsd;

	CostCheck(MarketData market, ExecutionProperties properties, Clock clock) {
		this.market = market;
		this.properties = properties;
		this.ethUsd = new RecentValue<>(ETH_PRICE_KEPT, clock, () -> BatchMarket.ethUsd(market));
	}

	/**
	 * A view of the market for one batch, shared by its planning and its cost check, so
	 * that each pool is read once for the batch; the ETH price is shared by the batches
	 * of {@link #ETH_PRICE_KEPT}.
	 */
	BatchMarket market() {
		return new BatchMarket(this.market, this.ethUsd::get);
	}

	/**
	 * Checks a batch's plans on one chain against the fees quoted for it, with the
	 * market's figures from the batch's view.
	 * @return the outcomes in the order of the plans
	 */
	List<Outcome<String>> checkAll(List<Plan> plans, Fees.Quote quote, BatchMarket market) {
		return plans.stream().map((plan) -> check(plan, quote, market)).toList();
	}

	private Outcome<String> check(Plan plan, Fees.Quote quote, BatchMarket market) {
		if (plan.kind() == Plan.Kind.WITHDRAW) {
			return new Outcome.Next<>("withdrawals lower exposure and are not held to a yield gain");
		}
		if (plan.amountUsd() == null) {
			return new Outcome.Skip<>("the amount's value in dollars is unknown (no fresh price for "
					+ plan.assetSymbol() + "), so whether the move pays for its gas cannot be told");
		}
		Optional<Double> to = apy(market, plan.toPool());
		Optional<Double> from = (plan.kind() == Plan.Kind.MOVE) ? apy(market, plan.fromPool()) : Optional.of(0.0);
		if (to.isEmpty() || from.isEmpty()) {
			return new Outcome.Skip<>("no fresh APY for " + (to.isEmpty() ? plan.toPool() : plan.fromPool())
					+ ", so the move's gain cannot be told");
		}
		Optional<Double> ethUsd = market.ethUsd();
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

	private static Optional<Double> apy(BatchMarket market, @Nullable String pool) {
		return (pool == null) ? Optional.empty() : market.apy(PoolId.parse(pool));
	}

}
