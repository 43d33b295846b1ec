package com.yieldpilot.market.internal.local;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.simulator.MarketStep;
import com.yieldpilot.market.internal.simulator.SimulatedMarket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulatorSourceTest {

	private static final Instant T0 = Instant.parse("2026-11-21T00:00:00Z");

	private SimulatorSource source(double speed) {
		return new SimulatorSource(new SimulatedMarket(7, SimulatedMarket.defaultPools(), T0), speed);
	}

	@Test
	void firstPollReportsEveryPoolAndChainStampedWithTheRealTime() {
		MarketBatch batch = source(60).poll(T0).orElseThrow();
		assertThat(batch.source()).isEqualTo(Source.SIMULATOR);
		assertThat(batch.pools()).hasSize(12);
		assertThat(batch.samples()).allSatisfy(s -> assertThat(s.observedAt()).isEqualTo(T0));
		assertThat(batch.samples().stream().filter(s -> s.metric() == Metric.GAS).map(MetricSample::subject))
			.containsExactlyInAnyOrder("chain:base", "chain:ethereum", "chain:arbitrum");
		assertThat(batch.samples()
			.stream()
			.filter(s -> s.subject().equals("morpho:base:USDC-prime"))
			.map(MetricSample::metric)).as("a vault without utilization reports none")
			.doesNotContain(Metric.UTILIZATION)
			.contains(Metric.APY, Metric.APY_BASE, Metric.APY_REWARD, Metric.TVL, Metric.PRICE);
	}

	@Test
	void laterPollsMoveTheNumbersByRealTimeTimesTheSpeed() {
		SimulatorSource fast = source(3600);
		SimulatorSource slow = source(1);
		double start = apy(fast.poll(T0).orElseThrow());
		slow.poll(T0);
		Instant later = T0.plus(Duration.ofMinutes(10));
		double afterFast = apy(fast.poll(later).orElseThrow());
		double afterSlow = apy(slow.poll(later).orElseThrow());
		// ten hours of market move the APY far more than ten minutes do
		assertThat(Math.abs(afterFast - start)).isGreaterThan(Math.abs(afterSlow - start));
	}

	@Test
	void aPollAtTheSameInstantReportsNothingNew() {
		SimulatorSource source = source(60);
		source.poll(T0);
		assertThat(source.poll(T0)).isEmpty();
	}

	@Test
	void listenersHearEachStepWithTheSimulatedTimeItCovered() {
		List<Duration> heard = new ArrayList<>();
		List<MarketStep> steps = new ArrayList<>();
		SimulatorSource source = new SimulatorSource(new SimulatedMarket(7, SimulatedMarket.defaultPools(), T0), 60,
				List.of((step, simulated) -> {
					steps.add(step);
					heard.add(simulated);
				}));

		source.poll(T0);
		source.poll(T0.plusSeconds(15));
		source.poll(T0.plusSeconds(15));

		assertThat(heard).as("the first poll observes; a poll with nothing new is no step")
			.containsExactly(Duration.ZERO, Duration.ofMinutes(15));
		assertThat(steps.get(1).at()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
	}

	@Test
	void aFailingListenerDoesNotFailThePoll() {
		SimulatorSource source = new SimulatorSource(new SimulatedMarket(7, SimulatedMarket.defaultPools(), T0), 60,
				List.of((step, simulated) -> {
					throw new IllegalStateException("anvil is gone");
				}));

		assertThat(source.poll(T0)).isPresent();
		assertThat(source.poll(T0.plusSeconds(15))).isPresent();
	}

	@Test
	void pollsBeforeTheSourcesThatReadWhatItMoved() {
		assertThat(source(60).getOrder()).isLessThan(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
	}

	@Test
	void refusesANonPositiveSpeed() {
		assertThatIllegalArgumentException().isThrownBy(() -> source(0)).withMessageContaining("speed");
	}

	private static double apy(MarketBatch batch) {
		return batch.samples()
			.stream()
			.filter(s -> s.subject().equals("aave-v3:base:USDC") && s.metric() == Metric.APY)
			.findFirst()
			.orElseThrow()
			.value();
	}

}
