package com.yieldpilot.market.internal.local;

import java.time.Clock;

import com.yieldpilot.market.internal.simulator.SimulatedMarket;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * In local mode the simulated market is a source
 * ({@code yieldpilot.market.simulator.enabled}, on by default), seeded by
 * {@code yieldpilot.market.simulator.seed} and sped up by
 * {@code yieldpilot.market.simulator.speed}. Every {@link SimulatedStepListener} bean
 * hears its steps.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnBooleanProperty(name = "yieldpilot.market.simulator.enabled", matchIfMissing = true)
class LocalMarketConfiguration {

	@Bean
	SimulatorSource simulatorSource(Clock clock, @Value("${yieldpilot.market.simulator.seed:42}") long seed,
			@Value("${yieldpilot.market.simulator.speed:60}") double speed,
			ObjectProvider<SimulatedStepListener> listeners) {
		return new SimulatorSource(new SimulatedMarket(seed, SimulatedMarket.defaultPools(), clock.instant()), speed,
				listeners);
	}

}
