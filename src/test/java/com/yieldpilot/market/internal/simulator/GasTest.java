package com.yieldpilot.market.internal.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GasTest {

	/**
	 * A year of hourly observations of each chain with the default spikes: the mean base
	 * fee lies in the chain's band, and so do at least 90% of the observations (spikes
	 * and the log-normal tails make up the rest).
	 */
	@ParameterizedTest(name = "{0}: {1}–{2} gwei")
	@CsvSource({ "ethereum, 5, 40", "base, 0.01, 0.1", "arbitrum, 0.01, 0.1" })
	void baseFeesStayInTheirChainsBand(String chain, double low, double high) {
		double[] fees = baseFees(SimulationSettings.defaults(), chain, Duration.ofHours(1), Duration.ofDays(365));
		assertThat(Runs.mean(fees)).isBetween(low, high);
		long inBand = Arrays.stream(fees).filter((fee) -> fee >= low && fee <= high).count();
		assertThat(inBand).isGreaterThanOrEqualTo(Math.round(0.9 * fees.length));
	}

	/**
	 * Without spikes the base fee is log-normal around the profile's mean. A year is
	 * about 4,400 half-lives of two hours, so the time-average is within about 1.5% of
	 * the mean (one standard deviation); 6% is four.
	 */
	@Test
	void withoutSpikesTheEthereumBaseFeeAveragesTheProfilesMean() {
		double[] fees = baseFees(SimulationSettings.defaults().withGasSpikesPerDay(0), "ethereum", Duration.ofHours(1),
				Duration.ofDays(365));
		double mean = GasProfile.ETHEREUM.meanBaseFeeGwei();
		assertThat(Runs.mean(fees)).isCloseTo(mean, within(0.06 * mean));
	}

	/**
	 * Twelve spikes a day over 30 days in 5-minute steps: about 360 spike events (the
	 * count is Poisson, within four standard deviations of 360), each multiplying by
	 * 3–10; in the step that holds a spike the base fee jumps by at least ×2 (a spike
	 * decays by less than a fifth on the log scale within five minutes, and the ordinary
	 * noise of five minutes is about ±10%), allowing one step in ten for a spike landing
	 * on an older one that is decaying. With no spike rate there are none.
	 */
	@Test
	void aForcedSpikeRateMultipliesTheBaseFee() {
		SimulatedMarket market = new SimulatedMarket(13, SimulatedMarket.defaultPools(), Runs.T0,
				SimulationSettings.defaults().withGasSpikesPerDay(12));
		List<MarketStep> steps = Runs.run(market, Duration.ofMinutes(5), Duration.ofDays(30));
		List<MarketEvent.GasSpiked> spikes = steps.stream()
			.flatMap((step) -> step.events().stream())
			.filter(MarketEvent.GasSpiked.class::isInstance)
			.map(MarketEvent.GasSpiked.class::cast)
			.filter((spike) -> spike.chain().equals("ethereum"))
			.toList();
		assertThat(spikes).hasSizeBetween(360 - 76, 360 + 76)
			.allSatisfy((spike) -> assertThat(spike.multiplier()).isBetween(3.0, 10.0));
		int spikeSteps = 0;
		int jumps = 0;
		for (int i = 1; i < steps.size(); i++) {
			boolean spiked = steps.get(i)
				.events()
				.stream()
				.anyMatch((event) -> event instanceof MarketEvent.GasSpiked spike && spike.chain().equals("ethereum"));
			if (spiked) {
				spikeSteps++;
				double ratio = Runs.chain(steps.get(i), "ethereum").baseFeeGwei()
						/ Runs.chain(steps.get(i - 1), "ethereum").baseFeeGwei();
				jumps += (ratio >= 2) ? 1 : 0;
			}
		}
		assertThat(jumps).isGreaterThanOrEqualTo((int) (0.9 * spikeSteps));

		SimulatedMarket calm = new SimulatedMarket(13, SimulatedMarket.defaultPools(), Runs.T0,
				SimulationSettings.defaults().withGasSpikesPerDay(0));
		assertThat(Runs.run(calm, Duration.ofMinutes(5), Duration.ofDays(30))
			.stream()
			.flatMap((step) -> step.events().stream())).noneMatch(MarketEvent.GasSpiked.class::isInstance);
	}

	private static double[] baseFees(SimulationSettings settings, String chain, Duration step, Duration span) {
		SimulatedMarket market = new SimulatedMarket(3, SimulatedMarket.defaultPools(), Runs.T0, settings);
		return Runs.run(market, step, span)
			.stream()
			.mapToDouble((tick) -> Runs.chain(tick, chain).baseFeeGwei())
			.toArray();
	}

}
