package com.yieldpilot.market.internal.store;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.internal.db.tables.records.MarketPoolRecord;
import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;
import org.jooq.InsertSetMoreStep;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.market.internal.db.Tables.MARKET_POOL;

@Repository
class JooqPoolRegistry implements PoolRegistry {

	private static final int CHUNK = 1000;

	private final DSLContext dsl;

	private final Clock clock;

	JooqPoolRegistry(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean register(PoolDescriptor pool) {
		return registerAll(List.of(pool)) == 1;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int registerAll(Collection<PoolDescriptor> pools) {
		// one multi-row INSERT per chunk: a DefiLlama batch names ~20,000 pools, nearly
		// all known already
		List<PoolDescriptor> all = List.copyOf(pools);
		OffsetDateTime now = OffsetDateTime.now(this.clock);
		int added = 0;
		for (int start = 0; start < all.size(); start += CHUNK) {
			InsertSetMoreStep<MarketPoolRecord> insert = null;
			for (PoolDescriptor pool : all.subList(start, Math.min(all.size(), start + CHUNK))) {
				insert = ((insert == null) ? this.dsl.insertInto(MARKET_POOL) : insert.newRecord())
					.set(record(pool, now));
			}
			added += (insert != null) ? insert.onConflictDoNothing().execute() : 0;
		}
		return added;
	}

	private static MarketPoolRecord record(PoolDescriptor pool, OffsetDateTime now) {
		MarketPoolRecord record = new MarketPoolRecord();
		record.setId(pool.id());
		record.setProtocol(pool.id().protocol());
		record.setChain(pool.id().chain());
		record.setAsset(pool.id().asset());
		record.setQualifier_(pool.id().qualifier());
		record.setDefillamaId((pool.defiLlamaId() != null) ? UUID.fromString(pool.defiLlamaId()) : null);
		record.setVaultAddress(pool.vaultAddress());
		record.setStablecoin(pool.stablecoin());
		record.setOrigin(pool.origin().name());
		record.setCreatedAt(now);
		return record;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void attach(PoolDescriptor pool, PoolContracts contracts) {
		if (!pool.id().equals(contracts.pool())) {
			throw new IllegalArgumentException("Contracts of " + contracts.pool() + " attached to " + pool.id());
		}
		register(pool);
		this.dsl.update(MARKET_POOL)
			.set(MARKET_POOL.VAULT_ADDRESS, contracts.vault())
			.set(MARKET_POOL.PRICE_FEED, contracts.priceFeed())
			.set(MARKET_POOL.ASSET_DECIMALS, contracts.assetDecimals())
			.set(MARKET_POOL.VERSION, MARKET_POOL.VERSION.plus(1))
			.where(MARKET_POOL.ID.eq(pool.id()))
			.execute();
	}

	@Override
	public List<PoolContracts> contracts(PoolDescriptor.Origin origin) {
		return this.dsl
			.select(MARKET_POOL.ID, MARKET_POOL.VAULT_ADDRESS, MARKET_POOL.PRICE_FEED, MARKET_POOL.ASSET_DECIMALS)
			.from(MARKET_POOL)
			.where(MARKET_POOL.ORIGIN.eq(origin.name()))
			.and(MARKET_POOL.VAULT_ADDRESS.isNotNull())
			.and(MARKET_POOL.PRICE_FEED.isNotNull())
			.and(MARKET_POOL.ASSET_DECIMALS.isNotNull())
			.orderBy(MARKET_POOL.ID)
			.fetch(r -> new PoolContracts(r.value1(), r.value2(), r.value3(), r.value4()));
	}

	@Override
	public Optional<PoolDescriptor> find(PoolId id) {
		return this.dsl.selectFrom(MARKET_POOL).where(MARKET_POOL.ID.eq(id)).fetchOptional(JooqPoolRegistry::toPool);
	}

	@Override
	public List<PoolDescriptor> find(java.util.Collection<PoolId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.dsl.selectFrom(MARKET_POOL)
			.where(MARKET_POOL.ID.in(ids))
			.orderBy(MARKET_POOL.ID)
			.fetch(JooqPoolRegistry::toPool);
	}

	@Override
	public List<PoolDescriptor> all() {
		return this.dsl.selectFrom(MARKET_POOL).orderBy(MARKET_POOL.ID).fetch(JooqPoolRegistry::toPool);
	}

	@Override
	public int count() {
		return this.dsl.fetchCount(MARKET_POOL);
	}

	@Override
	public java.util.Map<String, PoolId> byDefiLlamaId() {
		return this.dsl.select(MARKET_POOL.DEFILLAMA_ID, MARKET_POOL.ID)
			.from(MARKET_POOL)
			.where(MARKET_POOL.DEFILLAMA_ID.isNotNull())
			.fetchMap(r -> r.value1().toString(), r -> r.value2());
	}

	static PoolDescriptor toPool(MarketPoolRecord r) {
		return new PoolDescriptor(r.getId(), (r.getDefillamaId() != null) ? r.getDefillamaId().toString() : null,
				r.getVaultAddress(), r.getStablecoin(), PoolDescriptor.Origin.valueOf(r.getOrigin()));
	}

}
