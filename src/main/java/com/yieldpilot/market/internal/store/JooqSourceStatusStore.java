package com.yieldpilot.market.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.market.SourceStatus;
import com.yieldpilot.market.internal.db.tables.records.MarketSourceStatusRecord;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;

import static com.yieldpilot.market.internal.db.Tables.MARKET_SOURCE_STATUS;

@Repository
class JooqSourceStatusStore implements SourceStatusStore {

	private final DSLContext dsl;

	JooqSourceStatusStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public void recordSuccess(String source, Instant at, Duration latency) {
		this.dsl.insertInto(MARKET_SOURCE_STATUS)
			.set(MARKET_SOURCE_STATUS.SOURCE, source)
			.set(MARKET_SOURCE_STATUS.LAST_SUCCESS, utc(at))
			.set(MARKET_SOURCE_STATUS.SUCCESSES, 1L)
			.set(MARKET_SOURCE_STATUS.LAST_LATENCY_MS, latency.toMillis())
			.set(MARKET_SOURCE_STATUS.UPDATED_AT, utc(at))
			.onConflict(MARKET_SOURCE_STATUS.SOURCE)
			.doUpdate()
			.set(MARKET_SOURCE_STATUS.LAST_SUCCESS, utc(at))
			.set(MARKET_SOURCE_STATUS.SUCCESSES, MARKET_SOURCE_STATUS.SUCCESSES.plus(1))
			.set(MARKET_SOURCE_STATUS.CONSECUTIVE_FAILURES, 0)
			.set(MARKET_SOURCE_STATUS.LAST_LATENCY_MS, latency.toMillis())
			.set(MARKET_SOURCE_STATUS.UPDATED_AT, utc(at))
			.execute();
	}

	@Override
	public void recordFailure(String source, Instant at, Duration latency, String error) {
		String message = (error.length() > 500) ? error.substring(0, 499) + "…" : error;
		this.dsl.insertInto(MARKET_SOURCE_STATUS)
			.set(MARKET_SOURCE_STATUS.SOURCE, source)
			.set(MARKET_SOURCE_STATUS.LAST_FAILURE, utc(at))
			.set(MARKET_SOURCE_STATUS.LAST_ERROR, message)
			.set(MARKET_SOURCE_STATUS.CONSECUTIVE_FAILURES, 1)
			.set(MARKET_SOURCE_STATUS.FAILURES, 1L)
			.set(MARKET_SOURCE_STATUS.LAST_LATENCY_MS, latency.toMillis())
			.set(MARKET_SOURCE_STATUS.UPDATED_AT, utc(at))
			.onConflict(MARKET_SOURCE_STATUS.SOURCE)
			.doUpdate()
			.set(MARKET_SOURCE_STATUS.LAST_FAILURE, utc(at))
			.set(MARKET_SOURCE_STATUS.LAST_ERROR, message)
			.set(MARKET_SOURCE_STATUS.CONSECUTIVE_FAILURES, MARKET_SOURCE_STATUS.CONSECUTIVE_FAILURES.plus(1))
			.set(MARKET_SOURCE_STATUS.FAILURES, MARKET_SOURCE_STATUS.FAILURES.plus(1))
			.set(MARKET_SOURCE_STATUS.LAST_LATENCY_MS, latency.toMillis())
			.set(MARKET_SOURCE_STATUS.UPDATED_AT, utc(at))
			.execute();
	}

	@Override
	public boolean isEnabled(String source) {
		return this.dsl.select(MARKET_SOURCE_STATUS.ENABLED)
			.from(MARKET_SOURCE_STATUS)
			.where(MARKET_SOURCE_STATUS.SOURCE.eq(source))
			.fetchOptional(MARKET_SOURCE_STATUS.ENABLED)
			.orElse(true);
	}

	@Override
	public void setEnabled(String source, boolean enabled, Instant at) {
		this.dsl.insertInto(MARKET_SOURCE_STATUS)
			.set(MARKET_SOURCE_STATUS.SOURCE, source)
			.set(MARKET_SOURCE_STATUS.ENABLED, enabled)
			.set(MARKET_SOURCE_STATUS.UPDATED_AT, utc(at))
			.onConflict(MARKET_SOURCE_STATUS.SOURCE)
			.doUpdate()
			.set(MARKET_SOURCE_STATUS.ENABLED, enabled)
			.set(MARKET_SOURCE_STATUS.UPDATED_AT, utc(at))
			.execute();
	}

	@Override
	public Optional<SourceStatus> find(String source) {
		return this.dsl.selectFrom(MARKET_SOURCE_STATUS)
			.where(MARKET_SOURCE_STATUS.SOURCE.eq(source))
			.fetchOptional(JooqSourceStatusStore::toStatus);
	}

	@Override
	public List<SourceStatus> all() {
		return this.dsl.selectFrom(MARKET_SOURCE_STATUS)
			.orderBy(MARKET_SOURCE_STATUS.SOURCE)
			.fetch(JooqSourceStatusStore::toStatus);
	}

	private static SourceStatus toStatus(MarketSourceStatusRecord r) {
		return new SourceStatus(r.getSource(), r.getEnabled(), instant(r.getLastSuccess()), instant(r.getLastFailure()),
				r.getLastError(), r.getConsecutiveFailures(), r.getSuccesses(), r.getFailures(),
				(r.getLastLatencyMs() != null) ? Duration.ofMillis(r.getLastLatencyMs()) : null, null);
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
		return (at != null) ? at.toInstant() : null;
	}

}
