package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.yieldpilot.market.InvalidRegistryEntryException;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.ReadKind;
import com.yieldpilot.market.RegistryEntry;
import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.market.internal.db.tables.records.MarketPoolRecord;
import com.yieldpilot.shared.PoolId;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.market.internal.db.Tables.MARKET_POOL;
import static com.yieldpilot.market.internal.db.Tables.MARKET_REGISTRY_FILE;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.val;

@Repository
class JooqRegistryStore implements RegistryStore {

	private static final Logger log = LoggerFactory.getLogger(JooqRegistryStore.class);

	/** The advisory lock key of registry file loads ("YPREGFIL" in ASCII). */
	private static final long FILE_LOCK = 0x5950524547_46494CL;

	private final DSLContext dsl;

	JooqRegistryStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public Optional<RegistryEntry> find(PoolId id) {
		return this.dsl.selectFrom(MARKET_POOL).where(MARKET_POOL.ID.eq(id)).fetchOptional(JooqRegistryStore::toEntry);
	}

	@Override
	public List<RegistryEntry> page(int offset, int limit) {
		return this.dsl.selectFrom(MARKET_POOL)
			.orderBy(MARKET_POOL.ID)
			.offset(offset)
			.limit(limit)
			.fetch(JooqRegistryStore::toEntry);
	}

