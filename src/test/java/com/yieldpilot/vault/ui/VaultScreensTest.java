package com.yieldpilot.vault.ui;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;
import com.yieldpilot.vault.VaultState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The vault and portfolio screens' parts, fed with values instead of a chain. */
@ViewPackages(classes = VaultDetails.class)
class VaultScreensTest extends BrowserlessTest {

	private static final String AAVE = "0xAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAaAa";

	private static final String UNKNOWN = "0xBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBbBb";

	private static final Vault VAULT = new Vault(VaultId.random(), new UserId(UUID.randomUUID()), 31337,
			"0x1111111111111111111111111111111111111111", "0x2222222222222222222222222222222222222222",
			"0x3333333333333333333333333333333333333333", "USDC", 6, Instant.parse("2026-01-01T00:00:00Z"));

	@Test
	void vaultDetailsShowLimitsPauseAndTheAllowlistWithPoolNames() {
		VaultDetails details = new VaultDetails();
		VaultState state = new VaultState(42, VAULT.ownerAddress(), null, null, true, new BigDecimal("50000"),
				new BigDecimal("1e60"), Duration.ofDays(1), new BigDecimal("1234.5"), List.of(AAVE, UNKNOWN));

		details.show(VAULT, state, Map.of(AAVE.toLowerCase(), PoolId.parse("aave-v3:base:USDC")));

		assertThat(details.address.getText()).isEqualTo(VAULT.address());
		assertThat(details.executor.getText()).isEqualTo("none (revoked)");
		assertThat(details.pendingOwner.getText()).isEqualTo("nobody");
		assertThat(details.status.getText()).startsWith("Paused");
		assertThat(details.maxPerExecution.getText()).isEqualTo("50,000.00 USDC");
		assertThat(details.allowance.getText()).isEqualTo("no limit per day");
		assertThat(details.available.getText()).isEqualTo("1,234.50 USDC");
		assertThat(test(details.allowlist).size()).isEqualTo(2);
		assertThat(test(details.allowlist).getRow(0).pool()).isEqualTo("aave-v3:base:USDC");
		assertThat(test(details.allowlist).getRow(1).pool()).isEqualTo("—");
	}

	@Test
	void portfolioSummaryShowsProfitAgainstHoldingAndOnlyHeldPositions() {
		PortfolioSummary summary = new PortfolioSummary();
		Portfolio portfolio = new Portfolio(VAULT.id(), "USDC", 7, new BigDecimal("900"),
				List.of(new Position(AAVE, PoolId.parse("aave-v3:base:USDC"), BigInteger.valueOf(99_000_000),
						new BigDecimal("100.25")), new Position(UNKNOWN, null, BigInteger.ZERO, BigDecimal.ZERO)),
				new BigDecimal("1000.25"), new BigDecimal("1000"));

		summary.show(portfolio, Optional.of(new BigDecimal("0.0123")));

		assertThat(summary.value.getText()).isEqualTo("1,000.25 USDC");
		assertThat(summary.netDeposits.getText()).isEqualTo("1,000.00 USDC");
		assertThat(summary.profit.getText()).isEqualTo("+0.25 USDC");
		assertThat(summary.drawdown.getText()).isEqualTo("1.23 %");
		assertThat(test(summary.positions).size()).isEqualTo(2);
		assertThat(test(summary.positions).getRow(1).where()).isEqualTo("aave-v3:base:USDC");
		assertThat(test(summary.positions).getRow(1).value()).isEqualTo("100.25 USDC");

		summary.show(portfolio, Optional.empty());
		assertThat(summary.drawdown.getText()).isEqualTo("no snapshots yet");
	}

}
