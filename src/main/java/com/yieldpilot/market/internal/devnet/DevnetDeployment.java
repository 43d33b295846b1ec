package com.yieldpilot.market.internal.devnet;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devnet's contracts on this chain, deployed once. The first use looks up the
 * recorded set and reuses it when the chain still has code at every address (anvil
 * reloaded its state file). A set recorded before the steward existed gets one, which
 * takes over its mocks, so a home's chain keeps its pools and the demo vault its
 * positions. Otherwise, when nothing is recorded, a pool was added since, or the chain
 * lost the contracts (the state file was deleted, or the node stopped before anvil saved
 * it), a fresh set is deployed and recorded in place of the old one. Thread-safe.
 */
final class DevnetDeployment {

	private static final Logger log = LoggerFactory.getLogger(DevnetDeployment.class);

	private final long chainId;

	private final DevnetPlan plan;

	private final DevnetDeployer deployer;

	private final DevnetAddressBook book;

	private final String deployerAddress;

	private @Nullable DevnetContracts contracts;

	DevnetDeployment(long chainId, DevnetPlan plan, DevnetDeployer deployer, DevnetAddressBook book) {
		this.chainId = chainId;
		this.plan = plan;
		this.deployer = deployer;
		this.book = book;
		this.deployerAddress = deployer.from();
	}

	DevnetPlan plan() {
		return this.plan;
	}

	/**
	 * The contracts, deploying them first if needed.
	 * @param prices each asset's USD price, for the feeds of a fresh deployment
	 * @throws DevnetException when the chain could not be read or a deployment failed;
	 * the next call tries again
	 */
	synchronized DevnetContracts ensure(Map<String, Double> prices) {
		DevnetContracts known = this.contracts;
		if (known != null) {
			return known;
		}
		try {
			Map<String, String> addresses = this.book.recorded(this.chainId);
			Optional<DevnetContracts> recorded = DevnetContracts.fromAddresses(addresses, this.plan);
			Optional<DevnetContracts> unstewarded = DevnetContracts.beforeSteward(addresses, this.plan,
					this.deployerAddress);
			DevnetContracts ready;
			if (recorded.isPresent() && this.deployer.deployed(recorded.get())) {
				ready = recorded.get();
				this.book.attachPools(ready);
				log.info("Devnet: reusing the {} contracts recorded for chain {}", ready.addresses().size(),
						this.chainId);
			}
			else if (unstewarded.isPresent() && this.deployer.mocksDeployed(unstewarded.get())) {
				ready = this.deployer.appointSteward(unstewarded.get());
				this.book.recordDeployment(this.chainId, ready);
				log.info(
						"Devnet: the {} contracts recorded for chain {} now move through the steward at {}, "
								+ "one transaction per market step",
						ready.addresses().size(), this.chainId, ready.steward());
			}
			else {
				if (recorded.isPresent()) {
					log.info("Devnet: the contracts recorded for chain {} are gone from it (was its state file "
							+ "deleted?); deploying them again", this.chainId);
				}
				ready = this.deployer.deploy(this.plan, prices);
				this.book.recordDeployment(this.chainId, ready);
				log.info("Devnet: deployed {} contracts on chain {}: {} vaults, Multicall3 at {}",
						ready.addresses().size(), this.chainId, ready.vaults().size(), ready.multicall3());
			}
			this.contracts = ready;
			return ready;
		}
		catch (Exception ex) {
			throw new DevnetException("Devnet deployment on chain " + this.chainId + " failed: " + ex.getMessage(), ex);
		}
	}

	/** The contracts if deployed or reused already. */
	synchronized Optional<DevnetContracts> current() {
		return Optional.ofNullable(this.contracts);
	}

}
