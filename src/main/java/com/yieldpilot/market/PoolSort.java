package com.yieldpilot.market;

import java.util.Objects;

/**
 * The order of the pools explorer. Pools without the sorted metric come last either way;
 * pools with equal values are ordered by id, so pages never overlap.
 */
public record PoolSort(Key key, boolean descending) {

	/** By id, A to Z: the explorer's default. */
	public static final PoolSort BY_ID = new PoolSort(Key.ID, false);

	public PoolSort {
		Objects.requireNonNull(key, "key");
	}

	/** What can be sorted on. */
	public enum Key {

		ID, APY, TVL

	}

}
