package com.yieldpilot.market.internal.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import com.yieldpilot.market.internal.store.SourceStatusStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * One refresh of every enabled source. A failing source is recorded (in the database, so
 * every node and the admin screen see it) and logged, and never stops the others: a
 * DefiLlama outage must not stall the chain reads, nor the other way round.
 */
@Service
public class MarketRefresh {

	private static final Logger log = LoggerFactory.getLogger(MarketRefresh.class);

	private final Supplier<List<MarketSource>> sources;

	private final MarketIngestion ingestion;

	private final SourceStatusStore status;

	private final Clock clock;

	private final MeterRegistry meters;

	MarketRefresh(ObjectProvider<MarketSource> sources, MarketIngestion ingestion, SourceStatusStore status,
			Clock clock, MeterRegistry meters) {
		this.sources = () -> sources.orderedStream().toList();
		this.ingestion = ingestion;
		this.status = status;
		this.clock = clock;
		this.meters = meters;
	}

	/** The sources this node runs. */
	public List<MarketSource> sources() {
		return this.sources.get();
	}

	/** Polls every enabled source once; returns how many samples were stored. */
	public int refresh() {
		int stored = 0;
		for (MarketSource source : this.sources.get()) {
			if (this.status.isEnabled(source.name())) {
				stored += refresh(source);
			}
		}
		return stored;
	}

	private int refresh(MarketSource source) {
		Instant started = this.clock.instant();
		Timer.Sample timer = Timer.start(this.meters);
		String outcome = "ok";
		try {
			var batch = source.poll(started);
			int stored = batch.isPresent() ? this.ingestion.ingest(batch.get()).samples() : 0;
			this.status.recordSuccess(source.name(), started, Duration.between(started, this.clock.instant()));
			return stored;
		}
		catch (RuntimeException ex) {
			outcome = "error";
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			this.status.recordFailure(source.name(), started, Duration.between(started, this.clock.instant()), reason);
			log.warn("Market source {} failed: {}", source.name(), reason);
			return 0;
		}
		finally {
			timer.stop(this.meters.timer("yieldpilot.market.refresh", "source", source.name(), "outcome", outcome));
		}
	}

}
