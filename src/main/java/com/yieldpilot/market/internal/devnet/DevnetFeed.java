package com.yieldpilot.market.internal.devnet;

import java.time.Duration;

import com.yieldpilot.market.internal.local.SimulatedStepListener;
import com.yieldpilot.market.internal.simulator.MarketStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the devnet's contracts along with the simulator, on the refresh thread, before
 * the {@code chain-local} source reads them in the same refresh. It deploys them on the
 * first step, then applies each step: vault yield and losses, and prices. What fails
 * waits for the next step, merged into it. Steps are applied one at a time.
 *
 * <p>
 * Why on the refresh thread: a step is about twenty transactions, which anvil mines as
 * they arrive (well under a second in all), and reading the chain right after driving it
 * keeps the chain's samples in step with the simulator's.
 */
final class DevnetFeed implements SimulatedStepListener {

	private static final Logger log = LoggerFactory.getLogger(DevnetFeed.class);

	private final DevnetDeployment deployment;

	private final DevnetDriver driver;

	private DevnetUpdate pending = DevnetUpdate.NONE;

	DevnetFeed(DevnetDeployment deployment, DevnetDriver driver) {
		this.deployment = deployment;
		this.driver = driver;
	}

	@Override
	public synchronized void stepped(MarketStep step, Duration simulated) {
		DevnetUpdate update = DevnetUpdate.of(step, simulated, this.deployment.plan().poolAssets());
		DevnetContracts contracts;
		try {
			contracts = this.deployment.ensure(update.prices());
		}
		catch (DevnetException ex) {
			// no vaults yet, so no yield to keep: a fresh deployment starts at a share
			// price of 1
			log.warn("{}; trying again at the next step", ex.getMessage());
			return;
		}
		this.pending = this.driver.drive(contracts, this.pending.then(update));
	}

	@Override
	public String toString() {
		return "devnet";
	}

}
