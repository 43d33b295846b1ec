package com.yieldpilot.market.internal.store;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.PoolFacets;
import com.yieldpilot.market.PoolFilter;
import com.yieldpilot.market.PoolSort;
import com.yieldpilot.market.internal.db.tables.MetricLatest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.Table;

import org.springframework.stereotype.Repository;

import static com.yieldpilot.market.internal.db.Tables.MARKET_POOL;
import static com.yieldpilot.market.internal.db.Tables.METRIC_LATEST;
import static org.jooq.impl.DSL.lower;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectDistinct;

@Repository
class JooqPoolQuery implements PoolQuery {

	private final DSLContext dsl;

	JooqPoolQuery(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public List<PoolDescriptor> find(PoolFilter filter, PoolSort sort, int offset, int limit) {
		Set<Metric> read = metricsRead(filter);
		metric(sort.key()).ifPresent(read::add);
		Condition pools = registryConditions(filter);
		NewestValues newest = new NewestValues(read, pools);
		return this.dsl.select(MARKET_POOL.fields())
			.from(newest.table())
			.where(pools)
			.and(valueConditions(filter, newest))
			.orderBy(order(sort, newest))
			.offset(offset)
			.limit(limit)
			.fetch(r -> JooqPoolRegistry.toPool(r.into(MARKET_POOL)));
	}

	@Override
	public int count(PoolFilter filter) {
		Condition pools = registryConditions(filter);
		NewestValues newest = new NewestValues(metricsRead(filter), pools);
		return this.dsl.selectCount()
			.from(newest.table())
			.where(pools)
			.and(valueConditions(filter, newest))
			.fetchSingle()
			.value1();
	}

	@Override
	public PoolFacets facets() {
		List<String> chains = this.dsl.selectDistinct(MARKET_POOL.CHAIN)
			.from(MARKET_POOL)
			.orderBy(MARKET_POOL.CHAIN)
			.fetch(MARKET_POOL.CHAIN);
		List<String> protocols = this.dsl.selectDistinct(MARKET_POOL.PROTOCOL)
			.from(MARKET_POOL)
			.orderBy(MARKET_POOL.PROTOCOL)
			.fetch(MARKET_POOL.PROTOCOL);
		// the asset filter ignores case, so USDC and usdc are one choice (the upper-case
		// spelling, which sorts first)
		List<String> assets = new ArrayList<>(this.dsl.select(min(MARKET_POOL.ASSET))
			.from(MARKET_POOL)
			.groupBy(lower(MARKET_POOL.ASSET))
			.fetch(0, String.class));
		assets.sort(String.CASE_INSENSITIVE_ORDER);
		return new PoolFacets(chains, protocols, assets);
	}

	private static Set<Metric> metricsRead(PoolFilter filter) {
		Set<Metric> metrics = EnumSet.noneOf(Metric.class);
		for (Metric metric : List.of(Metric.APY, Metric.TVL, Metric.RISK)) {
			if (filter.reads(metric)) {
				metrics.add(metric);
			}
		}
		return metrics;
	}

	private static Optional<Metric> metric(PoolSort.Key key) {
		return switch (key) {
			case ID -> Optional.empty();
			case APY -> Optional.of(Metric.APY);
			case TVL -> Optional.of(Metric.TVL);
		};
	}

	/** The criteria on the registry's own columns. */
	private static Condition registryConditions(PoolFilter filter) {
		Condition condition = noCondition();
		// the registry stores chain and protocol in lower case (the pool id's grammar),
		// so a plain comparison finds them in any case the user types
		if (filter.chain() != null) {
			condition = condition.and(MARKET_POOL.CHAIN.eq(filter.chain().toLowerCase(Locale.ROOT)));
		}
		if (filter.protocol() != null) {
			condition = condition.and(MARKET_POOL.PROTOCOL.eq(filter.protocol().toLowerCase(Locale.ROOT)));
		}
		if (filter.asset() != null) {
			condition = condition.and(lower(MARKET_POOL.ASSET).eq(filter.asset().toLowerCase(Locale.ROOT)));
		}
		if (filter.text() != null) {
			// containsIgnoreCase escapes LIKE wildcards: the text stays a plain substring
			condition = condition.and(MARKET_POOL.ID.coerce(String.class).containsIgnoreCase(filter.text()));
		}
		return condition;
	}

	/** The bounds on the newest metric values. */
	private static Condition valueConditions(PoolFilter filter, NewestValues newest) {
		Condition condition = noCondition();
		if (filter.minApy() != null) {
			condition = condition.and(newest.value(Metric.APY).ge(filter.minApy()));
		}
		if (filter.maxApy() != null) {
			condition = condition.and(newest.value(Metric.APY).le(filter.maxApy()));
		}
		if (filter.minTvl() != null) {
			condition = condition.and(newest.value(Metric.TVL).ge(filter.minTvl()));
		}
		if (filter.maxRisk() != null) {
			condition = condition.and(newest.value(Metric.RISK).le(filter.maxRisk()));
		}
		return condition;
	}

	private static List<SortField<?>> order(PoolSort sort, NewestValues newest) {
		List<SortField<?>> order = new ArrayList<>(2);
		metric(sort.key()).map(newest::value)
			.ifPresent(value -> order.add((sort.descending() ? value.desc() : value.asc()).nullsLast()));
		order.add((sort.key() == PoolSort.Key.ID && sort.descending()) ? MARKET_POOL.ID.desc() : MARKET_POOL.ID.asc());
		return order;
	}

	/**
	 * The pools joined with the newest value of each metric a query reads. "Newest" is
	 * the value observed last across sources, and between values observed at the same
	 * instant the one whose source name sorts first: the rule {@code PoolSnapshot.value}
	 * applies, so a pool a filter admits shows the value it was admitted for.
	 * <p>
	 * One pass over the latest values picks each pool's newest value per metric
	 * ({@code DISTINCT ON}), limited to the pools the registry criteria admit, and turns
	 * them into one row per pool, which is joined once. The planner reads a few pools'
	 * values through the primary key and all pools' values in one scan. A lookup per pool
	 * and metric ({@code LATERAL}) took two to four times as long when a sort or a bound
	 * had to see all 20,000 pools, and one joined table per metric let a misjudged search
	 * text turn the joins quadratic ({@code PoolExplorerBenchmark}).
	 */
	private static final class NewestValues {

		private final Map<Metric, Field<Double>> values = new EnumMap<>(Metric.class);

		private final Table<?> table;

		NewestValues(Set<Metric> metrics, Condition pools) {
			if (metrics.isEmpty()) {
				this.table = MARKET_POOL;
				return;
			}
			MetricLatest latest = METRIC_LATEST.as("latest");
			Condition admitted = (pools == noCondition()) ? noCondition()
					: latest.SUBJECT.in(select(MARKET_POOL.ID.coerce(String.class)).from(MARKET_POOL).where(pools));
			Table<?> rows = selectDistinct(latest.SUBJECT, latest.METRIC, latest.VALUE)
				.on(latest.SUBJECT, latest.METRIC)
				.from(latest)
				.where(latest.METRIC.in(metrics.stream().map(Metric::name).toList()))
				.and(admitted)
				.orderBy(latest.SUBJECT, latest.METRIC, latest.OBSERVED_AT.desc(), latest.SOURCE)
				.asTable("newest_rows");
			Field<String> subject = rows.field(latest.SUBJECT);
			List<Field<?>> columns = new ArrayList<>();
			columns.add(subject);
			for (Metric metric : metrics) {
				columns.add(max(rows.field(latest.VALUE)).filterWhere(rows.field(latest.METRIC).eq(metric.name()))
					.as(metric.name().toLowerCase(Locale.ROOT)));
			}
			Table<?> newest = select(columns).from(rows).groupBy(subject).asTable("newest");
			this.table = MARKET_POOL.leftJoin(newest).on(newest.field(subject).eq(MARKET_POOL.ID.coerce(String.class)));
			for (Metric metric : metrics) {
				this.values.put(metric, newest.field(metric.name().toLowerCase(Locale.ROOT), Double.class));
			}
		}

		Table<?> table() {
			return this.table;
		}

		Field<Double> value(Metric metric) {
			Field<Double> value = this.values.get(metric);
			if (value == null) {
				throw new IllegalStateException(metric + " was not joined");
			}
			return value;
		}

	}

}
