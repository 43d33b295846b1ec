package com.yieldpilot.market.internal.simulator;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * The evolving state of one pool. Each continuous quantity has its own process and its
 * own random stream:
 * <ul>
 * <li>the base APY is log-normal: an Ornstein–Uhlenbeck process on its logarithm, whose
 * mean is set so that the APY itself averages the configured mean, so it is never
 * negative;</li>
 * <li>the TVL is held in units of the asset: a geometric random walk, times a drain
 * factor that a drain lowers and that then recovers towards 1;</li>
 * <li>a lending pool's utilization is an Ornstein–Uhlenbeck process on its logit, so it
 * stays inside (0, 1).</li>
 * </ul>
 * Jumps, drains and the exploit come from Poisson clocks with their own streams; a step
 * is cut at each event's time and the processes advanced exactly to it. So the events
 * fall at the same instants, with the same sizes, however the time is cut into steps, and
 * the diffusion between them has the same distribution. Not thread-safe.
 */
final class PoolPath {

	// how much an exploited pool's APY swings on the log scale from then on, at least
	private static final double ERRATIC_SPREAD = 0.6;

	// a withdrawal of a fraction f raises a lending pool's utilization by 2f on the logit
	// scale (0.80 -> 0.90 for f = 0.4) and its base APY by the factor 1 + f/2
	private static final double DRAIN_UTILIZATION_PUSH = 2;

	private static final double DRAIN_APY_PUSH = 0.5;

	private final SimulatedPool pool;

	private final AssetPath asset;

	private final SimulationSettings settings;

	private final double halfLifeYears;

	private final @Nullable Instant emissionEndsAt;

	private final RandomGenerator apyRandom;

	private final RandomGenerator tvlRandom;

	private final RandomGenerator utilizationRandom;

	private final RandomGenerator marks;

	private final PoissonClock jumps;

	private final PoissonClock drains;

	private final PoissonClock exploits;

	private final OrnsteinUhlenbeck drainRecovery;

	private final @Nullable OrnsteinUhlenbeck utilization;

	private OrnsteinUhlenbeck logApy;

	private GeometricRandomWalk tvl;

	private double t;

	private double logApyValue;

	private double logTvlUnits;

	private double logDrainFactor;

	private double logitUtilization;

	private boolean exploited;

	PoolPath(long seed, SimulatedPool pool, AssetPath asset, SimulationSettings settings, Instant start) {
		this.pool = pool;
		this.asset = asset;
		this.settings = settings;
		this.halfLifeYears = SimulatedTime.years(settings.baseApyHalfLife());
		this.emissionEndsAt = (pool.emissionEnd() != null) ? start.plus(pool.emissionEnd()) : null;
		// the order of the splits fixes which stream feeds which process; keep it
		SplittableRandom root = Seeds.generator(seed, "pool:" + pool.id());
		this.apyRandom = root.split();
		this.tvlRandom = root.split();
		this.utilizationRandom = root.split();
		this.marks = root.split();
		this.jumps = new PoissonClock(root.split(), settings.apyJumpsPerYear());
		this.drains = new PoissonClock(root.split(), settings.drainsPerYear());
		this.exploits = new PoissonClock(root.split(), settings.exploitsPerYear());

		double spread = Math.sqrt(Math.log1p(Math.pow(pool.baseApyVolatility() / pool.meanBaseApy(), 2)));
		this.logApy = logApyProcess(spread);
		this.logApyValue = this.logApy.sample(this.apyRandom);

		this.tvl = new GeometricRandomWalk(settings.tvlDriftPerYear(), settings.tvlVolatility());
		this.logTvlUnits = Math.log(pool.initialTvlUsd() / AssetPath.referencePrice(pool.asset(), pool.stablecoin()));
		this.drainRecovery = OrnsteinUhlenbeck.relaxation(0, SimulatedTime.years(settings.drainRecoveryHalfLife()));

		Double meanUtilization = pool.utilization();
		if (meanUtilization != null) {
			this.utilization = OrnsteinUhlenbeck.stationary(logit(meanUtilization), this.halfLifeYears,
					settings.utilizationVolatility());
			this.logitUtilization = this.utilization.sample(this.utilizationRandom);
		}
		else {
			this.utilization = null;
		}
	}

