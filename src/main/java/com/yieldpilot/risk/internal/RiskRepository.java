package com.yieldpilot.risk.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.internal.model.DriftBaseline;
import com.yieldpilot.risk.internal.model.IsotonicCalibration;
import com.yieldpilot.risk.internal.model.LinearFloor;
import com.yieldpilot.risk.internal.model.MarketLevel;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * The registry's model versions and each pool's latest score. Writes need a transaction.
 */
interface RiskRepository {

	int nextVersion();

	/**
	 * Stores a version with the fitted model that scores, the validated twin where it has
	 * one (null: validated as it scores) and its feature baseline.
	 */
	void insert(ModelVersion version, Fitted serving, @Nullable Fitted validated, DriftBaseline baseline,
			int calibrationRows);

	/** Marks the promoted version, if any, retired. */
	void retirePromoted();

	Optional<Integer> promotedVersion();

	/** The promoted version's entry, artifact, calibration and baseline. */
	Optional<Artifact> promoted();

	/** Every version, newest first. */
	List<ModelVersion> versions();

	/** The given version's entry, artifact, calibration and baseline. */
	Optional<Artifact> artifact(int version);

	/**
	 * The given version's validated twin, as an artifact with the version's entry and
	 * baseline: what promotion compares; the version's own artifact when it was validated
	 * as it scores.
	 */
	Optional<Artifact> validated(int version);

	/**
	 * Stores each pool's latest score, replacing the one before, in a few multi-row
	 * statements.
	 */
	void saveScores(List<StoredScore> scores);

	/**
	 * What identifies each given pool's stored score without its feature row, in one
	 * read: enough to tell whether the row is still the one this node wrote or read.
	 */
	Map<PoolId, Stamp> stamps(Collection<PoolId> pools);

	Optional<StoredScore> score(PoolId pool);

	/** The latest scores of the given pools that have one, in one read. */
	List<StoredScore> scores(Collection<PoolId> pools);

	/** A stored score's value, model, kind and time, without its features. */
	record Stamp(double score, @Nullable Integer modelVersion, boolean heuristic, Instant scoredAt) {

		static Stamp of(RiskAssessment a) {
			return new Stamp(a.score(), a.modelVersion(), a.heuristic(), a.scoredAt());
		}

	}

	/**
	 * A fitted model as stored: Tribuo's protobuf of the trees, the isotonic calibration,
	 * and the floor and market level where it has them.
	 */
	record Fitted(byte[] artifact, IsotonicCalibration calibration, @Nullable LinearFloor floor,
			@Nullable MarketLevel level) {

		static Fitted of(RiskModel model) {
			return new Fitted(model.tribuoModel().serialize().toByteArray(), model.calibration(),
					model.floor().orElse(null), model.level().orElse(null));
		}

	}

	record Artifact(ModelVersion version, byte[] bytes, IsotonicCalibration calibration, @Nullable LinearFloor floor,
			@Nullable MarketLevel level, DriftBaseline baseline) {
	}

}
