package com.yieldpilot.vault.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;
import com.yieldpilot.vault.internal.db.tables.records.VaultRecord;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.vault.internal.db.Tables.PORTFOLIO_SNAPSHOT;
import static com.yieldpilot.vault.internal.db.Tables.VAULT;
import static com.yieldpilot.vault.internal.db.Tables.VAULT_FACTORY;

@Repository
class JooqVaultRepository implements VaultRepository {

	private final DSLContext db;

	JooqVaultRepository(DSLContext db) {
		this.db = db;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(Vault vault) {
		this.db.insertInto(VAULT)
			.set(VAULT.ID, vault.id())
			.set(VAULT.USER_ID, vault.user())
			.set(VAULT.CHAIN_ID, vault.chainId())
			.set(VAULT.ADDRESS, vault.address())
			.set(VAULT.OWNER_ADDRESS, vault.ownerAddress())
			.set(VAULT.ASSET_ADDRESS, vault.assetAddress())
			.set(VAULT.ASSET_SYMBOL, vault.assetSymbol())
			.set(VAULT.ASSET_DECIMALS, vault.assetDecimals())
			.set(VAULT.CREATED_AT, vault.createdAt().atOffset(ZoneOffset.UTC))
			.execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void delete(VaultId vault) {
		this.db.deleteFrom(PORTFOLIO_SNAPSHOT).where(PORTFOLIO_SNAPSHOT.VAULT_ID.eq(vault)).execute();
		this.db.deleteFrom(VAULT).where(VAULT.ID.eq(vault)).execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void updateOwner(VaultId vault, String owner) {
		this.db.update(VAULT)
			.set(VAULT.OWNER_ADDRESS, owner)
			.set(VAULT.VERSION, VAULT.VERSION.plus(1))
			.where(VAULT.ID.eq(vault))
			.execute();
	}

	@Override
	public Optional<String> factory(long chainId) {
		return this.db.select(VAULT_FACTORY.ADDRESS)
			.from(VAULT_FACTORY)
			.where(VAULT_FACTORY.CHAIN_ID.eq(chainId))
			.fetchOptional(VAULT_FACTORY.ADDRESS);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordFactory(long chainId, String address, Instant at) {
		this.db.insertInto(VAULT_FACTORY)
			.set(VAULT_FACTORY.CHAIN_ID, chainId)
			.set(VAULT_FACTORY.ADDRESS, address)
			.set(VAULT_FACTORY.DEPLOYED_AT, at.atOffset(ZoneOffset.UTC))
			.onConflict(VAULT_FACTORY.CHAIN_ID)
			.doUpdate()
			.set(VAULT_FACTORY.ADDRESS, address)
			.set(VAULT_FACTORY.DEPLOYED_AT, at.atOffset(ZoneOffset.UTC))
			.execute();
	}

	@Override
	public List<Vault> byUser(UserId user) {
		return this.db.selectFrom(VAULT)
			.where(VAULT.USER_ID.eq(user))
			.orderBy(VAULT.CREATED_AT, VAULT.ID)
			.fetch(JooqVaultRepository::vault);
	}

	@Override
	public List<Vault> byUsers(Collection<UserId> users) {
		if (users.isEmpty()) {
			return List.of();
		}
		return this.db.selectFrom(VAULT)
			.where(VAULT.USER_ID.in(users))
			.orderBy(VAULT.CREATED_AT, VAULT.ID)
			.fetch(JooqVaultRepository::vault);
	}

	@Override
	public Optional<Vault> byUserAndChain(UserId user, long chainId) {
		return this.db.selectFrom(VAULT)
			.where(VAULT.USER_ID.eq(user).and(VAULT.CHAIN_ID.eq(chainId)))
			.fetchOptional(JooqVaultRepository::vault);
	}

	@Override
	public List<Vault> all() {
		return this.db.selectFrom(VAULT).orderBy(VAULT.CREATED_AT, VAULT.ID).fetch(JooqVaultRepository::vault);
	}

	@Override
	public Deposits deposits(VaultId vault) {
		return this.db.select(VAULT.NET_DEPOSITS, VAULT.SCANNED_BLOCK)
			.from(VAULT)
			.where(VAULT.ID.eq(vault))
			.fetchOne((r) -> new Deposits(r.value1(), r.value2()));
	}

	@Override
	public Map<VaultId, Deposits> deposits(Collection<VaultId> vaults) {
		Map<VaultId, Deposits> deposits = new HashMap<>();
		if (!vaults.isEmpty()) {
			this.db.select(VAULT.ID, VAULT.NET_DEPOSITS, VAULT.SCANNED_BLOCK)
				.from(VAULT)
				.where(VAULT.ID.in(vaults))
				.forEach((r) -> deposits.put(r.value1(), new Deposits(r.value2(), r.value3())));
		}
		return deposits;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void updateDeposits(VaultId vault, Deposits deposits) {
		this.db.update(VAULT)
			.set(VAULT.NET_DEPOSITS, deposits.net())
			.set(VAULT.SCANNED_BLOCK, deposits.scannedBlock())
			.set(VAULT.VERSION, VAULT.VERSION.plus(1))
			.where(VAULT.ID.eq(vault))
			.execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insertSnapshot(VaultId vault, Instant at, long block, BigInteger value, BigInteger netDeposits) {
		this.db.insertInto(PORTFOLIO_SNAPSHOT)
			.set(PORTFOLIO_SNAPSHOT.VAULT_ID, vault)
			.set(PORTFOLIO_SNAPSHOT.TAKEN_AT, at.atOffset(ZoneOffset.UTC))
			.set(PORTFOLIO_SNAPSHOT.BLOCK_NUMBER, block)
			.set(PORTFOLIO_SNAPSHOT.VALUE, value)
			.set(PORTFOLIO_SNAPSHOT.NET_DEPOSITS, netDeposits)
			.onConflictDoNothing()
			.execute();
	}

	@Override
	public List<Snapshot> snapshots(List<VaultId> vaults, Instant from) {
		return this.db.selectFrom(PORTFOLIO_SNAPSHOT)
			.where(PORTFOLIO_SNAPSHOT.VAULT_ID.in(vaults))
			.and(PORTFOLIO_SNAPSHOT.TAKEN_AT.ge(from.atOffset(ZoneOffset.UTC)))
			.orderBy(PORTFOLIO_SNAPSHOT.TAKEN_AT)
			.fetch((r) -> new Snapshot(r.getVaultId(), r.getTakenAt().toInstant(), r.getValue(), r.getNetDeposits()));
	}

	@Override
	public Map<UserId, List<Snapshot>> snapshotsOfUsers(Collection<UserId> users, Instant from) {
		if (users.isEmpty()) {
			return Map.of();
		}
		Map<UserId, List<Snapshot>> byUser = new HashMap<>();
		this.db
			.select(VAULT.USER_ID, PORTFOLIO_SNAPSHOT.VAULT_ID, PORTFOLIO_SNAPSHOT.TAKEN_AT, PORTFOLIO_SNAPSHOT.VALUE,
					PORTFOLIO_SNAPSHOT.NET_DEPOSITS)
			.from(PORTFOLIO_SNAPSHOT)
			.join(VAULT)
			.on(VAULT.ID.eq(PORTFOLIO_SNAPSHOT.VAULT_ID))
			.where(VAULT.USER_ID.in(users))
			.and(PORTFOLIO_SNAPSHOT.TAKEN_AT.ge(from.atOffset(ZoneOffset.UTC)))
			.orderBy(PORTFOLIO_SNAPSHOT.TAKEN_AT)
			.forEach((r) -> byUser.computeIfAbsent(r.value1(), (u) -> new ArrayList<>())
				.add(new Snapshot(r.value2(), r.value3().toInstant(), r.value4(), r.value5())));
		return byUser;
	}

	private static Vault vault(VaultRecord r) {
		return new Vault(r.getId(), r.getUserId(), r.getChainId(), r.getAddress(), r.getOwnerAddress(),
				r.getAssetAddress(), r.getAssetSymbol(), r.getAssetDecimals(), r.getCreatedAt().toInstant());
	}

}
