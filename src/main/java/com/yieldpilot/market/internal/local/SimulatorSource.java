package com.yieldpilot.market.internal.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketSource;
import com.yieldpilot.market.internal.simulator.ChainTick;
import com.yieldpilot.market.internal.simulator.MarketEvent;
import com.yieldpilot.market.internal.simulator.MarketStep;
import com.yieldpilot.market.internal.simulator.PoolTick;
import com.yieldpilot.market.internal.simulator.SimulatedMarket;
import com.yieldpilot.market.internal.simulator.SimulatedPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;

/**
 * The simulated market as a source. Each poll advances the model by the real time elapsed
 * times the speed (60 by default: an hour of market per minute) and reports every pool
 * and chain. Samples carry the real time of the poll, so freshness and history work as
 * with real sources while the numbers move faster. Single-node only: the model lives in
 * this node's memory. Listeners hear each step before its batch is returned, and the
 * source polls before the others, so the devnet starts moving its contracts as early in
 * the refresh as it can.
 */
public class SimulatorSource implements MarketSource, Ordered {

	private static final Logger log = LoggerFactory.getLogger(SimulatorSource.class);

	/**
	 * No single poll moves the market more than a day, however long the node was down.
	 */
	private static final Duration MAX_STEP = Duration.ofDays(1);

	private final SimulatedMarket market;

	private final double speed;

	private final Iterable<SimulatedStepListener> listeners;

	private @Nullable Instant lastPoll;

	public SimulatorSource(SimulatedMarket market, double speed) {
		this(market, speed, List.of());
	}

	/**
	 * @param listeners hear every step; iterated anew at each poll, so a lazy bean lookup
	 * may be passed (the devnet's listener itself depends on this source)
	 */
	public SimulatorSource(SimulatedMarket market, double speed, Iterable<SimulatedStepListener> listeners) {
		if (!(speed > 0) || !Double.isFinite(speed)) {
			throw new IllegalArgumentException("yieldpilot.market.simulator.speed must be positive, got " + speed);
		}
		this.market = market;
		this.speed = speed;
		this.listeners = listeners;
	}

	/** The simulated pools, in the market's order. */
	public List<SimulatedPool> pools() {
		return this.market.pools();
	}

	/** Before every other source (see the class comment). */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 100;
	}

	@Override
	public String name() {
		return "simulator";
	}

	@Override
	public synchronized Optional<MarketBatch> poll(Instant now) {
		MarketStep step;
		Duration simulated;
		if (this.lastPoll == null) {
			step = this.market.snapshot();
			simulated = Duration.ZERO;
		}
		else {
			Duration real = Duration.between(this.lastPoll, now);
			if (real.isNegative() || real.isZero()) {
				return Optional.empty();
			}
			Duration scaled = Duration.ofNanos((long) Math.min(real.toNanos() * this.speed, MAX_STEP.toNanos()));
			simulated = scaled.isZero() ? Duration.ofNanos(1) : scaled;
			step = this.market.advance(simulated);
		}
		this.lastPoll = now;
		step.events().forEach(SimulatorSource::announce);
		tell(step, simulated);
		return Optional.of(batch(step, now));
	}

	private void tell(MarketStep step, Duration simulated) {
		for (SimulatedStepListener listener : this.listeners) {
			try {
				listener.stepped(step, simulated);
			}
			catch (RuntimeException ex) {
				// the simulated numbers are still worth storing when the devnet lags
				log.warn("Simulator listener {} failed: {}", listener, ex.toString());
			}
		}
	}

	private MarketBatch batch(MarketStep step, Instant now) {
		List<PoolDescriptor> pools = this.market.pools().stream().map(SimulatorSource::descriptor).toList();
		List<MetricSample> samples = new ArrayList<>();
		for (PoolTick tick : step.pools()) {
			String subject = tick.pool().toString();
			samples.add(sample(subject, Metric.APY, now, tick.apy()));
			samples.add(sample(subject, Metric.APY_BASE, now, tick.apyBase()));
			samples.add(sample(subject, Metric.APY_REWARD, now, tick.apyReward()));
			samples.add(sample(subject, Metric.TVL, now, tick.tvlUsd()));
			samples.add(sample(subject, Metric.PRICE, now, tick.assetPriceUsd()));
			if (tick.utilization() != null) {
				samples.add(sample(subject, Metric.UTILIZATION, now, tick.utilization()));
			}
		}
		for (ChainTick chain : step.chains()) {
			String subject = MetricSample.chainSubject(chain.chain());
			samples.add(sample(subject, Metric.GAS, now, chain.baseFeeGwei()));
			samples.add(sample(subject, Metric.GAS_PRIORITY, now, chain.priorityFeeGwei()));
		}
		return new MarketBatch(Source.SIMULATOR, now, pools, samples);
	}

	private static PoolDescriptor descriptor(SimulatedPool pool) {
		return new PoolDescriptor(pool.id(), null, null, pool.stablecoin(), PoolDescriptor.Origin.SIMULATED);
	}

	private static MetricSample sample(String subject, Metric metric, Instant at, double value) {
		return new MetricSample(subject, metric, at, value, Source.SIMULATOR, null);
	}

	private static void announce(MarketEvent event) {
		switch (event) {
			case MarketEvent.Exploited e -> log.warn("Simulated market: {} exploited, {}% of its TVL gone", e.pool(),
					Math.round(e.fraction() * 100));
			case MarketEvent.Depegged e -> log.warn("Simulated market: {} depegged to {}", e.asset(), e.priceUsd());
			case MarketEvent.TvlDrained e ->
				log.info("Simulated market: {} drained by {}%", e.pool(), Math.round(e.fraction() * 100));
			case MarketEvent.RewardsEnded e -> log.info("Simulated market: reward emissions of {} ended", e.pool());
			case MarketEvent.GasSpiked e ->
				log.info("Simulated market: gas on {} spiked x{}", e.chain(), Math.round(e.multiplier()));
		}
	}

}
