package com.yieldpilot.execution.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.yieldpilot.execution.PortfolioFacts;
import com.yieldpilot.execution.PortfolioView;
import com.yieldpilot.execution.internal.facts.ActionFact;
import com.yieldpilot.execution.internal.facts.IntentFact;
import com.yieldpilot.execution.internal.facts.PoolFact;
import com.yieldpilot.execution.internal.facts.PortfolioFact;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.ActionFreshness;
import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.MarketTrust;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gathers what the guardrails see about an intent, now: each pool it touches from the
 * market (risk score, stale data, disagreeing sources), the farmer's portfolio from
 * {@link PortfolioFacts}, each action's size in US dollars where it can be told, and the
 * configured limits.
 */
@Component
class GuardrailFactReader {

	private final MarketData market;

	private final MarketTrust trust;

	private final ObjectProvider<PortfolioFacts> portfolios;

	private final GuardrailProperties properties;

	GuardrailFactReader(MarketData market, MarketTrust trust, ObjectProvider<PortfolioFacts> portfolios,
			GuardrailProperties properties) {
		this.market = market;
		this.trust = trust;
		this.portfolios = portfolios;
		this.properties = properties;
	}

	/**
	 * The facts of each intent, read together: the owners' portfolios in one batch, and
	 * the pools they touch and their sources' disagreements in four queries. The three
	 * reads do not depend on each other and run at once, so a batch waits for the slowest
	 * (the portfolios' chain read), not for their sum. An intent whose owner's portfolio
	 * could not be read is left out of the answer (it is reviewed again later); an intent
	 * into a pool the market does not know gets facts that say so.
	 */
	Map<IntentId, GuardrailFacts> readAll(List<ActionIntent> intents) {
		if (intents.isEmpty()) {
			return Map.of();
		}
		Set<UserId> owners = new LinkedHashSet<>();
		Set<PoolId> touched = new LinkedHashSet<>();
		for (ActionIntent intent : intents) {
			owners.add(intent.owner());
			intent.actions().forEach(action -> touched.addAll(pools(action)));
		}
		Map<UserId, PortfolioView> portfolios;
		Map<PoolId, PoolSnapshot> snapshots;
		Map<PoolId, String> blocks;
		try (ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor()) {
			Future<Map<UserId, PortfolioView>> portfolioRead = reads
				.submit(() -> this.portfolios.getIfAvailable(() -> PortfolioFacts.UNKNOWN)
					.portfolios(owners, this.properties.drawdownWindow()));
			Future<Map<PoolId, String>> blockRead = reads.submit(() -> this.trust.actionBlocks(touched));
			snapshots = this.market.pools(touched);
			blocks = join(blockRead);
			portfolios = join(portfolioRead);
		}
		Map<IntentId, GuardrailFacts> facts = new HashMap<>();
		for (ActionIntent intent : intents) {
			PortfolioView portfolio = portfolios.get(intent.owner());
			if (portfolio != null) {
				facts.put(intent.id(), facts(intent, portfolio, snapshots, blocks));
			}
		}
		return facts;
	}

	/**
	 * A read's answer, or its own exception as the reads on the caller's thread throw.
	 */
	static <T> T join(Future<T> read) {
		try {
			return read.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading the guardrails' facts", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("Reading the guardrails' facts failed", ex.getCause());
		}
	}

	private GuardrailFacts facts(ActionIntent intent, PortfolioView portfolio, Map<PoolId, PoolSnapshot> snapshots,
			Map<PoolId, String> blocks) {
		Set<PoolId> touched = new LinkedHashSet<>();
		intent.actions().forEach(action -> touched.addAll(pools(action)));
		List<PoolFact> pools = new ArrayList<>();
		for (PoolId pool : touched) {
			pools.add(poolFact(pool, Optional.ofNullable(snapshots.get(pool)), blocks.get(pool)));
		}
		List<ActionFact> actions = new ArrayList<>();
		for (int i = 0; i < intent.actions().size(); i++) {
			actions.add(actionFact(i + 1, intent.actions().get(i), portfolio, snapshots));
		}
		IntentFact fact = new IntentFact(intent.id().toString(), intent.owner().toString(), intent.ruleName(),
				intent.mode() == Mode.LIVE);
		return new GuardrailFacts(fact, actions, pools, portfolioFact(portfolio), this.properties.settings());
	}

