package com.yieldpilot.market.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.market.SourceStatus;

/** Records each source's successes and failures, and whether it is switched on. */
public interface SourceStatusStore {

	void recordSuccess(String source, Instant at, Duration latency);

	void recordFailure(String source, Instant at, Duration latency, String error);

	/** A source never seen is enabled. */
	boolean isEnabled(String source);

	void setEnabled(String source, boolean enabled, Instant at);

	Optional<SourceStatus> find(String source);

	List<SourceStatus> all();

}
