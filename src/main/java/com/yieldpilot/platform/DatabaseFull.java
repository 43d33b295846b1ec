package com.yieldpilot.platform;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The database ran out of disk space (PostgreSQL's {@code disk_full}, SQLSTATE 53100:
 * "could not extend file …: No space left on device"). The statement and its transaction
 * were rolled back, so nothing of the request was saved and nothing else changed; what
 * the farmer or the operator reads says so and what to do ({@link #EXPLANATION}). Each
 * occurrence counts in {@code yieldpilot.database.full} (what to alert on) and logs an
 * ALERT, at most one a minute. A full write-ahead log stops PostgreSQL itself; the
 * {@code db} health component reports that one as DOWN.
 */
@Component
public class DatabaseFull {

	/** PostgreSQL's SQLSTATE for {@code disk_full}. */
	public static final String SQLSTATE = "53100";

	/** What a farmer or an operator reads when it happens. */
	public static final String EXPLANATION = "The database is out of disk space, so this was not saved and nothing "
			+ "changed. An operator must free or add space on the database's volume; then try again.";

	private static final Duration LOGGED_EVERY = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(DatabaseFull.class);

	private final Counter counter;

	private final Clock clock;

	private final AtomicReference<Instant> logged = new AtomicReference<>(Instant.MIN);

	public DatabaseFull(MeterRegistry meters, Clock clock) {
		this.counter = Counter.builder("yieldpilot.database.full")
			.description("Writes the database refused because it ran out of disk space")
			.register(meters);
		this.clock = clock;
	}

	/**
	 * PostgreSQL's own message of the disk-full error among the failure's causes (and a
	 * batch's next exceptions), or null when it is not one.
	 */
	private static @Nullable String sqlMessage(@Nullable Throwable failure) {
		Map<Throwable, Boolean> seen = new IdentityHashMap<>();
		for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
			if (t instanceof SQLException sql) {
				for (SQLException each = sql; each != null; each = each.getNextException()) {
					if (SQLSTATE.equals(each.getSQLState())) {
						return String.valueOf(each.getMessage());
					}
				}
			}
		}
		return null;
	}

	/**
	 * Records an occurrence: counted, and logged as an ALERT at most once a minute.
	 * Returns whether the failure was one; anything else is left to the caller.
	 */
	public boolean raised(@Nullable Throwable failure) {
		String message = sqlMessage(failure);
		if (message == null) {
			return false;
		}
		Instant now = this.clock.instant();
		this.counter.increment();
		Instant before = this.logged.get();
		if (!now.isBefore(before.plus(LOGGED_EVERY)) && this.logged.compareAndSet(before, now)) {
			log.error("ALERT the database is out of disk space; writes are refused and rolled back until an "
					+ "operator frees or adds space on its volume: {}", message);
		}
		return true;
	}

}
