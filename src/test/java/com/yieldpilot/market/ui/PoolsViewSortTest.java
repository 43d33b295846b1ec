package com.yieldpilot.market.ui;

import java.util.List;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.yieldpilot.market.PoolSort;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoolsViewSortTest {

	@Test
	void theGridsSortOrderBecomesThePoolSort() {
		assertThat(PoolsView.sort(List.of())).isEqualTo(PoolSort.BY_ID);
		assertThat(PoolsView.sort(List.of(new QuerySortOrder("apy", SortDirection.DESCENDING))))
			.isEqualTo(new PoolSort(PoolSort.Key.APY, true));
		assertThat(PoolsView.sort(List.of(new QuerySortOrder("tvl", SortDirection.ASCENDING),
				new QuerySortOrder("apy", SortDirection.DESCENDING))))
			.isEqualTo(new PoolSort(PoolSort.Key.TVL, false));
		assertThat(PoolsView.sort(List.of(new QuerySortOrder("id", SortDirection.DESCENDING))))
			.isEqualTo(new PoolSort(PoolSort.Key.ID, true));
	}

}
