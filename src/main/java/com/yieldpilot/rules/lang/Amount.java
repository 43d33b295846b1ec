package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How much an action moves: a share of what is there ({@code 100%}), US dollars
 * ({@code $5k}) or tokens of the pool's asset ({@code 5000 USDC}).
 */
public sealed interface Amount {

	/** A share, more than 0% and at most 100%, of the position or idle balance. */
	record Share(BigDecimal percent) implements Amount {

		private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

		public Share {
			percent = Numbers.require(Objects.requireNonNull(percent, "percent"));
			if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
				throw new IllegalArgumentException(
						"A share is more than 0% and at most 100%, not " + percent.toPlainString() + "%");
			}
		}

	}

	/** An amount in US dollars, more than zero. */
	record Usd(BigDecimal dollars) implements Amount {

		public Usd {
			dollars = positive(dollars);
		}

	}

	/** A number of tokens, more than zero, of the asset named by the symbol. */
	record Tokens(BigDecimal quantity, String symbol) implements Amount {

		public Tokens {
			quantity = positive(quantity);
			if (!Lexicon.isUnitName(Objects.requireNonNull(symbol, "symbol"))) {
				throw new IllegalArgumentException("'" + RuleText.printable(symbol) + "' is not a token symbol");
			}
			// these read as units, not tokens: dollars are Usd, bps and gwei are
			// no amounts
			if (Set.of("usd", "bps", "gwei").contains(symbol.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("'" + symbol + "' is a unit, not a token symbol");
			}
		}

	}

	private static BigDecimal positive(BigDecimal value) {
		BigDecimal normal = Numbers.require(Objects.requireNonNull(value, "value"));
		if (normal.signum() <= 0) {
			throw new IllegalArgumentException("An amount must be more than zero");
		}
		return normal;
	}

}
