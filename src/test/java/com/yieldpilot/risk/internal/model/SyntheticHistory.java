package com.yieldpilot.risk.internal.model;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * Seeded pool histories for tests, as CSV in the command's input shape: APYs that revert
 * to their mean with reward emissions that end, TVL that drifts and sometimes drains,
 * each pool at its own hazard that shows in how much its TVL moves, so both outcomes
 * occur and the features carry signal.
 */
public final class SyntheticHistory {

	public static final LocalDate START = LocalDate.of(2024, 1, 1);

	private SyntheticHistory() {
	}

	public static String csv(int pools, int days, long seed) {
		return csv(pools, days, seed, UnaryOperator.identity());
	}

	/**
	 * The CSV with each row passed through {@code edit} (to change later values in a
	 * test).
	 */
	static String csv(int pools, int days, long seed, UnaryOperator<String> edit) {
		Random random = new Random(seed);
		StringBuilder csv = new StringBuilder("pool,timestamp,tvlUsd,apy,apyBase,apyReward\n");
		for (int p = 0; p < pools; p++) {
			String pool = String.format(Locale.ROOT, "proto%d:%s:%s:pool%d", p % 5, (p % 2 == 0) ? "base" : "ethereum",
					(p % 3 == 0) ? "USDC" : "WETH-USDC", p);
			double base = 2 + 8 * random.nextDouble();
			double reward = (random.nextDouble() < 0.5) ? 5 * random.nextDouble() : 0;
			double tvl = Math.pow(10, 5 + 3 * random.nextDouble());
			double apyBase = base;
			// each pool's own hazard: how often its capital drains, visible in how much
			// its TVL moves
			double hazard = 0.001 + 0.03 * random.nextDouble();
			int start = random.nextInt(30);
			for (int d = start; d < days; d++) {
				apyBase = Math.max(0.01, apyBase + 0.2 * (base - apyBase) + random.nextGaussian() * 0.4);
				if (reward > 0 && random.nextDouble() < 0.01) {
					reward = 0;
				}
				else if (reward == 0 && random.nextDouble() < 0.005) {
					reward = 10 * random.nextDouble();
				}
				tvl *= Math.exp(random.nextGaussian() * (0.005 + hazard) + ((random.nextDouble() < hazard) ? -0.5 : 0));
				if (random.nextDouble() < 0.03) {
					continue; // a day without data
				}
				String timestamp = START.plusDays(d).atTime(23, 30).toInstant(ZoneOffset.UTC).toString();
				String row = String.format(Locale.ROOT, "%s,%s,%.2f,%.5f,%.5f,%s", pool, timestamp, tvl,
						apyBase + reward, apyBase, (reward > 0) ? String.format(Locale.ROOT, "%.5f", reward) : "");
				csv.append(edit.apply(row)).append('\n');
			}
		}
		return csv.toString();
	}

	static List<PoolHistory> pools(String csv) {
		try {
			return HistoryCsv.read(new StringReader(csv));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Hyperparameters quick() {
		return new Hyperparameters(60, 0.1, 3, 5, 0.8, 0.8, 1.0, 7L, 45, 1.0, 0.5, 1.0);
	}

}
