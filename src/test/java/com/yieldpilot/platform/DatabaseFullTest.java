package com.yieldpilot.platform;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFullTest {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final DatabaseFull databaseFull = new DatabaseFull(this.meters,
			Clock.fixed(Instant.parse("2026-11-24T00:00:00Z"), ZoneOffset.UTC));

	@Test
	void theDiskFullStateIsFoundAmongTheCausesAndABatchsNextExceptionsAndCounted() {
		SQLException full = new SQLException("could not extend file \"base/5/16384\": No space left on device",
				DatabaseFull.SQLSTATE);
		assertThat(this.databaseFull.raised(new DataAccessResourceFailureException("insert failed", full))).isTrue();

		BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "22000", new int[0]);
		batch.setNextException(full);
		assertThat(this.databaseFull.raised(new TransactionSystemException("Could not commit", batch))).isTrue();
		assertThat(this.meters.get("yieldpilot.database.full").counter().count()).isEqualTo(2);
	}

	@Test
	void otherFailuresAreNotItAndCountNothing() {
		assertThat(this.databaseFull.raised(new DuplicateKeyException("duplicate",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isFalse();
		assertThat(this.databaseFull.raised(new SQLException("insufficient resources", "53000"))).isFalse();
		assertThat(this.databaseFull.raised(new IllegalStateException("no SQL at all"))).isFalse();
		assertThat(this.databaseFull.raised(null)).isFalse();
		assertThat(this.meters.get("yieldpilot.database.full").counter().count()).isZero();
	}

}
