package com.yieldpilot.identity;

import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another application started and stopped in the same JVM (as tests do, and as an
 * embedding server might) replaces Spring Security's static context holder. This node's
 * API must keep authenticating its tokens.
 */
class SecondNodeInSameJvmIT extends ApplicationIT {

	@Autowired
	Scheduler scheduler;

	@Test
	void tokensKeepWorkingAfterAnotherApplicationCameAndWentInTheSameJvm() throws Exception {
		assertThat(http().get("/api/v1/me", credentials().farmerToken()).statusCode()).isEqualTo(200);
		SecondApplication.start(TestHomes.create("second-node")).close();
		assertThat(http().get("/api/v1/me", credentials().farmerToken()).statusCode()).isEqualTo(200);
		assertThat(http().get("/api/v1/pools", credentials().farmerToken()).statusCode()).isEqualTo(200);
		// this node's Quartz still reaches its own database (Quartz keys data sources by
		// scheduler name JVM-wide)
		assertThat(this.scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup())).isNotEmpty();
	}

}
