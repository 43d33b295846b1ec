package com.yieldpilot.risk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.shared.PoolId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a scoring pass's scores, rewriting only the rows whose result changed: a score
 * with the same value, model version, kind, explanation and feature row as the stored one
 * keeps its row and its {@code scoredAt} (the time it was computed from the data that
 * gave it), and comes back checked at the pass. Between two hourly rollups every score is
 * the same, so an unchanged score costs PostgreSQL nothing but its share of one read.
 * <p>
 * What is stored is compared without reading the feature rows back: the node remembers
 * what it last wrote or read for each pool and trusts it only while the stored row still
 * carries the same value, model, kind and scoring time (one narrow read per pass). A row
 * another node wrote, or one written before a restart, does not match, and is compared
 * with its stored features. A pass rolled back leaves a remembered time the row does not
 * carry, so it is read again too. Decision record 0011, sixth round.
 */
@Component
class ScoreStore {

	private final RiskRepository repository;

	/** The last score this node wrote or read per pool, with what the row stores. */
	private final Map<PoolId, StoredScore> known = new ConcurrentHashMap<>();

	ScoreStore(RiskRepository repository) {
		this.repository = repository;
	}

	/**
	 * Stores the scores computed at {@code now} and returns them as stored: changed ones
	 * as given, unchanged ones with their stored scoring time, checked at {@code now}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<StoredScore> save(List<StoredScore> scores, Instant now) {
		Map<PoolId, RiskRepository.Stamp> stamps = this.repository
			.stamps(scores.stream().map((s) -> s.assessment().pool()).toList());
		StoredScore[] result = new StoredScore[scores.size()];
		List<Integer> unsure = new ArrayList<>();
		for (int i = 0; i < scores.size(); i++) {
			StoredScore computed = scores.get(i);
			PoolId pool = computed.assessment().pool();
			RiskRepository.Stamp stamp = stamps.get(pool);
			StoredScore remembered = this.known.get(pool);
			if (stamp == null) {
				result[i] = computed;
			}
			else if (remembered != null && RiskRepository.Stamp.of(remembered.assessment()).equals(stamp)) {
				result[i] = same(remembered, computed) ? kept(remembered, now) : computed;
			}
			else {
				unsure.add(i);
			}
		}
		if (!unsure.isEmpty()) {
			Map<PoolId, StoredScore> stored = new HashMap<>();
			this.repository.scores(unsure.stream().map((i) -> scores.get(i).assessment().pool()).toList())
				.forEach((s) -> stored.put(s.assessment().pool(), s));
			for (int i : unsure) {
				StoredScore computed = scores.get(i);
				StoredScore row = stored.get(computed.assessment().pool());
				result[i] = (row != null && same(row, computed)) ? kept(row, now) : computed;
			}
		}
		List<StoredScore> changed = new ArrayList<>();
		for (int i = 0; i < result.length; i++) {
			// a kept score is a new object checked now; a changed one is the computed one
			if (result[i] == scores.get(i)) {
				changed.add(result[i]);
			}
			this.known.put(result[i].assessment().pool(), result[i]);
		}
		this.repository.saveScores(changed);
		return List.of(result);
	}

	/**
	 * Whether a computed score is the stored one: the same value to the bit, model
	 * version, kind, stored explanation and feature row (from which a model score's
	 * explanation is computed when shown).
	 */
	private static boolean same(StoredScore stored, StoredScore computed) {
		RiskAssessment a = stored.assessment();
		RiskAssessment b = computed.assessment();
		return Double.compare(a.score(), b.score()) == 0 && Objects.equals(a.modelVersion(), b.modelVersion())
				&& a.heuristic() == b.heuristic() && stored.explained() == computed.explained()
				&& a.explanation().equals(b.explanation()) && stored.features() != null
				&& Arrays.equals(stored.features(), computed.features());
	}

	private static StoredScore kept(StoredScore stored, Instant now) {
		return new StoredScore(stored.assessment().checkedAt(now), stored.features(), stored.explained());
	}

}
