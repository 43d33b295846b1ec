package com.yieldpilot.risk.internal.model;

import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * The features a risk score is computed from. Every one uses data up to the scored day
 * only; each is documented in {@code docs/decisions/0011-risk-scores.md}. A feature's
 * {@link #describe(double) description} turns its value into the sentence an explanation
 * shows, e.g. "TVL fell 38% in 7 days".
 */
public enum Feature {

	// the pool's own APY
	APY("apy", v -> "APY is " + pct(v)), APY_MEAN_7D("apy_mean_7d", v -> "7-day mean APY is " + pct(v)),
	APY_MEAN_30D("apy_mean_30d", v -> "30-day mean APY is " + pct(v)),
	APY_VOLATILITY_7D("apy_volatility_7d", v -> "APY moved by " + points(v) + " (7-day std. dev.)"),
	APY_VOLATILITY_30D("apy_volatility_30d", v -> "APY moved by " + points(v) + " (30-day std. dev.)"),
	APY_VARIATION_30D("apy_variation_30d", v -> "APY varies by " + share(v) + " of its 30-day mean"),
	APY_TREND("apy_trend", v -> "7-day APY is " + change(v) + " against its 30-day mean"),
	APY_CHANGE_7D("apy_change_7d", v -> "APY " + moved(v) + " over the last 7 days"),
	APY_VS_MEDIAN_90D("apy_vs_median_90d", v -> "7-day APY is " + change(v) + " against its 90-day median"),
	APY_SPIKE("apy_spike", v -> "today's APY is " + change(v) + " against its 7-day mean"),
	APY_PEAK_30D("apy_peak_30d", v -> "the 30-day APY peak is " + change(v) + " against the 7-day mean"),
	APY_LOG_VOLATILITY_7D("apy_log_volatility_7d", v -> "APY moves " + share(Math.expm1(v)) + " a day (7 days)"),
	APY_LOG_VOLATILITY_30D("apy_log_volatility_30d", v -> "APY moves " + share(Math.expm1(v)) + " a day (30 days)"),
	APY_VS_MEAN_90D("apy_vs_mean_90d", v -> "7-day APY is " + change(v) + " against its 90-day mean"),
	APY_HELD_28D("apy_held_28d", v -> "APY of the last 28 days was " + change(v) + " against the 7 days before them"),
	APY_DROP_FREQUENCY("apy_drop_frequency",
			v -> "on " + share(v) + " of the last 3 weeks' days APY fell 20% within a week"),
	// reward emissions
	REWARD_SHARE("reward_share", v -> share(v) + " of the APY comes from rewards"),
	REWARD_SHARE_30D("reward_share_30d", v -> share(v) + " of the APY came from rewards over 30 days"),
	REWARD_SHARE_CHANGE("reward_share_change", v -> "the reward share " + movedPoints(v) + " against its 30-day mean"),
	BASE_APY_MEAN_7D("base_apy_mean_7d", v -> "7-day base APY (without rewards) is " + pct(v)),
	// the pool's TVL and its flows
	TVL("tvl_log10", v -> "TVL is " + dollars(Math.pow(10, v))),
	TVL_CHANGE_1D("tvl_change_1d", v -> "TVL " + movedLog(v) + " in a day"),
	TVL_CHANGE_7D("tvl_change_7d", v -> "TVL " + movedLog(v) + " in 7 days"),
	TVL_CHANGE_30D("tvl_change_30d", v -> "TVL " + movedLog(v) + " in 30 days"),
	TVL_DRAWDOWN_90D("tvl_drawdown_90d", v -> "TVL is " + share(-v) + " below its 90-day high"),
	TVL_VOLATILITY_30D("tvl_volatility_30d", v -> "TVL moves " + share(v) + " a day (30-day std. dev.)"),
	TVL_VOLATILITY_7D("tvl_volatility_7d", v -> "TVL moves " + share(v) + " a day (7-day std. dev.)"),
	TVL_WORST_DAY_30D("tvl_worst_day_30d", v -> "TVL's worst day in 30 " + movedLog(v)),
	TVL_INFLOW_DAYS_14D("tvl_inflow_days_14d", v -> share(v) + " of the last 14 days had inflows"),
	TVL_FLOW_ACCELERATION("tvl_flow_acceleration",
			v -> "TVL flows " + (v < 0 ? "worsened" : "improved") + " by " + share(Math.abs(v))
					+ " a week against the 30-day pace"),
	// history and exposure
	DAYS_OF_HISTORY("days_of_history", v -> String.format(Locale.ROOT, "%.0f days of history", v)),
	COVERAGE_30D("coverage_30d", v -> share(v) + " of the last 30 days have data"),
	STABLECOIN("stablecoin", v -> (v > 0.5) ? "stablecoin exposure only" : "exposure to volatile assets"),
	// outliers
	APY_ZSCORE_30D("apy_zscore_30d", v -> String.format(Locale.ROOT, "APY is %.1f std. dev. from its 30-day mean", v)),
	APY_OUTLIER("apy_outlier", v -> (v > 0.5) ? "APY above 100% (outlier)" : "APY below 100%"),
	// incidents
	PROTOCOL_INCIDENTS_365D("protocol_incidents_365d",
			v -> String.format(Locale.ROOT, "%.0f incident(s) of the protocol in a year", v)),
	PROTOCOL_DAYS_SINCE_INCIDENT("protocol_days_since_incident",
			v -> String.format(Locale.ROOT, "the protocol's last incident was %.0f days ago", v)),
	MARKET_INCIDENTS_30D("market_incidents_30d",
			v -> String.format(Locale.ROOT, "%.0f DeFi incidents in the last 30 days", v)),
	MARKET_LOSS_30D("market_loss_30d_log10", v -> dollars(Math.pow(10, v)) + " lost to DeFi incidents in 30 days"),
	// relative to peers on the same day
	APY_VS_PEERS("apy_vs_peers", v -> "7-day APY is " + change(v) + " against its peers' median"),
	APY_PEER_RANK("apy_peer_rank", v -> "7-day APY ranks above " + share(v) + " of its peers"),
	VOLATILITY_PEER_RANK("volatility_peer_rank", v -> "APY variation ranks above " + share(v) + " of its peers"),
	TVL_CHANGE_VS_MARKET("tvl_change_7d_vs_market", v -> "7-day TVL change is " + pointsOf(v) + " against the market"),
	TVL_PEER_RANK("tvl_peer_rank", v -> "TVL ranks above " + share(v) + " of its peers"),
	APY_VOLATILITY_RANK("apy_volatility_rank", v -> "7-day APY volatility ranks above " + share(v) + " of pools"),
	APY_TREND_RANK("apy_trend_rank", v -> "APY trend ranks above " + share(v) + " of pools"),
	TVL_VOLATILITY_RANK("tvl_volatility_rank", v -> "TVL volatility ranks above " + share(v) + " of pools"),
	// the market's regime (medians across pools)
	MARKET_APY_TREND("market_apy_trend", v -> "the market's APY trend is " + change(v)),
	MARKET_TVL_CHANGE_7D("market_tvl_change_7d", v -> "the market's median TVL " + movedLog(v) + " in 7 days"),
	MARKET_OUTFLOW_SHARE("market_outflow_share", v -> share(v) + " of pools lost over 10% of TVL in 7 days"),
	MARKET_POOLS("market_pools_log10", v -> String.format(Locale.ROOT, "%.0f pools in the market", Math.pow(10, v))),
	MARKET_ADVERSE_RATE("market_adverse_rate", v -> share(v) + " of pools turned bad in the last matured month"),
	MARKET_EARLY_ADVERSE_RATE("market_early_adverse_rate",
			v -> share(v) + " of pools' days of the last four weeks have already turned bad"),
	// the pool's own matured outcomes
	POOL_ADVERSE_RATE_90D("pool_adverse_rate_90d",
			v -> "the pool turned bad on " + share(v) + " of its matured days in 90"),
	POOL_ADVERSE_RECENT("pool_adverse_recent",
			v -> "the pool turned bad on " + share(v) + " of its latest matured week");

	private final String key;

	private final DoubleFunction<String> describe;

	Feature(String key, DoubleFunction<String> describe) {
		this.key = key;
		this.describe = describe;
	}

	/** The stable name used in models, APIs and the decision record. */
	public String key() {
		return this.key;
	}

	/** The value as a sentence a farmer reads. */
	public String describe(double value) {
		return Double.isNaN(value) ? this.key + " unknown" : this.describe.apply(value);
	}

	public static final int COUNT = values().length;

	private static String pct(double v) {
		return String.format(Locale.ROOT, "%.2f%%", v);
	}

	private static String points(double v) {
		return String.format(Locale.ROOT, "%.2f points", v);
	}

	private static String pointsOf(double v) {
		return String.format(Locale.ROOT, "%+.0f points", 100 * v);
	}

	private static String share(double v) {
		return String.format(Locale.ROOT, "%.0f%%", 100 * v);
	}

	private static String change(double v) {
		return String.format(Locale.ROOT, "%+.0f%%", 100 * v);
	}

	private static String moved(double v) {
		return ((v < 0) ? "fell " : "rose ") + share(Math.abs(v));
	}

	private static String movedLog(double logChange) {
		return moved(Math.expm1(logChange));
	}

	private static String movedPoints(double v) {
		return ((v < 0) ? "fell " : "rose ") + String.format(Locale.ROOT, "%.0f points", Math.abs(100 * v));
	}

	private static String dollars(double v) {
		if (v >= 1e9) {
			return String.format(Locale.ROOT, "$%.1fB", v / 1e9);
		}
		if (v >= 1e6) {
			return String.format(Locale.ROOT, "$%.1fM", v / 1e6);
		}
		if (v >= 1e3) {
			return String.format(Locale.ROOT, "$%.0fk", v / 1e3);
		}
		return String.format(Locale.ROOT, "$%.0f", v);
	}

}
