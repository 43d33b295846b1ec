package com.yieldpilot.support;

import java.nio.file.Path;

import com.yieldpilot.identity.internal.TokenIssuer;
import com.yieldpilot.identity.UserAccounts;
import org.jooq.DSLContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running node in local mode, on an embedded PostgreSQL in a fresh home folder,
 * shared by the integration tests that extend this class (Spring caches the context).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "yieldpilot.observability.scrape-token=" + ApplicationIT.SCRAPE_TOKEN,
				"yieldpilot.market.refresh.interval=2s",
				// the tests write the history they need (SimulatedPastIT tests the past
				// local mode's first start writes)
				"yieldpilot.market.simulator.past=0d",
				// tests set pools' risk values by hand, which scoring after every
				// market update would overwrite (the risk tests score on demand)
				"yieldpilot.risk.scoring.enabled=false",
				// Vaadin's push connections keep Tomcat's graceful shutdown waiting for
				// its full timeout
				"server.shutdown=immediate", "spring.lifecycle.timeout-per-shutdown-phase=3s",
				"spring.quartz.wait-for-jobs-to-complete-on-shutdown=false",
				// a node stopped mid-execution by a crash test leaves its lease
				// to run out: short here
				"yieldpilot.execution.lease=3s",
				// a scheduled run that waits for its data is tried again soon
				"yieldpilot.rules.blocked-run-retry=2s",
				// crash tests leave failed deliveries on purpose and redeliver them
				// themselves; EventRedeliveryIT runs the redelivery with its own settings
				"yieldpilot.events.retry-after=5m", "yieldpilot.events.max-backoff=5m" })
@Import({ EventProbe.class, CrashPoints.class })
public abstract class ApplicationIT {

	protected static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789";

	protected static final Path HOME = TestHomes.create("shared");

	@LocalServerPort
	protected int port;

	@Autowired
	protected DSLContext dsl;

	@Autowired
	protected UserAccounts accounts;

	@Autowired
	protected TokenIssuer issuer;

	@DynamicPropertySource
	static void home(DynamicPropertyRegistry registry) {
		registry.add("yieldpilot.home", HOME::toString);
	}

	protected Http http() {
		return new Http(this.port);
	}

	/** A new farmer with an API token of their own. */
	protected TestFarmer newFarmer(String name) {
		return TestFarmer.create(this.accounts, this.issuer, name);
	}

	protected LocalCredentials credentials() {
		return LocalCredentials.read(HOME);
	}

}
