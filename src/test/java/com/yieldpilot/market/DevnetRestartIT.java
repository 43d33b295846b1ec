package com.yieldpilot.market;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Local mode keeps its devnet across a restart: anvil reloads its saved state, and the
 * recorded contracts are reused, share prices and all, rather than deployed again.
 */
class DevnetRestartIT {

	private static final PoolId POOL = PoolId.parse("aave-v3:base:USDC");

	@Test
	void aRestartOnTheSavedChainKeepsTheVaultsAndTheYieldTheyAccrued() {
		Path home = TestHomes.create("devnet-restart");
		String vault;
		LatestValue before;
		try (ConfigurableApplicationContext app = start(home)) {
			// two chain reads: the vault has accrued yield since its deployment
			LatestValue first = await().atMost(Duration.ofSeconds(60))
				.until(() -> sharePrice(app), Optional::isPresent)
				.orElseThrow();
			before = await().atMost(Duration.ofSeconds(30))
				.until(() -> sharePrice(app), v -> v.isPresent() && v.get().value() > first.value())
				.orElseThrow();
			vault = app.getBean(MetricCatalog.class).pool(POOL).orElseThrow().vaultAddress();
		}
		Instant restarted = Instant.now();

		try (ConfigurableApplicationContext app = start(home)) {
			LatestValue after = await().atMost(Duration.ofSeconds(60))
				.until(() -> sharePrice(app), v -> v.isPresent() && v.get().observedAt().isAfter(restarted))
				.orElseThrow();

			assertThat(app.getBean(MetricCatalog.class).pool(POOL).orElseThrow().vaultAddress()).isEqualTo(vault);
			assertThat(after.value()).as("a fresh vault would start again at 1.0")
				.isGreaterThanOrEqualTo(before.value());
			// the chain continues where it stopped; the first read after the restart may
			// come before
			// anything new is mined, so at the very block of the last read before it
			assertThat(after.blockNumber()).isGreaterThanOrEqualTo(before.blockNumber());
		}
	}

	private static ConfigurableApplicationContext start(Path home) {
		return SecondApplication.start(home, "--yieldpilot.market.refresh.interval=2s");
	}

	private static Optional<LatestValue> sharePrice(ConfigurableApplicationContext app) {
		return app.getBean(MarketData.class).pool(POOL).flatMap(p -> p.value(Metric.SHARE_PRICE));
	}

}
