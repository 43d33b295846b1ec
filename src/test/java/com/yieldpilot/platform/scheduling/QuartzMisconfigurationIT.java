package com.yieldpilot.platform.scheduling;

import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RELIABILITY 18: the application itself refuses to start with a scheduler that could
 * double-fire.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuartzMisconfigurationIT {

	@Test
	void refusesToStartWithANonClusteredJobStore(CapturedOutput output) {
		assertThatThrownBy(() -> start("--spring.quartz.properties.org.quartz.jobStore.isClustered=false"))
			.isInstanceOf(SchedulerMisconfiguredException.class)
			.hasMessageContaining("not clustered");
		assertThat(output).contains("YieldPilot refuses to start", "isClustered=true");
	}

	@Test
	void refusesToStartWhenTriggersAreAcquiredOutsideTheLock(CapturedOutput output) {
		assertThatThrownBy(
				() -> start("--spring.quartz.properties.org.quartz.jobStore.acquireTriggersWithinLock=false"))
			.isInstanceOf(SchedulerMisconfiguredException.class)
			.hasMessageContaining("outside the lock");
		assertThat(output).contains("YieldPilot refuses to start", "acquireTriggersWithinLock=true");
	}

	private static void start(String setting) {
		SecondApplication.start(TestHomes.create("misconfigured"), setting).close();
	}

}
