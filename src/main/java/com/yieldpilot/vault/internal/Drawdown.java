package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Drawdown from snapshots: the snapshots of one run (one instant) are summed over the
 * user's vaults, each instant's value is divided by its net deposits (so money moving in
 * or out is neither gain nor loss), and the latest ratio is compared with the highest.
 * Instants with no positive net deposits have no ratio and are left out.
 */
final class Drawdown {

	private Drawdown() {
	}

	static Optional<BigDecimal> of(List<VaultRepository.Snapshot> snapshots) {
		Map<Instant, BigInteger[]> byInstant = new TreeMap<>();
		for (VaultRepository.Snapshot s : snapshots) {
			BigInteger[] sums = byInstant.computeIfAbsent(s.at(),
					(at) -> new BigInteger[] { BigInteger.ZERO, BigInteger.ZERO });
			sums[0] = sums[0].add(s.value());
			sums[1] = sums[1].add(s.netDeposits());
		}
		BigDecimal peak = null;
		BigDecimal last = null;
		for (BigInteger[] sums : byInstant.values()) {
			if (sums[1].signum() <= 0) {
				continue;
			}
			BigDecimal ratio = new BigDecimal(sums[0]).divide(new BigDecimal(sums[1]), MathContext.DECIMAL64);
			peak = (peak == null) ? ratio : peak.max(ratio);
			last = ratio;
		}
		if (peak == null || last == null || peak.signum() <= 0) {
			return Optional.empty();
		}
		BigDecimal down = peak.subtract(last).divide(peak, MathContext.DECIMAL64);
		return Optional.of(down.max(BigDecimal.ZERO).stripTrailingZeros());
	}

}
