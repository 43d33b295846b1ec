package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.yieldpilot.market.Disagreement;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolInconsistency;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.db.tables.records.MarketCrossCheckRecord;
import com.yieldpilot.shared.PoolId;
import org.jooq.Condition;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.market.internal.db.Tables.MARKET_CROSS_CHECK;
import static org.jooq.impl.DSL.excluded;
import static org.jooq.impl.DSL.noCondition;

@Repository
class JooqCrossCheckStore implements CrossCheckStore {

	private final DSLContext dsl;

	JooqCrossCheckStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public List<Comparison> comparisons(Collection<PoolId> pools) {
		if (pools.isEmpty()) {
			return List.of();
		}
		return this.dsl.selectFrom(MARKET_CROSS_CHECK)
			.where(MARKET_CROSS_CHECK.POOL_ID.in(pools))
			.fetch(JooqCrossCheckStore::comparison);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void save(Collection<Comparison> comparisons) {
		if (comparisons.isEmpty()) {
			return;
		}
		var insert = this.dsl.insertInto(MARKET_CROSS_CHECK, MARKET_CROSS_CHECK.POOL_ID, MARKET_CROSS_CHECK.METRIC,
				MARKET_CROSS_CHECK.REFERENCE_SOURCE, MARKET_CROSS_CHECK.CONSISTENT, MARKET_CROSS_CHECK.SINCE,
				MARKET_CROSS_CHECK.CHECKED_AT, MARKET_CROSS_CHECK.REFERENCE_VALUE, MARKET_CROSS_CHECK.REFERENCE_AT,
				MARKET_CROSS_CHECK.CHAIN_VALUE, MARKET_CROSS_CHECK.CHAIN_AT, MARKET_CROSS_CHECK.DIFFERENCE,
				MARKET_CROSS_CHECK.TOLERANCE);
		var values = insert;
		for (Comparison c : comparisons) {
			values = values.values(c.pool(), c.metric().name(), c.reference().name(), c.consistent(), utc(c.since()),
					utc(c.checkedAt()), c.referenceValue(), utc(c.referenceAt()), c.chainValue(), utc(c.chainAt()),
					c.difference(), c.tolerance());
		}
		values.onConflict(MARKET_CROSS_CHECK.POOL_ID, MARKET_CROSS_CHECK.METRIC, MARKET_CROSS_CHECK.REFERENCE_SOURCE)
			.doUpdate()
			.set(MARKET_CROSS_CHECK.CONSISTENT, excluded(MARKET_CROSS_CHECK.CONSISTENT))
			.set(MARKET_CROSS_CHECK.SINCE, excluded(MARKET_CROSS_CHECK.SINCE))
			.set(MARKET_CROSS_CHECK.CHECKED_AT, excluded(MARKET_CROSS_CHECK.CHECKED_AT))
			.set(MARKET_CROSS_CHECK.REFERENCE_VALUE, excluded(MARKET_CROSS_CHECK.REFERENCE_VALUE))
			.set(MARKET_CROSS_CHECK.REFERENCE_AT, excluded(MARKET_CROSS_CHECK.REFERENCE_AT))
			.set(MARKET_CROSS_CHECK.CHAIN_VALUE, excluded(MARKET_CROSS_CHECK.CHAIN_VALUE))
			.set(MARKET_CROSS_CHECK.CHAIN_AT, excluded(MARKET_CROSS_CHECK.CHAIN_AT))
			.set(MARKET_CROSS_CHECK.DIFFERENCE, excluded(MARKET_CROSS_CHECK.DIFFERENCE))
			.set(MARKET_CROSS_CHECK.TOLERANCE, excluded(MARKET_CROSS_CHECK.TOLERANCE))
			.execute();
	}

	@Override
	public Map<PoolId, PoolInconsistency> inconsistencies(Collection<PoolId> pools) {
		if (pools.isEmpty()) {
			return Map.of();
		}
		return inconsistent(MARKET_CROSS_CHECK.POOL_ID.in(pools));
	}

	@Override
	public List<PoolInconsistency> inconsistencies() {
		return inconsistent(noCondition()).values()
			.stream()
			.sorted(Comparator.comparing(PoolInconsistency::since).thenComparing(PoolInconsistency::pool))
			.toList();
	}

	private Map<PoolId, PoolInconsistency> inconsistent(Condition pools) {
		Map<PoolId, List<Disagreement>> disagreements = this.dsl.selectFrom(MARKET_CROSS_CHECK)
			.where(MARKET_CROSS_CHECK.CONSISTENT.isFalse())
			.and(pools)
			.orderBy(MARKET_CROSS_CHECK.POOL_ID, MARKET_CROSS_CHECK.METRIC, MARKET_CROSS_CHECK.REFERENCE_SOURCE)
			.fetch(JooqCrossCheckStore::comparison)
			.stream()
			.collect(Collectors.groupingBy(Comparison::pool, LinkedHashMap::new,
					Collectors.mapping(Comparison::disagreement, Collectors.toList())));
		Map<PoolId, PoolInconsistency> result = new LinkedHashMap<>();
		disagreements.forEach((pool, list) -> result.put(pool, PoolInconsistency.of(pool, list)));
		return result;
	}

	private static Comparison comparison(MarketCrossCheckRecord r) {
		return new Comparison(r.getPoolId(), Metric.valueOf(r.getMetric()), Source.valueOf(r.getReferenceSource()),
				r.getConsistent(), r.getSince().toInstant(), r.getCheckedAt().toInstant(), r.getReferenceValue(),
				r.getReferenceAt().toInstant(), r.getChainValue(), r.getChainAt().toInstant(), r.getDifference(),
				r.getTolerance());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