	@Override
	public int count() {
		return this.dsl.fetchCount(MARKET_POOL);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(RegistryEntryData data, RegistryEntry.ManagedBy managedBy, @Nullable String file, Instant at) {
		MarketPoolRecord record = this.dsl.newRecord(MARKET_POOL);
		PoolId id = data.id();
		record.setId(id);
		record.setProtocol(id.protocol());
		record.setChain(id.chain());
		record.setAsset(id.asset());
		record.setQualifier_(id.qualifier());
		record.setOrigin(PoolDescriptor.Origin.REGISTRY.name());
		record.setCreatedAt(utc(at));
		apply(record, data, managedBy, file, at);
		record.insert();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean update(PoolId id, long version, RegistryEntryData data, RegistryEntry.ManagedBy managedBy,
			@Nullable String file, Instant at) {
		MarketPoolRecord record = this.dsl.newRecord(MARKET_POOL);
		apply(record, data, managedBy, file, at);
		record.setOrigin(PoolDescriptor.Origin.REGISTRY.name());
		record.setVersion(version + 1);
		record.changed(MARKET_POOL.ID, false);
		return this.dsl.update(MARKET_POOL)
			.set(record)
			.where(MARKET_POOL.ID.eq(id))
			.and(MARKET_POOL.VERSION.eq(version))
			.execute() == 1;
	}

	private static void apply(MarketPoolRecord record, RegistryEntryData data, RegistryEntry.ManagedBy managedBy,
			@Nullable String file, Instant at) {
		ReadKind kind = data.kind();
		record.setLabel(data.name());
		record.setReader(kind.onChain() ? kind.name() : null);
		record.setVaultAddress((kind == ReadKind.ERC4626) ? data.contract() : null);
		record.setAavePool((kind == ReadKind.AAVE_V3) ? data.contract() : null);
		record.setCometAddress((kind == ReadKind.COMPOUND_V3) ? data.contract() : null);
		record.setAssetAddress(data.asset());
		record.setAssetDecimals(data.assetDecimals());
		record.setPriceFeed(data.priceFeed());
		record.setDefillamaId((data.defiLlamaId() != null) ? UUID.fromString(data.defiLlamaId()) : null);
		record.setStablecoin(data.stablecoin());
		record.setManagedBy(managedBy.name());
		record.setRegistryFile((managedBy == RegistryEntry.ManagedBy.FILE) ? file : null);
		record.setUpdatedAt(utc(at));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean retire(PoolId id, String file, Instant at) {
		return this.dsl.update(MARKET_POOL)
			.set(MARKET_POOL.ORIGIN, PoolDescriptor.Origin.WATCHED.name())
			.setNull(MARKET_POOL.READER)
			.setNull(MARKET_POOL.MANAGED_BY)
			.setNull(MARKET_POOL.REGISTRY_FILE)
			.set(MARKET_POOL.UPDATED_AT, utc(at))
			.set(MARKET_POOL.VERSION, MARKET_POOL.VERSION.plus(1))
			.where(MARKET_POOL.ID.eq(id))
			.and(MARKET_POOL.MANAGED_BY.eq(RegistryEntry.ManagedBy.FILE.name()))
			.and(MARKET_POOL.REGISTRY_FILE.eq(file))
			.execute() == 1;
	}

	@Override
	public List<RegistryEntry> ownedBy(String file) {
		return this.dsl.selectFrom(MARKET_POOL)
			.where(MARKET_POOL.MANAGED_BY.eq(RegistryEntry.ManagedBy.FILE.name()))
			.and(MARKET_POOL.REGISTRY_FILE.eq(file))
			.orderBy(MARKET_POOL.ID)
			.fetch(JooqRegistryStore::toEntry);
	}

	@Override
	public Optional<PoolId> holderOfDefiLlamaId(String defiLlamaId) {
		return this.dsl.select(MARKET_POOL.ID)
			.from(MARKET_POOL)
			.where(MARKET_POOL.DEFILLAMA_ID.eq(UUID.fromString(defiLlamaId)))
			.fetchOptional(MARKET_POOL.ID);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void clearDefiLlamaId(PoolId id) {
		this.dsl.update(MARKET_POOL)
			.setNull(MARKET_POOL.DEFILLAMA_ID)
			.set(MARKET_POOL.VERSION, MARKET_POOL.VERSION.plus(1))
			.where(MARKET_POOL.ID.eq(id))
			.execute();
	}

	@Override
	public Optional<String> fileChecksum(String file) {
		return this.dsl.select(MARKET_REGISTRY_FILE.CHECKSUM)
			.from(MARKET_REGISTRY_FILE)
			.where(MARKET_REGISTRY_FILE.NAME.eq(file))
			.fetchOptional(MARKET_REGISTRY_FILE.CHECKSUM);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordFile(String file, String checksum, int pools, Instant at) {
		this.dsl.insertInto(MARKET_REGISTRY_FILE)
			.set(MARKET_REGISTRY_FILE.NAME, file)
			.set(MARKET_REGISTRY_FILE.CHECKSUM, checksum)
			.set(MARKET_REGISTRY_FILE.POOLS, pools)
			.set(MARKET_REGISTRY_FILE.LOADED_AT, utc(at))
			.onConflict(MARKET_REGISTRY_FILE.NAME)
			.doUpdate()
			.set(MARKET_REGISTRY_FILE.CHECKSUM, checksum)
			.set(MARKET_REGISTRY_FILE.POOLS, pools)
			.set(MARKET_REGISTRY_FILE.LOADED_AT, utc(at))
			.execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockFiles() {
		this.dsl.select(function("pg_advisory_xact_lock", SQLDataType.OTHER, val(FILE_LOCK))).fetch();
	}

	@Override
	public List<OnChainPool> onChain(String chain) {
		return this.dsl.selectFrom(MARKET_POOL)
			.where(MARKET_POOL.ORIGIN.eq(PoolDescriptor.Origin.REGISTRY.name()))
			.and(MARKET_POOL.CHAIN.eq(chain))
			.and(MARKET_POOL.READER.isNotNull())
			.orderBy(MARKET_POOL.ID)
			.fetch(JooqRegistryStore::toOnChain);
	}

	private static OnChainPool toOnChain(MarketPoolRecord r) {
		ReadKind kind = ReadKind.valueOf(r.getReader());
		String contract = switch (kind) {
			case ERC4626 -> r.getVaultAddress();
			case AAVE_V3 -> r.getAavePool();
			case COMPOUND_V3 -> r.getCometAddress();
			case NONE -> null;
		};
		return new OnChainPool(r.getId(), kind, String.valueOf(contract), r.getAssetAddress(),
				(r.getAssetDecimals() != null) ? r.getAssetDecimals() : 0, r.getPriceFeed());
	}

	private static RegistryEntry toEntry(MarketPoolRecord r) {
		PoolDescriptor.Origin origin = PoolDescriptor.Origin.valueOf(r.getOrigin());
		RegistryEntry.ManagedBy managedBy = (r.getManagedBy() != null)
				? RegistryEntry.ManagedBy.valueOf(r.getManagedBy()) : null;
		return new RegistryEntry(data(r), origin, managedBy, r.getRegistryFile(), r.getVersion(),
				(r.getUpdatedAt() != null) ? r.getUpdatedAt().toInstant() : null);
	}

	private static RegistryEntryData data(MarketPoolRecord r) {
		ReadKind kind = (r.getReader() != null) ? ReadKind.valueOf(r.getReader())
				: (r.getVaultAddress() != null && r.getAssetDecimals() != null) ? ReadKind.ERC4626 : ReadKind.NONE;
		String contract = switch (kind) {
			case ERC4626 -> r.getVaultAddress();
			case AAVE_V3 -> r.getAavePool();
			case COMPOUND_V3 -> r.getCometAddress();
			case NONE -> null;
		};
		String defiLlamaId = (r.getDefillamaId() != null) ? r.getDefillamaId().toString() : null;
		try {
			return new RegistryEntryData(r.getId(), r.getLabel(), kind, contract, r.getAssetAddress(),
					r.getAssetDecimals(), r.getPriceFeed(), defiLlamaId, r.getStablecoin());
		}
		catch (InvalidRegistryEntryException ex) {
			// rows written before the registry checked its entries: show them without
			// their on-chain part rather than hide them
			log.warn("Pool {} has registry data that no longer passes its checks: {}", r.getId(), ex.getMessage());
			return new RegistryEntryData(r.getId(), r.getLabel(), ReadKind.NONE, null, null, null, null, defiLlamaId,
					r.getStablecoin());
		}
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
