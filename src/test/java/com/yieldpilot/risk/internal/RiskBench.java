package com.yieldpilot.risk.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.yieldpilot.market.MarketBench;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.RiskSamples;
import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.PoolHistory;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The risk module's scoring path built by hand over a {@code DSLContext}, for the JMH
 * benchmark under {@code com.yieldpilot.bench}: the same classes the application wires
 * (history reads through the market, the registry, the jOOQ repository, the market's risk
 * samples), without Spring. Writes run in the caller's transaction.
 */
public final class RiskBench {

	private final MarketData market;

	private final PlatformTransactionManager transactions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final RiskSamples samples;

	private final PoolHistories histories;

	private final HistoryCache cache;

	private final FeatureCache features;

	private final ModelRegistry registry;

	private final RiskRepository repository;

	private final RiskScoring scoring;

	private final Explanations explanations;

	private final ScoreStore store;

	private final RiskScoring rewriting;

	private final Incidents incidents;

	public RiskBench(DSLContext dsl, PlatformTransactionManager transactions, Clock clock,
			ApplicationEventPublisher events) {
		this.market = MarketBench.marketData(dsl, clock);
		this.transactions = transactions;
		this.clock = clock;
		this.events = events;
		this.histories = new PoolHistories(this.market);
		this.cache = new HistoryCache(this.market, this.histories, transactions);
		this.repository = new JooqRiskRepository(dsl);
		this.registry = new ModelRegistry(this.repository, clock);
		this.samples = MarketBench.riskSamples(dsl, clock, events);
		this.features = new FeatureCache();
		this.store = new ScoreStore(this.repository);
		this.incidents = new Incidents(new IncidentStore(dsl, clock));
		this.scoring = new RiskScoring(this.cache, this.features, this.incidents, this.registry, this.store,
				this.samples, events, clock);
		this.rewriting = new RiskScoring(this.cache, this.features, this.incidents, this.registry,
				new RewritingStore(this.repository), this.samples, events, clock);
		this.explanations = new Explanations(this.registry);
	}

	/** Registers and promotes a trained model (the first one is promoted). */
	public ModelVersion register(RiskModel model, FeatureTable table) {
		return this.registry.register(model, table, List.of());
	}

	/** After a market update: read, build features, score, store, announce. */
	public int score(List<PoolId> pools) {
		return this.scoring.score(pools).size();
	}

	/**
	 * The same update storing every score whether it changed or not, as before the sixth
	 * round (decision record 0011): the same-run baseline of {@link #score}.
	 */
	public int scoreRewritingEveryRow(List<PoolId> pools) {
		return this.rewriting.score(pools).size();
	}

	/**
	 * The same update with every history read from the database, as before the cache (a
	 * cache of its own, empty each time).
	 */
	public int scoreWithoutCache(List<PoolId> pools) {
		return new RiskScoring(new HistoryCache(this.market, this.histories, this.transactions), new FeatureCache(),
				this.incidents, this.registry, new ScoreStore(this.repository), this.samples, this.events, this.clock)
			.score(pools)
			.size();
	}

	/**
	 * Times the stages of an update one by one, once each, in transactions of their own:
	 * the held histories served (after the feed), the features, the model, storing the
	 * scores and storing them as {@code risk} samples. A rough split for the README, not
	 * a measurement.
	 */
	public String stages(List<PoolId> pools) {
		Instant now = this.clock.instant();
		long today = Math.floorDiv(now.getEpochSecond(), 86_400L);
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		long t0 = System.nanoTime();
		List<PoolHistory> read = this.cache.read(pools, now, RiskScoring.HISTORY);
		long t1 = System.nanoTime();
		FeatureTable table = this.features.build(read, this.incidents.current(), 1, today - 1);
		long t2 = System.nanoTime();
		float[] rows = new float[pools.size() * Feature.COUNT];
		for (int r = 0, i = 0; r < table.size() && i < pools.size(); r++) {
			if (table.day(r) == today) {
				System.arraycopy(table.features(), r * Feature.COUNT, rows, i++ * Feature.COUNT, Feature.COUNT);
			}
		}
		this.registry.current().orElseThrow().model().score(rows, pools.size());
		long t3 = System.nanoTime();
		List<StoredScore> scores = tx.execute((s) -> this.repository.scores(pools));
		long t4 = System.nanoTime();
		tx.executeWithoutResult((s) -> this.store.save(scores, now));
		long t5 = System.nanoTime();
		tx.executeWithoutResult((s) -> this.repository.saveScores(scores));
		long t5b = System.nanoTime();
		Map<PoolId, Double> values = new LinkedHashMap<>();
		scores.forEach((s) -> values.put(s.assessment().pool(), s.assessment().score()));
		tx.executeWithoutResult((s) -> this.samples.record(values, now));
		long t6 = System.nanoTime();
		return String.format(Locale.ROOT,
				"held histories %.0f ms, features %.0f ms, model %.0f ms, scores compared (unchanged) %.0f ms, "
						+ "scores rewritten (all changed) %.0f ms, risk samples stored %.0f ms",
				(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t5 - t4) / 1e6, (t5b - t5) / 1e6, (t6 - t5b) / 1e6);
	}

	/**
	 * Checks that the cache serves, for every pool, what a fresh read of the database
	 * returns.
	 * @throws IllegalStateException when a history differs
	 */
	public void cacheServesWhatTheDatabaseHolds(List<PoolId> pools) {
		Instant now = this.clock.instant();
		List<PoolHistory> held = this.cache.read(pools, now, RiskScoring.HISTORY);
		List<PoolHistory> fresh = new TransactionTemplate(this.transactions)
			.execute((tx) -> this.histories.read(pools, now.minus(RiskScoring.HISTORY), now.plusSeconds(1)));
		if (held.size() != fresh.size()) {
			throw new IllegalStateException(held.size() + " histories held, " + fresh.size() + " in the database");
		}
		for (int i = 0; i < held.size(); i++) {
			PoolHistory h = held.get(i);
			PoolHistory f = fresh.get(i);
			boolean same = h.pool().equals(f.pool()) && h.firstDay() == f.firstDay() && h.lastDay() == f.lastDay();
			for (long d = h.firstDay(); same && d <= h.lastDay(); d++) {
				same = Objects.equals(h.timestamp(d), f.timestamp(d)) && same(h.tvl(d), f.tvl(d))
						&& same(h.apy(d), f.apy(d)) && same(h.apyBase(d), f.apyBase(d))
						&& same(h.apyReward(d), f.apyReward(d));
			}
			if (!same) {
				throw new IllegalStateException("The cache holds " + h + ", the database " + f);
			}
		}
	}

	/** Stores every score, as before the sixth round. */
	private static final class RewritingStore extends ScoreStore {

		private final RiskRepository repository;

		RewritingStore(RiskRepository repository) {
			super(repository);
			this.repository = repository;
		}

		@Override
		List<StoredScore> save(List<StoredScore> scores, Instant now) {
			this.repository.saveScores(scores);
			return scores;
		}

	}

	private static boolean same(double a, double b) {
		return Double.compare(a, b) == 0;
	}

	/** What a grid page does: its stored scores, explained. */
	public List<RiskAssessment> explainedPage(List<PoolId> pools) {
		return this.explanations.complete(this.repository.scores(pools));
	}

}
