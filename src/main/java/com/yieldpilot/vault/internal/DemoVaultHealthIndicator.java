package com.yieldpilot.vault.internal;

import com.yieldpilot.platform.HealthStatuses;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Local mode's readiness for the demo farmer: the node answers before its background
 * setup has created the demo vault, and a live rule saved in that window would find no
 * vault to act from. So the node reports OUT_OF_SERVICE (503) until the vault is there,
 * and {@code /actuator/health} saying UP means a rule can act at once. A setup that
 * failed is DEGRADED with the reason: the node still serves everything else.
 */
// shown as "demoVault": Boot drops the HealthIndicator suffix
@Component("demoVaultHealthIndicator")
@Profile("local")
class DemoVaultHealthIndicator extends AbstractHealthIndicator {

	private volatile Health current = Health.status(Status.OUT_OF_SERVICE)
		.withDetail("setup", "creating the demo farmer's vault on the local chain")
		.build();

	DemoVaultHealthIndicator() {
		super("Demo vault health check failed");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Health health = this.current;
		builder.status(health.getStatus()).withDetails(health.getDetails());
	}

	/** The demo vault exists, funded and allowlisted. */
	void ready(String vault) {
		this.current = Health.up().withDetail("vault", vault).build();
	}

	/** This node has no demo vault to set up (no local chain or no demo farmer). */
	void notNeeded() {
		this.current = Health.up().withDetail("setup", "none: no local chain or no demo farmer").build();
	}

	/** The setup failed: rules of the demo farmer cannot act. */
	void failed(String reason) {
		this.current = Health.status(HealthStatuses.DEGRADED)
			.withDetail("setup", "failed: " + reason + "; restart the node to try again")
			.build();
	}

}
