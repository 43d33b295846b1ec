package com.yieldpilot.market;

import java.util.List;

/** One page of the pools a filter matches, and how many match in all. */
public record PoolPage(List<PoolSnapshot> items, int total) {

	public PoolPage {
		items = List.copyOf(items);
	}

}
