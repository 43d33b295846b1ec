package com.yieldpilot.risk.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.risk.IncidentImport;
import com.yieldpilot.risk.KnownIncidents;
import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskModels;
import com.yieldpilot.risk.TrainingProgress;
import com.yieldpilot.shared.PoolId;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * What the module's public services need from its internals, in one place, so they stay
 * thin: stored scores, scoring on demand, the registry, drift, the incident list and
 * retraining (started on a background thread so a screen never waits for it).
 */
@Component
public class RiskAccess {

	private final RiskRepository repository;

	private final RiskScoring scoring;

	private final ModelRegistry registry;

	private final Retraining retraining;

	private final Executor executor;

	private final Explanations explanations;

	private final IncidentImporter incidents;

	RiskAccess(RiskRepository repository, RiskScoring scoring, ModelRegistry registry, Retraining retraining,
			@Qualifier("applicationTaskExecutor") Executor executor, Explanations explanations,
			IncidentImporter incidents) {
		this.repository = repository;
		this.incidents = incidents;
		this.explanations = explanations;
		this.scoring = scoring;
		this.registry = registry;
		this.retraining = retraining;
		this.executor = executor;
	}

	/** The pool's latest score with its explanation. */
	public Optional<RiskAssessment> latest(PoolId pool) {
		return this.repository.score(pool).map(this.explanations::complete);
	}

	/** Scores the pools now and explains the scores. */
	public List<RiskAssessment> scoreNow(List<PoolId> pools) {
		return this.explanations.complete(this.scoring.score(pools));
	}

	public List<ModelVersion> versions() {
		return this.registry.versions();
	}

	public TrainingProgress progress() {
		return this.retraining.progress();
	}

	public boolean retrain() {
		if (this.retraining.progress().running()) {
			return false;
		}
		this.executor.execute(this.retraining::run);
		return true;
	}

	public IncidentImport importIncidents(byte[] json, UserId actor) {
		return this.incidents.importList(json, actor);
	}

	public KnownIncidents knownIncidents() {
		return this.incidents.known();
	}

	public RiskModels.Drift drift() {
		RiskScoring.Drift drift = this.scoring.drift();
		return new RiskModels.Drift(drift.modelVersion(), drift.psi(), drift.drifting());
	}

}
