package com.yieldpilot.rules.lang;

import java.util.Objects;

import com.yieldpilot.shared.PoolId;

/**
 * What a metric is read for: a pool, or a name that the metric's scope makes a chain
 * ({@code gas(base)}) or an asset ({@code price(USDC)}).
 */
public sealed interface Subject {

	/** A pool, by its id. */
	record Pool(PoolId id) implements Subject {

		public Pool {
			Objects.requireNonNull(id, "id");
		}

		@Override
		public String toString() {
			return this.id.toString();
		}

	}

	/** A chain or an asset, resolved by the metric at validation. */
	record Named(String name) implements Subject {

		public Named {
			Lexicon.requireName(Objects.requireNonNull(name, "name"), "chain or asset");
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
