package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.util.List;

import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatisticsTest {

	/**
	 * Over a year of hourly steps each pool's time-averaged base APY must be within 20%
	 * of its configured mean. A year holds about 120 half-lives of three days, so the
	 * time-average of a pool whose spread is a third of its mean has a standard deviation
	 * of about 5% of the mean: 20% is four of those. Across the dozen, the independent
	 * errors average out to within 4%. Exploits are off: an exploited pool's APY is
	 * erratic by design.
	 */
	@Test
	void overAYearEachPoolsMeanBaseApyIsNearItsConfiguredMean() {
		List<SimulatedPool> pools = SimulatedMarket.defaultPools();
		SimulatedMarket market = new SimulatedMarket(2026, pools, Runs.T0,
				SimulationSettings.defaults().withExploitsPerYear(0));
		List<MarketStep> year = Runs.run(market, Duration.ofHours(1), Duration.ofDays(365));
		double relativeErrors = 0;
		for (SimulatedPool pool : pools) {
			double[] apys = year.stream().mapToDouble((step) -> Runs.tick(step, pool.id()).apyBase()).toArray();
			double relativeError = Runs.mean(apys) / pool.meanBaseApy() - 1;
			assertThat(relativeError)
				.as("%s: mean base APY %.3f%% against %.3f%%", pool.id(), Runs.mean(apys), pool.meanBaseApy())
				.isBetween(-0.2, 0.2);
			relativeErrors += relativeError;
		}
		assertThat(relativeErrors / pools.size()).isBetween(-0.04, 0.04);
	}

	/**
	 * Twenty simulated years in 6-hour steps of one pool, for spreads from a tenth of the
	 * mean to as much as the mean. The log-normal APY must average the configured mean
	 * (without the correction of the log mean it would come out 1% to 41% high), within
	 * 8%: over 20 years the time-average errs by under 3% for the widest pool, one
	 * standard deviation. Its standard deviation must be the log-normal one for the
	 * diffusion's and the jumps' variance together, within 15%.
	 */
	@ParameterizedTest(name = "spread {0} of the mean")
	@CsvSource({ "0.1", "0.5", "1.0" })
	void inTheLongRunTheBaseApyHasTheConfiguredMeanAndSpread(double relativeSpread) {
		SimulatedPool pool = SimulatedPool.of("aave-v3:base:USDC", true, 4.0, 4.0 * relativeSpread, 0, null, 1e8, 0.8);
		SimulationSettings settings = SimulationSettings.defaults().withDrainsPerYear(0).withExploitsPerYear(0);
		SimulatedMarket market = new SimulatedMarket(8, List.of(pool), Runs.T0, settings);
		double[] apys = Runs.run(market, Duration.ofHours(6), Duration.ofDays(20 * 365))
			.stream()
			.mapToDouble((step) -> step.pools().get(0).apyBase())
			.toArray();

		double reversionPerYear = Math.log(2) / (settings.baseApyHalfLife().toHours() / (365 * 24.0));
		double jumpVariance = settings.apyJumpsPerYear() * Math.pow(settings.apyJumpSize(), 2) / (2 * reversionPerYear);
		double logVariance = Math.log1p(relativeSpread * relativeSpread) + jumpVariance;
		double expectedSpread = pool.meanBaseApy() * Math.sqrt(Math.expm1(logVariance));
		assertThat(Runs.mean(apys)).isCloseTo(pool.meanBaseApy(), within(0.08 * pool.meanBaseApy()));
		assertThat(Runs.standardDeviation(apys)).isCloseTo(expectedSpread, within(0.15 * expectedSpread));
	}

	/**
	 * A year of hourly steps with events far more frequent than the defaults: drains,
	 * exploits, depegs and APY jumps must never produce a negative APY, a TVL that is not
	 * positive, a utilization outside (0, 1) or a price that is not positive.
	 */
	@Test
	void apysNeverGoNegativeAndTvlsStayPositiveEvenUnderFrequentEvents() {
		SimulationSettings stormy = SimulationSettings.defaults()
			.withApyJumpsPerYear(200)
			.withDrainsPerYear(50)
			.withExploitsPerYear(3)
			.withDepegsPerYear(10);
		SimulatedMarket market = new SimulatedMarket(99, SimulatedMarket.defaultPools(), Runs.T0, stormy);
		List<MarketStep> year = Runs.run(market, Duration.ofHours(1), Duration.ofDays(365));
		assertThat(year.stream().flatMap((step) -> step.events().stream()))
			.hasAtLeastOneElementOfType(MarketEvent.Exploited.class)
			.hasAtLeastOneElementOfType(MarketEvent.Depegged.class);
		assertThat(year.stream().flatMap((step) -> step.pools().stream())).allSatisfy((tick) -> {
			assertThat(tick.apyBase()).isFinite().isGreaterThanOrEqualTo(0);
			assertThat(tick.apyReward()).isGreaterThanOrEqualTo(0);
			assertThat(tick.apy()).isEqualTo(tick.apyBase() + tick.apyReward());
			assertThat(tick.tvlUsd()).isFinite().isPositive();
			assertThat(tick.assetPriceUsd()).isFinite().isPositive();
			if (tick.utilization() != null) {
				assertThat(tick.utilization()).isStrictlyBetween(0.0, 1.0);
			}
		});
	}

	/**
	 * The same pool simulated for 90 days in 5-minute and in 1-hour steps, for 40 seeds:
	 * the per-seed mean and standard deviation of the base APY must agree. The comparison
	 * is paired by seed (the two runs share their event times and starting value, not
	 * their diffusion draws); under the hypothesis that the step size does not matter the
	 * average paired difference is about normal with the standard error the 40
	 * differences show, so four standard errors is a bound a correct model exceeds with
	 * probability under 1e-4, while a model whose noise scales with the step count
	 * instead of time would miss it by far (its spread changes by √12). The standard
	 * errors themselves must be small, at most 3% of the mean and 6% of the spread, so
	 * that the bound is tight. Exploits are off because they make a path erratic on
	 * purpose.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "aave-v3:base:USDC", "morpho:base:WETH-core" })
	void baseApyStatisticsDoNotDependOnTheStepSize(String id) {
		SimulatedPool pool = SimulatedMarket.defaultPools()
			.stream()
			.filter((candidate) -> candidate.id().equals(PoolId.parse(id)))
			.findFirst()
			.orElseThrow();
		int seeds = 40;
		double[] meanDifferences = new double[seeds];
		double[] spreadDifferences = new double[seeds];
		double meanOfMeans = 0;
		double meanOfSpreads = 0;
		for (int seed = 0; seed < seeds; seed++) {
			double[] fine = baseApys(seed, pool, Duration.ofMinutes(5));
			double[] coarse = baseApys(seed, pool, Duration.ofHours(1));
			meanDifferences[seed] = Runs.mean(fine) - Runs.mean(coarse);
			spreadDifferences[seed] = Runs.standardDeviation(fine) - Runs.standardDeviation(coarse);
			meanOfMeans += Runs.mean(coarse) / seeds;
			meanOfSpreads += Runs.standardDeviation(coarse) / seeds;
		}
		double meanError = Runs.standardDeviation(meanDifferences) / Math.sqrt(seeds);
		double spreadError = Runs.standardDeviation(spreadDifferences) / Math.sqrt(seeds);
		assertThat(meanError).isLessThan(0.03 * meanOfMeans);
		assertThat(spreadError).isLessThan(0.06 * meanOfSpreads);
		assertThat(Math.abs(Runs.mean(meanDifferences))).isLessThan(4 * meanError);
		assertThat(Math.abs(Runs.mean(spreadDifferences))).isLessThan(4 * spreadError);
		// and both describe the configured pool, not merely each other
		assertThat(meanOfMeans).isBetween(0.9 * pool.meanBaseApy(), 1.1 * pool.meanBaseApy());
		assertThat(meanOfSpreads).isBetween(0.7 * pool.baseApyVolatility(), 1.3 * pool.baseApyVolatility());
	}

	private static double[] baseApys(long seed, SimulatedPool pool, Duration step) {
		SimulatedMarket market = new SimulatedMarket(seed, List.of(pool), Runs.T0,
				SimulationSettings.defaults().withExploitsPerYear(0));
		return Runs.run(market, step, Duration.ofDays(90))
			.stream()
			.mapToDouble((tick) -> tick.pools().get(0).apyBase())
			.toArray();
	}

}