	void advance(StepWindow window, List<MarketEvent> events) {
		while (true) {
			double next = Math.min(this.jumps.next(), Math.min(this.drains.next(), this.exploits.next()));
			if (next > window.toYears()) {
				break;
			}
			evolve(next - this.t);
			this.t = next;
			if (next == this.jumps.next()) {
				this.jumps.fire();
				this.logApyValue += this.settings.apyJumpSize() * this.marks.nextGaussian();
			}
			else if (next == this.drains.next()) {
				this.drains.fire();
				events.add(drain(window.instant(next)));
			}
			else {
				this.exploits.fire();
				events.add(exploit(window.instant(next)));
			}
		}
		evolve(window.toYears() - this.t);
		this.t = window.toYears();
		if (this.emissionEndsAt != null && this.pool.initialRewardApy() > 0
				&& this.emissionEndsAt.isAfter(window.from()) && !this.emissionEndsAt.isAfter(window.to())) {
			events.add(new MarketEvent.RewardsEnded(this.emissionEndsAt, this.pool.id()));
		}
	}

	PoolTick tick(Instant at) {
		double apyBase = Math.exp(this.logApyValue);
		boolean rewarding = this.emissionEndsAt == null || at.isBefore(this.emissionEndsAt);
		double apyReward = rewarding ? this.pool.initialRewardApy() : 0;
		double price = this.asset.priceUsd();
		Double utilizationNow = (this.utilization != null) ? logistic(this.logitUtilization) : null;
		return new PoolTick(this.pool.id(), at, apyBase, apyReward, apyBase + apyReward,
				Math.exp(this.logTvlUnits + this.logDrainFactor) * price, utilizationNow, price, this.exploited,
				this.asset.depegged());
	}

	private MarketEvent drain(Instant at) {
		double fraction = 0.2 + 0.4 * this.marks.nextDouble();
		this.logDrainFactor += Math.log1p(-fraction);
		if (this.utilization != null) {
			// the borrowers stay while the suppliers leave: utilization and rate go up
			this.logitUtilization += DRAIN_UTILIZATION_PUSH * fraction;
			this.logApyValue += Math.log1p(DRAIN_APY_PUSH * fraction);
		}
		return new MarketEvent.TvlDrained(at, this.pool.id(), fraction);
	}

	private MarketEvent exploit(Instant at) {
		double fraction = 0.8 + 0.15 * this.marks.nextDouble();
		// taken from the walk itself rather than the drain factor: the money does not
		// come back, and without a drift the TVL no longer grows back either
		this.logTvlUnits += Math.log1p(-fraction);
		this.tvl = new GeometricRandomWalk(Math.min(0, this.settings.tvlDriftPerYear()), this.settings.tvlVolatility());
		this.logApy = logApyProcess(Math.max(3 * this.logApy.stationarySd(), ERRATIC_SPREAD));
		this.logApyValue += ERRATIC_SPREAD * this.marks.nextGaussian();
		this.exploited = true;
		this.exploits.stop();
		return new MarketEvent.Exploited(at, this.pool.id(), fraction);
	}

	/**
	 * The log base APY with the given long-run spread. Its mean is lowered by half of the
	 * total log variance, jumps included, so that the APY itself (log-normal) averages
	 * the pool's mean base APY; drains only push it up, and are left out as rare.
	 */
	private OrnsteinUhlenbeck logApyProcess(double spread) {
		double rate = Math.log(2) / this.halfLifeYears;
		double jumpVariance = this.settings.apyJumpsPerYear() * Math.pow(this.settings.apyJumpSize(), 2) / (2 * rate);
		double mean = Math.log(this.pool.meanBaseApy()) - (spread * spread + jumpVariance) / 2;
		return OrnsteinUhlenbeck.stationary(mean, this.halfLifeYears, spread);
	}

	private void evolve(double years) {
		if (years <= 0) {
			return;
		}
		this.logApyValue = this.logApy.advance(this.logApyValue, years, this.apyRandom);
		this.logTvlUnits = this.tvl.advanceLog(this.logTvlUnits, years, this.tvlRandom);
		this.logDrainFactor = this.drainRecovery.relax(this.logDrainFactor, years);
		if (this.utilization != null) {
			this.logitUtilization = this.utilization.advance(this.logitUtilization, years, this.utilizationRandom);
		}
	}

	private static double logit(double p) {
		return Math.log(p / (1 - p));
	}

	private static double logistic(double x) {
		return 1 / (1 + Math.exp(-x));
	}

}
