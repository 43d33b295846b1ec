package com.yieldpilot.risk;

import java.util.List;
import java.util.Map;

import com.yieldpilot.risk.internal.RiskAccess;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * For admins: the model registry's versions with their validation metrics, the drift of
 * live features from the promoted model's training data, and retraining with progress.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class RiskModels {

	private final RiskAccess access;

	RiskModels(RiskAccess access) {
		this.access = access;
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
