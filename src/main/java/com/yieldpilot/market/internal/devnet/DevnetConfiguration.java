package com.yieldpilot.market.internal.devnet;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.internal.local.SimulatorSource;
import com.yieldpilot.market.internal.onchain.RealizedApy;
import com.yieldpilot.market.internal.store.DevnetContractStore;
import com.yieldpilot.market.internal.store.PoolRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Local mode's devnet market, present when both the local chain
 * ({@code yieldpilot.chain.local.enabled}) and the simulator
 * ({@code yieldpilot.market.simulator.enabled}) are on, as they are by default. The
 * conditions repeat the ones of the chain's and the simulator's configurations rather
 * than asking whether their beans exist, which a user configuration cannot rely on.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnBooleanProperty(name = "yieldpilot.chain.local.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "yieldpilot.market.simulator.enabled", matchIfMissing = true)
class DevnetConfiguration {

	/**
	 * A price feed the simulator has not set for this long is reported as stale, not
	 * read: it sets every feed at each refresh, so only a stopped node's feeds get there.
	 */
	static final Duration MAX_PRICE_AGE = Duration.ofMinutes(10);

	/**
	 * Realized APYs span at least an hour of simulated time (a minute at the default
	 * speed).
	 */
	static final Duration MIN_APY_WINDOW = Duration.ofHours(1);

	@Bean
	RecordedDevnet devnetAddressBook(DevnetContractStore store, PoolRegistry registry, Clock clock) {
		return new RecordedDevnet(store, registry, clock);
	}

	/** The deployer's one sequence of transactions: deployment and driving share it. */
	@Bean
	DeployerTransactions devnetTransactions(LocalChain chain) {
		return new DeployerTransactions(chain.web3j(), DevAccounts.deployer(), chain.chainId());
	}

	@Bean
	DevnetDeployment devnetDeployment(LocalChain chain, SimulatorSource simulator, DeployerTransactions transactions,
			RecordedDevnet book) {
		return new DevnetDeployment(chain.chainId(), DevnetPlan.of(simulator.pools()),
				new DevnetDeployer(chain.web3j(), transactions), book);
	}

	/**
	 * Which block shows which simulated instant: the feed sets it, the chain source reads
	 * it.
	 */
	@Bean
	DevnetClock devnetClock() {
		return new DevnetClock();
	}

	@Bean
	DevnetFeed devnetFeed(LocalChain chain, DevnetDeployment deployment, DeployerTransactions transactions,
			DevnetClock clock) {
		return new DevnetFeed(deployment, new DevnetDriver(transactions), chain.web3j(), clock);
	}

	@Bean
	DevnetTokens localDevnet(DevnetDeployment deployment, DevnetFeed feed, DeployerTransactions transactions) {
		return new DevnetTokens(deployment, feed, transactions);
	}

	@Bean
	ChainLocalSource chainLocalSource(LocalChain chain, PoolRegistry registry, DevnetDeployment deployment,
			DevnetClock clock) {
		return new ChainLocalSource(chain.web3j(), () -> registry.contracts(PoolDescriptor.Origin.SIMULATED),
				() -> deployment.current().map(DevnetContracts::multicall3), MAX_PRICE_AGE,
				new RealizedApy(MIN_APY_WINDOW), clock);
	}

}
