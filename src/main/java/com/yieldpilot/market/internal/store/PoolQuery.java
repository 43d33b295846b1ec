package com.yieldpilot.market.internal.store;

import java.util.List;

import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.PoolFacets;
import com.yieldpilot.market.PoolFilter;
import com.yieldpilot.market.PoolSort;

/**
 * The pools explorer's reads: pools matching a filter on their registry fields and their
 * newest metric values, in order and page by page.
 */
public interface PoolQuery {

	List<PoolDescriptor> find(PoolFilter filter, PoolSort sort, int offset, int limit);

	int count(PoolFilter filter);

	PoolFacets facets();

}
