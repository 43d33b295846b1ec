package com.yieldpilot.vault.internal;

import com.yieldpilot.platform.HealthStatuses;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class DemoVaultHealthIndicatorTest {

	private final DemoVaultHealthIndicator indicator = new DemoVaultHealthIndicator();

	@Test
	void outOfServiceUntilTheVaultIsThereThenUpWithItsAddress() {
		Health setting = this.indicator.health(true);
		assertThat(setting.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(setting.getDetails()).containsEntry("setup", "creating the demo farmer's vault on the local chain");

		this.indicator.ready("0xf2c639cb973dffffb14917f31b5332409c07c6dc");
		Health ready = this.indicator.health(true);
		assertThat(ready.getStatus()).isEqualTo(Status.UP);
		assertThat(ready.getDetails())
			.containsOnly(java.util.Map.entry("vault", "0xf2c639cb973dffffb14917f31b5332409c07c6dc"));
	}

	@Test
	void aFailedSetupIsDegradedWithTheReasonNotDown() {
		this.indicator.failed("the devnet has no USDC pools");
		Health failed = this.indicator.health(true);
		assertThat(failed.getStatus()).isEqualTo(HealthStatuses.DEGRADED);
		assertThat(failed.getDetails()).containsEntry("setup",
				"failed: the devnet has no USDC pools; restart the node to try again");
	}

	@Test
	void aNodeWithoutADemoVaultIsUp() {
		this.indicator.notNeeded();
		assertThat(this.indicator.health(true).getStatus()).isEqualTo(Status.UP);
	}

}
