package com.yieldpilot.market.internal.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * One refresh of every source. A failing source is recorded and logged and never stops
 * the others: a DefiLlama outage must not stall the chain reads, nor the other way round.
 */
@Service
public class MarketRefresh {

	private static final Logger log = LoggerFactory.getLogger(MarketRefresh.class);

	private final ObjectProvider<MarketSource> sources;

	private final MarketIngestion ingestion;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Map<String, SourceStatus> status = new ConcurrentHashMap<>();

	MarketRefresh(ObjectProvider<MarketSource> sources, MarketIngestion ingestion, Clock clock, MeterRegistry meters) {
		this.sources = sources;
		this.ingestion = ingestion;
		this.clock = clock;
		this.meters = meters;
	}

	/** Polls every source once; returns how many samples were stored. */
	public int refresh() {
		int stored = 0;
		for (MarketSource source : this.sources.orderedStream().toList()) {
			Instant started = this.clock.instant();
			Timer.Sample timer = Timer.start(this.meters);
			try {
				var batch = source.poll(started);
				if (batch.isPresent()) {
					stored += this.ingestion.ingest(batch.get()).samples();
				}
				record(source, started, null);
				timer.stop(this.meters.timer("yieldpilot.market.refresh", "source", source.name(), "outcome", "ok"));
			}
			catch (RuntimeException ex) {
				record(source, started, ex);
				timer.stop(this.meters.timer("yieldpilot.market.refresh", "source", source.name(), "outcome", "error"));
				log.warn("Market source {} failed: {}", source.name(), ex.getMessage());
			}
		}
		return stored;
	}

	/** The last outcome of each source, for the admin screen and health. */
	public Map<String, SourceStatus> status() {
		return Map.copyOf(this.status);
	}

	private void record(MarketSource source, Instant started, @Nullable RuntimeException failure) {
		Duration took = Duration.between(started, this.clock.instant());
		this.status.compute(source.name(), (name, previous) -> {
			SourceStatus base = (previous != null) ? previous : SourceStatus.initial(name);
			return (failure == null) ? base.succeeded(started, took) : base.failed(started, took, failure.getMessage());
		});
	}

	/** A source's recent record. */
	public record SourceStatus(String source, @Nullable Instant lastSuccess, @Nullable Instant lastFailure,
			@Nullable String lastError, int consecutiveFailures, long successes, long failures,
			@Nullable Duration lastLatency) {

		static SourceStatus initial(String source) {
			return new SourceStatus(source, null, null, null, 0, 0, 0, null);
		}

		SourceStatus succeeded(Instant at, Duration took) {
			return new SourceStatus(this.source, at, this.lastFailure, this.lastError, 0, this.successes + 1,
					this.failures, took);
		}

		SourceStatus failed(Instant at, Duration took, @Nullable String error) {
			return new SourceStatus(this.source, this.lastSuccess, at, error, this.consecutiveFailures + 1,
					this.successes, this.failures + 1, took);
		}

		/** Degraded after three failures in a row. */
		public boolean degraded() {
			return this.consecutiveFailures >= 3;
		}

	}

}
