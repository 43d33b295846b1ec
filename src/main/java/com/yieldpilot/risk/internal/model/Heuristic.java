package com.yieldpilot.risk.internal.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The cold-start score, served (and labelled "heuristic") until a model is promoted and
 * for pools with too little history for it. A transparent sum of four terms, each centred
 * so that a typical pool adds nothing, clamped to [0.02, 0.98]:
 *
 * <pre>
 * score = 0.30
 *       + 0.25 × (min(APY variation over 30 days, 1.5) − 0.3)    unsteady yield
 *       + 0.20 × (reward share − 0.3)                            yield paid in emissions that end
 *       + 0.50 × min(TVL fall over 7 days, 0.5)                  capital leaving
 *       + 0.15 × clamp(7-day APY vs 30-day mean, 0, 1)           a spike that tends to revert
 * </pre>
 *
 * An unknown input counts as typical (its term is 0). Decision record 0011 explains the
 * weights: they follow the direction of the model's strongest features, not a fit.
 */
public final class Heuristic {

	static final double BASE = 0.30;

	private Heuristic() {
	}

	public static RiskModel.Explained assess(float[] row) {
		List<Contribution> terms = new ArrayList<>();
		double variation = row[Feature.APY_VARIATION_30D.ordinal()];
		if (!Double.isNaN(variation)) {
			terms.add(new Contribution(Feature.APY_VARIATION_30D, variation, 0.25 * (Math.min(variation, 1.5) - 0.3)));
		}
		double reward = row[Feature.REWARD_SHARE.ordinal()];
		if (!Double.isNaN(reward)) {
			terms.add(new Contribution(Feature.REWARD_SHARE, reward, 0.20 * (reward - 0.3)));
		}
		double tvl = row[Feature.TVL_CHANGE_7D.ordinal()];
		if (!Double.isNaN(tvl)) {
			double fall = Math.min(Math.max(0, -Math.expm1(tvl)), 0.5);
			terms.add(new Contribution(Feature.TVL_CHANGE_7D, tvl, 0.50 * fall));
		}
		double trend = row[Feature.APY_TREND.ordinal()];
		if (!Double.isNaN(trend)) {
			terms.add(new Contribution(Feature.APY_TREND, trend, 0.15 * Math.min(Math.max(trend, 0), 1)));
		}
		double score = BASE + terms.stream().mapToDouble(Contribution::contribution).sum();
		terms.sort(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.contribution()))
			.thenComparing(c -> c.feature().ordinal()));
		return new RiskModel.Explained(Math.min(0.98, Math.max(0.02, score)), List.copyOf(terms));
	}

}
