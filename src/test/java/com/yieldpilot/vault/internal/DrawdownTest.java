package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.vault.VaultId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DrawdownTest {

	private static final VaultId A = VaultId.random();

	private static final VaultId B = VaultId.random();

	private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void isEmptyWithoutSnapshots() {
		assertThat(Drawdown.of(List.of())).isEmpty();
	}

	@Test
	void isTheFallFromThePeakToTheLatestValue() {
		var snapshots = series(A, 1_000, new long[] { 1_000, 1_100, 990, 1_045 });
		assertThat(Drawdown.of(snapshots)).contains(new BigDecimal("0.05"));
	}

	@Test
	void isZeroAtANewPeak() {
		assertThat(Drawdown.of(series(A, 1_000, new long[] { 1_000, 900, 1_200 }))).contains(BigDecimal.ZERO);
	}

	@Test
	void treatsADepositOrWithdrawalAsNeitherGainNorLoss() {
		List<VaultRepository.Snapshot> snapshots = new ArrayList<>();
		snapshots.add(snapshot(A, 0, 1_000, 1_000));
		snapshots.add(snapshot(A, 1, 3_000, 3_000)); // the owner added 2,000
		snapshots.add(snapshot(A, 2, 1_500, 1_500)); // and took 1,500 out
		assertThat(Drawdown.of(snapshots)).contains(BigDecimal.ZERO);
	}

	@Test
	void sumsTheUsersVaultsPerSnapshotRun() {
		List<VaultRepository.Snapshot> snapshots = new ArrayList<>();
		snapshots.add(snapshot(A, 0, 1_000, 1_000));
		snapshots.add(snapshot(B, 0, 3_000, 3_000));
		snapshots.add(snapshot(A, 1, 600, 1_000)); // A lost 400
		snapshots.add(snapshot(B, 1, 3_000, 3_000));
		assertThat(Drawdown.of(snapshots)).contains(new BigDecimal("0.1"));
	}

	@Test
	void leavesOutRunsWithoutPositiveNetDeposits() {
		List<VaultRepository.Snapshot> snapshots = new ArrayList<>();
		snapshots.add(snapshot(A, 0, 500, 0));
		assertThat(Drawdown.of(snapshots)).isEmpty();
	}

	private static List<VaultRepository.Snapshot> series(VaultId vault, long deposits, long[] values) {
		List<VaultRepository.Snapshot> snapshots = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			snapshots.add(snapshot(vault, i, values[i], deposits));
		}
		return snapshots;
	}

	private static VaultRepository.Snapshot snapshot(VaultId vault, int minute, long value, long deposits) {
		return new VaultRepository.Snapshot(vault, T0.plusSeconds(60L * minute), BigInteger.valueOf(value),
				BigInteger.valueOf(deposits));
	}

}
