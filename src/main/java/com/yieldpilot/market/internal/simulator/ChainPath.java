package com.yieldpilot.market.internal.simulator;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The evolving gas fees of one chain. The base fee and the priority fee are each an
 * Ornstein–Uhlenbeck process on their logarithm, so they are log-normal around the
 * profile's means and never negative. A spike multiplies the base fee by a factor drawn
 * log-uniformly from 3–10; it adds the log of that factor to a spike term that then
 * decays with the spike half-life, so a spike lasts minutes and overlapping spikes stack.
 * Not thread-safe.
 */
final class ChainPath {

	private static final double MIN_SPIKE = Math.log(3);

	private static final double MAX_SPIKE = Math.log(10);

	private final String chain;

	private final OrnsteinUhlenbeck logBaseFee;

	private final OrnsteinUhlenbeck logPriorityFee;

	private final OrnsteinUhlenbeck spikeDecay;

	private final RandomGenerator baseFeeRandom;

	private final RandomGenerator priorityFeeRandom;

	private final RandomGenerator marks;

	private final PoissonClock spikes;

	private double t;

	private double logBaseFeeValue;

	private double logPriorityFeeValue;

	private double logSpike;

	ChainPath(long seed, String chain, GasProfile profile, SimulationSettings settings) {
		this.chain = chain;
		SplittableRandom root = Seeds.generator(seed, "chain:" + chain);
		this.baseFeeRandom = root.split();
		this.priorityFeeRandom = root.split();
		this.marks = root.split();
		this.spikes = new PoissonClock(root.split(), settings.gasSpikesPerDay() * 365);
		double halfLife = SimulatedTime.years(profile.halfLife());
		this.logBaseFee = logNormal(profile.meanBaseFeeGwei(), profile.baseFeeSpread(), halfLife);
		this.logPriorityFee = logNormal(profile.meanPriorityFeeGwei(), profile.priorityFeeSpread(), halfLife);
		this.spikeDecay = OrnsteinUhlenbeck.relaxation(0, SimulatedTime.years(settings.gasSpikeHalfLife()));
		this.logBaseFeeValue = this.logBaseFee.sample(this.baseFeeRandom);
		this.logPriorityFeeValue = this.logPriorityFee.sample(this.priorityFeeRandom);
	}

	String chain() {
		return this.chain;
	}

	void advance(StepWindow window, List<MarketEvent> events) {
		while (this.spikes.next() <= window.toYears()) {
			double at = this.spikes.fire();
			evolve(at - this.t);
			this.t = at;
			double logMultiplier = MIN_SPIKE + (MAX_SPIKE - MIN_SPIKE) * this.marks.nextDouble();
			this.logSpike += logMultiplier;
			events.add(new MarketEvent.GasSpiked(window.instant(at), this.chain, Math.exp(logMultiplier)));
		}
		evolve(window.toYears() - this.t);
		this.t = window.toYears();
	}

	ChainTick tick(Instant at) {
		return new ChainTick(this.chain, at, Math.exp(this.logBaseFeeValue + this.logSpike),
				Math.exp(this.logPriorityFeeValue));
	}

	private void evolve(double years) {
		this.logBaseFeeValue = this.logBaseFee.advance(this.logBaseFeeValue, years, this.baseFeeRandom);
		this.logPriorityFeeValue = this.logPriorityFee.advance(this.logPriorityFeeValue, years, this.priorityFeeRandom);
		this.logSpike = this.spikeDecay.relax(this.logSpike, years);
	}

	// the log mean sits half a variance below log(mean) so that the fee averages the mean
	private static OrnsteinUhlenbeck logNormal(double mean, double spread, double halfLifeYears) {
		return OrnsteinUhlenbeck.stationary(Math.log(mean) - spread * spread / 2, halfLifeYears, spread);
	}

}
