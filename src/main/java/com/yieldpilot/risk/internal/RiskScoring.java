package com.yieldpilot.risk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.market.RiskSamples;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskScored;
import com.yieldpilot.risk.internal.model.DriftBaseline;
import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.Heuristic;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores pools from their stored daily history: with the promoted model when there is one
 * and the pool has {@value FeatureBuilder#MIN_HISTORY_DAYS} days of history up to
 * yesterday or today, with the {@link Heuristic} otherwise. Each score is stored as the
 * pool's latest assessment (with its feature row, from which {@link Explanations}
 * explains it when it is shown; a score the same as the stored one keeps its row, see
 * {@link ScoreStore}) and as a market sample of metric {@code risk} (every pass, so the
 * metric's time says how current the score is), and announced with {@link RiskScored}.
 * Peer and market-wide features are computed across the pools scored together, which
 * after a market update are the pools that update touched.
 */
@Service
class RiskScoring {

	/**
	 * History read for features: the longest window (90 days) plus the matured outcomes
	 * before it.
	 */
	static final Duration HISTORY = Duration.ofDays(150);

	private final HistoryCache histories;

	private final FeatureCache features;

	private final Incidents incidents;

	private final ModelRegistry registry;

	private final ScoreStore store;

	private final RiskSamples samples;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile Drift drift = new Drift(null, Map.of(), null);

	RiskScoring(HistoryCache histories, FeatureCache features, Incidents incidents, ModelRegistry registry,
			ScoreStore store, RiskSamples samples, ApplicationEventPublisher events, Clock clock) {
		this.histories = histories;
		this.features = features;
		this.incidents = incidents;
		this.registry = registry;
		this.store = store;
		this.samples = samples;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Scores the pools, stores the scores with their feature rows and announces them.
	 * Model scores are not explained here ({@link Explanations} does it when one is
	 * shown); the heuristic's explanation comes with its score and is stored with it.
	 */
	@Transactional
	List<StoredScore> score(List<PoolId> pools) {
		// to the microsecond, as PostgreSQL stores it: a stored score's time compares
		// equal to the one it was written with
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		long today = Math.floorDiv(now.getEpochSecond(), 86_400L);
		List<PoolHistory> read = this.histories.read(pools, now, HISTORY);
		// rows for yesterday and today (what the model scores) and each pool's last day
		FeatureTable table = this.features.build(read, this.incidents.current(), 1, today - 1);
		Map<String, Integer> newest = new HashMap<>();
		for (int r = 0; r < table.size(); r++) {
			newest.merge(table.history(r).pool(), r, (a, b) -> (table.day(b) > table.day(a)) ? b : a);
		}
		Optional<StoredModel> model = this.registry.current();
		List<float[]> rows = new ArrayList<>(pools.size());
		List<Integer> byModel = new ArrayList<>();
		for (int i = 0; i < pools.size(); i++) {
			Integer row = newest.get(pools.get(i).toString());
			float[] features = (row != null) ? table.row(row) : empty();
			rows.add(features);
			// the model needs a week of history that reaches today or yesterday
			if (model.isPresent() && row != null && table.day(row) >= today - 1
					&& features[Feature.DAYS_OF_HISTORY.ordinal()] >= FeatureBuilder.MIN_HISTORY_DAYS - 1) {
				byModel.add(i);
			}
		}
		List<float[]> modelRows = byModel.stream().map(rows::get).toList();
		double[] modelScores = (model.isPresent() && !modelRows.isEmpty())
				? model.get().model().score(concat(modelRows), modelRows.size()) : new double[0];
		Map<Integer, Double> scoredByModel = new HashMap<>();
		for (int k = 0; k < byModel.size(); k++) {
			scoredByModel.put(byModel.get(k), modelScores[k]);
		}
		List<StoredScore> scores = new ArrayList<>(pools.size());
		for (int i = 0; i < pools.size(); i++) {
			Double score = scoredByModel.get(i);
			if (score != null) {
				scores.add(new StoredScore(new RiskAssessment(pools.get(i), score,
						model.orElseThrow().version().version(), false, List.of(), now), rows.get(i), false));
			}
			else {
				RiskModel.Explained heuristic = Heuristic.assess(rows.get(i));
				scores.add(StoredScore.explained(
						new RiskAssessment(pools.get(i), heuristic.score(), null, true,
								heuristic.top(Explanations.LINES).stream().map(Explanations::factor).toList(), now),
						rows.get(i)));
			}
		}
		model.ifPresent(m -> this.drift = drift(m, modelRows, now));
		// unchanged scores keep their rows and scoring times; every score is checked now
		scores = this.store.save(scores, now);
		Map<PoolId, Double> samples = new LinkedHashMap<>();
		scores.forEach(s -> samples.put(s.assessment().pool(), s.assessment().score()));
		this.samples.record(samples, now);
		scores.forEach(s -> {
			RiskAssessment a = s.assessment();
			this.events
				.publishEvent(new RiskScored(a.pool(), a.score(), a.modelVersion(), a.heuristic(), a.explanation()));
		});
		return scores;
	}

	/**
	 * The latest drift of live features from the promoted model's training data, on this
	 * node.
	 */
	Drift drift() {
		return this.drift;
	}

	private static Drift drift(StoredModel model, List<float[]> rows, Instant now) {
		if (rows.isEmpty()) {
			return new Drift(model.version().version(), Map.of(), now);
		}
		return new Drift(model.version().version(), model.baseline().psi(concat(rows), rows.size()), now);
	}

	private static float[] concat(List<float[]> rows) {
		float[] features = new float[rows.size() * Feature.COUNT];
		for (int i = 0; i < rows.size(); i++) {
			System.arraycopy(rows.get(i), 0, features, i * Feature.COUNT, Feature.COUNT);
		}
		return features;
	}

	private static float[] empty() {
		float[] row = new float[Feature.COUNT];
		Arrays.fill(row, Float.NaN);
		return row;
	}

	/**
	 * Population stability index per feature of the latest scored pools against the
	 * model's training data.
	 *
	 * @param modelVersion the promoted version compared with, null before the first
	 * @param psi per feature key
	 * @param at when it was computed
	 */
	record Drift(@Nullable Integer modelVersion, Map<String, Double> psi, @Nullable Instant at) {

		boolean drifting() {
			return this.psi.values().stream().anyMatch(v -> v > DriftBaseline.DRIFTING);
		}

	}

}
