package com.yieldpilot.risk;

import java.util.List;
import java.util.Map;

import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.risk.internal.RiskAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * For admins: the model registry's versions with their validation metrics, the drift of
 * live features from the promoted model's training data, retraining with progress, and
 * the incident list the model reads.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class RiskModels {

	private final RiskAccess access;

	private final CurrentUser currentUser;

	RiskModels(RiskAccess access, CurrentUser currentUser) {
		this.access = access;
		this.currentUser = currentUser;
	}

	/** Every version, newest first. */
	public List<ModelVersion> versions() {
		return this.access.versions();
	}

	public TrainingProgress progress() {
		return this.access.progress();
	}

	/**
	 * Starts a retraining in the background; false when one runs already on this node.
	 */
	public boolean retrain() {
		return this.access.retrain();
	}

	/**
	 * Imports an incident list in DeFiHackLabs' {@code incidents.json} format (an array
	 * of {@code {date: "YYYYMMDD", name, type, Lost, lossType, chain}}): incidents not
	 * stored yet are added, with an audit entry, and the next retraining and scoring pass
	 * use them. A list that cannot be read stores nothing; the exception names every
	 * problem.
	 */
	public IncidentImport importIncidents(byte[] json) {
		return this.access.importIncidents(json, this.currentUser.id());
	}

	/** How many incidents the model reads, and the newest. */
	public KnownIncidents knownIncidents() {
		return this.access.knownIncidents();
	}

	/** The latest PSI per feature, and whether any feature drifts (PSI above 0.25). */
	public Drift drift() {
		return this.access.drift();
	}

	/**
	 * Live features against the promoted model's training data.
	 *
	 * @param modelVersion the promoted version, null before the first
	 * @param psi population stability index per feature
	 * @param drifting whether any feature's PSI exceeds 0.25
	 */
	public record Drift(@Nullable Integer modelVersion, Map<String, Double> psi, boolean drifting) {

		public Drift {
			psi = Map.copyOf(psi);
		}

	}

}
