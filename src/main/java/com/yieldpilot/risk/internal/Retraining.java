package com.yieldpilot.risk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.TrainingProgress;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.Incident;
import com.yieldpilot.risk.internal.model.NotEnoughDataException;
import com.yieldpilot.risk.internal.model.Outcome;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.risk.internal.model.RiskModel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Retrains on the history the market has stored: every pool's daily history over the
 * configured span, a candidate trained on every outcome matured by today with its twin
 * trained as of {@code validation} days ago, validated on the pool-days that matured
 * since, and handed to the {@link ModelRegistry}, which promotes it or not. One run at a
 * time per node; the Quartz job is clustered, so one node runs the scheduled one.
 * Progress is kept for the admin page.
 */
@Service
class Retraining {

	private static final Logger log = LoggerFactory.getLogger(Retraining.class);

	private final PoolHistories histories;

	private final Incidents incidents;

	private final ModelRegistry registry;

	private final Clock clock;

	private final Duration span;

	private final Duration validation;

	private final AtomicBoolean running = new AtomicBoolean();

	private volatile TrainingProgress progress = TrainingProgress.idle();

	Retraining(PoolHistories histories, Incidents incidents, ModelRegistry registry, Clock clock,
			@Value("${yieldpilot.risk.retrain.span:400d}") Duration span,
			@Value("${yieldpilot.risk.retrain.validation:30d}") Duration validation) {
		this.histories = histories;
		this.incidents = incidents;
		this.registry = registry;
		this.clock = clock;
		this.span = span;
		this.validation = validation;
	}

	TrainingProgress progress() {
		return this.progress;
	}

	/** Runs a retraining unless one runs already; returns whether it ran. */
	boolean run() {
		if (!this.running.compareAndSet(false, true)) {
			return false;
		}
		Instant started = this.clock.instant();
		try {
			step("reading history", 0, started, null);
			Instant now = this.clock.instant();
			List<PoolHistory> pools = this.histories.readAll(now.minus(this.span), now,
					(read, of) -> step("reading history (" + read + " of " + of + " pools)",
							0.5 * read / Math.max(1, of), started, null));
			List<Incident> incidents = this.incidents.current();
			step("computing features of " + pools.size() + " pools with " + incidents.size() + " incidents", 0.55,
					started, null);
			FeatureTable table = FeatureBuilder.build(pools, incidents);
			long today = Math.floorDiv(now.getEpochSecond(), 86_400L);
			Fit fit = fit(table, today, this.validation.toDays(),
					(step, fraction) -> step(step, 0.6 + 0.3 * fraction, started, null));
			step("validating on " + fit.validationRows().size() + " pool-days", 0.9, started, null);
			ModelVersion version = this.registry.register(fit.candidate(), table, fit.validationRows());
			String outcome = String.format(Locale.ROOT, "v%d %s", version.version(), version.decision());
			log.info("Risk model retrained: {}", outcome);
			this.progress = new TrainingProgress(false, "done", 1, started, outcome);
			return true;
		}
		catch (NotEnoughDataException ex) {
			this.progress = new TrainingProgress(false, "done", 1, started, "not trained: " + ex.getMessage());
			log.info("Risk model not retrained: {}", ex.getMessage());
			return true;
		}
		catch (RuntimeException ex) {
			this.progress = new TrainingProgress(false, "failed", 1, started, "failed: " + ex.getMessage());
			log.warn("Risk model retraining failed", ex);
			return true;
		}
		finally {
			this.running.set(false);
		}
	}

	/**
	 * Trains what a retraining registers: the model to serve, on every outcome matured by
	 * {@code today} (as the walk-forward that measured the model retrains), and its twin
	 * as of {@code validationDays} earlier, validated on the pool-days whose outcomes
	 * matured in between. With too little history for the twin, the model to serve comes
	 * alone, with no validation rows: the registry promotes it only as the first model.
	 */
	static Fit fit(FeatureTable table, long today, long validationDays, Steps progress) {
		progress.step("training gradient-boosted trees on every outcome matured by " + LocalDate.ofEpochDay(today), 0);
		RiskModel serving = ModelRegistry.train(table, today);
		long validatedAsOf = today - validationDays;
		progress.step("training the twin to validate, on outcomes matured by " + LocalDate.ofEpochDay(validatedAsOf),
				0.5);
		RiskModel validated;
		try {
			validated = ModelRegistry.train(table, validatedAsOf);
		}
		catch (NotEnoughDataException ex) {
			log.info("Too little history to validate a twin, so the new model has no validation window: {}",
					ex.getMessage());
			return new Fit(new ModelRegistry.Candidate(serving, serving), List.of());
		}
		List<Integer> validationRows = new ArrayList<>();
		for (int r = 0; r < table.size(); r++) {
			if (table.day(r) > validatedAsOf - Outcome.HORIZON_DAYS && table.maturedBy(r, today)) {
				validationRows.add(r);
			}
		}
		return new Fit(new ModelRegistry.Candidate(serving, validated), validationRows);
	}

	/** A retraining's candidate and the table rows its twin is validated on. */
	record Fit(ModelRegistry.Candidate candidate, List<Integer> validationRows) {
	}

	/** Where a retraining's training is: a step and its fraction of the training. */
	interface Steps {

		void step(String step, double fraction);

	}

	private void step(String step, double fraction, Instant started, @Nullable String outcome) {
		this.progress = new TrainingProgress(true, step, fraction, started, outcome);
	}

}
