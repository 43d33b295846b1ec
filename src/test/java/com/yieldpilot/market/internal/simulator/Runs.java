package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.shared.PoolId;

/** Helpers the simulator tests share: a fixed start and running a market for a while. */
final class Runs {

	static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	private Runs() {
	}

	/** Advances {@code market} by {@code step} until {@code span} has passed. */
	static List<MarketStep> run(SimulatedMarket market, Duration step, Duration span) {
		long count = span.dividedBy(step);
		List<MarketStep> steps = new ArrayList<>((int) count);
		for (long i = 0; i < count; i++) {
			steps.add(market.advance(step));
		}
		return steps;
	}

	static PoolTick tick(MarketStep step, PoolId pool) {
		return step.pools().stream().filter((tick) -> tick.pool().equals(pool)).findFirst().orElseThrow();
	}

	static ChainTick chain(MarketStep step, String chain) {
		return step.chains().stream().filter((tick) -> tick.chain().equals(chain)).findFirst().orElseThrow();
	}

	static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return sum / values.length;
	}

	static double standardDeviation(double[] values) {
		double mean = mean(values);
		double squares = 0;
		for (double value : values) {
			squares += (value - mean) * (value - mean);
		}
		return Math.sqrt(squares / (values.length - 1));
	}

}