	private static PoolFact poolFact(PoolId pool, Optional<PoolSnapshot> snapshot, @Nullable String block) {
		if (snapshot.isEmpty()) {
			return new PoolFact(pool.toString(), null, "the market knows nothing about it", block);
		}
		PoolSnapshot values = snapshot.get();
		String stale = ActionFreshness.staleness(values).orElse(null);
		Double risk = values.value(Metric.RISK).filter(v -> !v.stale()).map(LatestValue::value).orElse(null);
		return new PoolFact(pool.toString(), risk, stale, block);
	}

	private static ActionFact actionFact(int index, Action action, PortfolioView portfolio,
			Map<PoolId, PoolSnapshot> snapshots) {
		return switch (action) {
			case Move move -> new ActionFact(index, "MOVE", move.from().toString(), move.to().toString(),
					capped(usd(move.amount(), move.from(), portfolio.positionUsd(move.from()).orElse(null), snapshots),
							move.limit(), move.from(), snapshots));
			case Withdraw withdraw ->
				new ActionFact(index, "WITHDRAW", withdraw.from().toString(), null, usd(withdraw.amount(),
						withdraw.from(), portfolio.positionUsd(withdraw.from()).orElse(null), snapshots));
			case Deposit deposit -> new ActionFact(index, "DEPOSIT", null, deposit.into().toString(),
					usd(deposit.amount(), deposit.into(), portfolio.idleUsd(), snapshots));
			case Notify notify -> new ActionFact(index, "NOTIFY", null, null, null);
		};
	}

	/**
	 * An amount in US dollars: dollars as written, tokens of the pool's asset at its
	 * price, a share of what is there when that is known.
	 */
	private static @Nullable Double usd(Amount amount, PoolId pool, @Nullable BigDecimal base,
			Map<PoolId, PoolSnapshot> snapshots) {
		return switch (amount) {
			case Amount.Usd usd -> usd.dollars().doubleValue();
			case Amount.Tokens tokens ->
				tokenPrice(tokens.symbol(), pool, snapshots).map(price -> tokens.quantity().doubleValue() * price)
					.orElse(null);
			case Amount.Share share -> (base != null) ? base.doubleValue() * share.percent().doubleValue() / 100 : null;
		};
	}

	private static @Nullable Double capped(@Nullable Double usd, @Nullable Amount limit, PoolId pool,
			Map<PoolId, PoolSnapshot> snapshots) {
		if (limit == null) {
			return usd;
		}
		Double cap = usd(limit, pool, null, snapshots);
		if (cap == null) {
			return usd;
		}
		return (usd != null) ? Math.min(usd, cap) : null;
	}

	private static Optional<Double> tokenPrice(String symbol, PoolId pool, Map<PoolId, PoolSnapshot> snapshots) {
		if (!symbol.equalsIgnoreCase(pool.asset())) {
			return Optional.empty();
		}
		return Optional.ofNullable(snapshots.get(pool))
			.flatMap(s -> s.value(Metric.PRICE))
			.filter(v -> !v.stale())
			.map(LatestValue::value);
	}

	private PortfolioFact portfolioFact(PortfolioView portfolio) {
		return new PortfolioFact((portfolio.valueUsd() != null) ? portfolio.valueUsd().doubleValue() : null,
				(portfolio.drawdown() != null) ? portfolio.drawdown().doubleValue() : null,
				words(this.properties.drawdownWindow()));
	}

	private static List<PoolId> pools(Action action) {
		return switch (action) {
			case Move move -> List.of(move.from(), move.to());
			case Withdraw withdraw -> List.of(withdraw.from());
			case Deposit deposit -> List.of(deposit.into());
			case Notify notify -> List.of();
		};
	}

	static String words(Duration duration) {
		if (duration.toDaysPart() > 0 && duration.toHoursPart() == 0 && duration.toMinutesPart() == 0) {
			long days = duration.toDays();
			return days + ((days == 1) ? " day" : " days");
		}
		if (duration.toMinutesPart() == 0) {
			long hours = duration.toHours();
			return hours + ((hours == 1) ? " hour" : " hours");
		}
		return duration.toMinutes() + " minutes";
	}

}
