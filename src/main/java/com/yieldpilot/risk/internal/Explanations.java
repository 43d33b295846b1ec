package com.yieldpilot.risk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskFactor;
import com.yieldpilot.risk.internal.model.Contribution;
import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.Heuristic;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Explains stored scores when they are shown, not when they are computed: scoring after a
 * market update stores each pool's feature row with its score, and this computes the
 * explanation from those features with the model version that produced the score (the
 * trees' TreeSHAP values and the floor's terms), all scores of one version in one pass.
 * Results are kept per score (pool, version, scoring time) on this node, so a page shown
 * twice is explained once. Decision record 0011.
 */
@Component
class Explanations {

	/** How many lines an explanation keeps. */
	static final int LINES = 5;

	/** Scores whose explanations are kept: a few pages of every screen. */
	static final int CACHED = 10_000;

	private static final Logger log = LoggerFactory.getLogger(Explanations.class);

	private final ModelRegistry registry;

	private final Map<Key, List<RiskFactor>> cache = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, List<RiskFactor>> eldest) {
			return size() > CACHED;
		}

	};

	Explanations(ModelRegistry registry) {
		this.registry = registry;
	}

	/** The score with its explanation. */
	RiskAssessment complete(StoredScore score) {
		return complete(List.of(score)).get(0);
	}

	/**
	 * The scores with their explanations, in the same order. A score whose features were
	 * not kept (or whose version is gone) keeps an empty explanation.
	 */
	List<RiskAssessment> complete(List<StoredScore> scores) {
		RiskAssessment[] done = new RiskAssessment[scores.size()];
		Map<Integer, List<Integer>> byVersion = new HashMap<>();
		for (int i = 0; i < scores.size(); i++) {
			StoredScore stored = scores.get(i);
			RiskAssessment a = stored.assessment();
			float[] features = stored.features();
			if (stored.explained() || features == null) {
				done[i] = a;
				continue;
			}
			Integer version = a.modelVersion();
			if (version == null) {
				done[i] = with(a, Heuristic.assess(features).top(LINES).stream().map(Explanations::factor).toList());
				continue;
			}
			List<RiskFactor> cached = cached(key(a));
			if (cached != null) {
				done[i] = with(a, cached);
			}
			else {
				byVersion.computeIfAbsent(version, (v) -> new ArrayList<>()).add(i);
			}
		}
		byVersion.forEach((version, rows) -> explain(version, rows, scores, done));
		return List.of(done);
	}

	private void explain(int version, List<Integer> rows, List<StoredScore> scores, RiskAssessment[] done) {
		Optional<RiskModel> model = this.registry.version(version);
		if (model.isEmpty()) {
			rows.forEach((i) -> done[i] = scores.get(i).assessment());
			return;
		}
		float[] features = new float[rows.size() * Feature.COUNT];
		for (int k = 0; k < rows.size(); k++) {
			System.arraycopy(scores.get(rows.get(k)).features(), 0, features, k * Feature.COUNT, Feature.COUNT);
		}
		List<RiskModel.Explained> explained = model.get().explain(features, rows.size());
		for (int k = 0; k < rows.size(); k++) {
			RiskAssessment a = scores.get(rows.get(k)).assessment();
			RiskModel.Explained e = explained.get(k);
			if (Math.abs(e.score() - a.score()) > 1e-9) {
				// the features or the version do not belong to this score: no explanation
				// is better than another score's
				log.warn("Stored features of {} give {} with v{}, not its stored score {}; not explained", a.pool(),
						e.score(), version, a.score());
				done[rows.get(k)] = a;
				continue;
			}
			List<RiskFactor> factors = e.top(LINES).stream().map(Explanations::factor).toList();
			remember(key(a), factors);
			done[rows.get(k)] = with(a, factors);
		}
	}

	static RiskAssessment with(RiskAssessment a, List<RiskFactor> factors) {
		return new RiskAssessment(a.pool(), a.score(), a.modelVersion(), a.heuristic(), factors, a.scoredAt(),
				a.checkedAt());
	}

	static RiskFactor factor(Contribution c) {
		return new RiskFactor(c.feature().key(), c.value(), c.contribution(), c.text());
	}

	private synchronized @Nullable List<RiskFactor> cached(Key key) {
		return this.cache.get(key);
	}

	private synchronized void remember(Key key, List<RiskFactor> factors) {
		this.cache.put(key, factors);
	}

	private static Key key(RiskAssessment a) {
		return new Key(a.pool(), a.modelVersion(), a.scoredAt());
	}

	private record Key(PoolId pool, @Nullable Integer version, Instant scoredAt) {
	}

}
