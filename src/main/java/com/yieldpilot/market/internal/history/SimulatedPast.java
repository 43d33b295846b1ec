package com.yieldpilot.market.internal.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.internal.local.SimulatorSource;
import com.yieldpilot.market.internal.simulator.MarketStep;
import com.yieldpilot.market.internal.simulator.PoolTick;
import com.yieldpilot.market.internal.simulator.SimulatedMarket;
import com.yieldpilot.market.internal.simulator.SimulatedPool;
import com.yieldpilot.market.internal.store.RollupStore;
import com.yieldpilot.shared.PoolId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Local mode's simulated market has no past on its first start: pool charts would show
 * one point and the risk module, whose features need at least a week of daily history,
 * would serve the same flat cold-start score with no explanation for every pool for a
 * week. So the first start writes {@code yieldpilot.market.simulator.past} (180 days by
 * default; 0 turns it off) of daily history, ending yesterday, for every simulated pool:
 * a path of the same model (its own seed, derived from the market's), stepped a day at a
 * time, so rewards end, TVL drains and the rare exploit happen in it as they do live. It
 * is stored as imported history ({@link HistoryWriter}): never fresh, never a pool's
 * latest value. The live market starts from its own state, so the two may not meet at
 * today's first value. A pool that already has a daily rollup before today gets nothing:
 * a restart adds no second past.
 */
@Component
@Profile("local")
class SimulatedPast implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SimulatedPast.class);

	/** The past's seed differs from the live market's, so its path is its own. */
	private static final long PAST_SEED = 0x5EED_0F_7A57L;

	private final ObjectProvider<SimulatorSource> source;

	private final HistoryWriter writer;

	private final RollupStore rollups;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final long seed;

	private final Duration past;

	/**
	 * @param source absent when the simulator is off
	 */
	SimulatedPast(ObjectProvider<SimulatorSource> source, HistoryWriter writer, RollupStore rollups,
			TransactionTemplate transactions, Clock clock, @Value("${yieldpilot.market.simulator.seed:42}") long seed,
			@Value("${yieldpilot.market.simulator.past:180d}") Duration past) {
		this.source = source;
		this.writer = writer;
		this.rollups = rollups;
		this.transactions = transactions;
		this.clock = clock;
		this.seed = seed;
		this.past = past;
	}

	@Override
	public void run(ApplicationArguments args) {
		int days = (int) this.past.toDays();
		SimulatorSource simulator = this.source.getIfAvailable();
		if (days <= 0 || simulator == null) {
			return;
		}
		int written = write(simulator.pools(), days);
		if (written > 0) {
			log.info("Simulated market: wrote {} days of daily history for {} pools as its past", days, written);
		}
	}

	/**
	 * Writes the past of the pools without a daily rollup before today.
	 * @return how many pools got one
	 */
	int write(List<SimulatedPool> pools, int days) {
		Instant today = LocalDate.now(this.clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<SimulatedPool> without = pools.stream()
			.filter((pool) -> this.rollups
				.rollups(pool.id().toString(), Metric.APY, Resolution.DAY, today.minus(Duration.ofDays(days)), today)
				.isEmpty())
			.toList();
		if (without.isEmpty()) {
			return 0;
		}
		Map<PoolId, List<HistoryRow>> rows = rows(this.seed ^ PAST_SEED, without, today, days);
		this.transactions.executeWithoutResult((status) -> rows.forEach(this.writer::write));
		return rows.size();
	}

	/**
	 * One row per pool and day for the {@code days} days before {@code today}, each taken
	 * at 23:00 UTC.
	 */
	static Map<PoolId, List<HistoryRow>> rows(long seed, List<SimulatedPool> pools, Instant today, int days) {
		Instant start = today.minus(Duration.ofDays(days)).minus(Duration.ofHours(1));
		SimulatedMarket market = new SimulatedMarket(seed, pools, start);
		Map<PoolId, List<HistoryRow>> rows = new LinkedHashMap<>();
		pools.forEach((pool) -> rows.put(pool.id(), new ArrayList<>(days)));
		for (int day = 0; day < days; day++) {
			MarketStep step = market.advance(Duration.ofDays(1));
			for (PoolTick tick : step.pools()) {
				rows.get(tick.pool())
					.add(new HistoryRow(tick.observedAt(), tick.tvlUsd(), tick.apy(), tick.apyBase(),
							tick.apyReward()));
			}
		}
		return rows;
	}

}
