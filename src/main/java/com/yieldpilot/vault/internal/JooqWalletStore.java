package com.yieldpilot.vault.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.identity.UserId;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.vault.internal.db.Tables.VAULT_WALLET;
import static com.yieldpilot.vault.internal.db.Tables.VAULT_WALLET_CHALLENGE;

@Repository
class JooqWalletStore implements WalletStore {

	private final DSLContext db;

	JooqWalletStore(DSLContext db) {
		this.db = db;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insertChallenge(String nonce, UserId user, String address, String message, Instant expiresAt) {
		this.db.insertInto(VAULT_WALLET_CHALLENGE)
			.set(VAULT_WALLET_CHALLENGE.NONCE, nonce)
			.set(VAULT_WALLET_CHALLENGE.USER_ID, user)
			.set(VAULT_WALLET_CHALLENGE.ADDRESS, address)
			.set(VAULT_WALLET_CHALLENGE.MESSAGE, message)
			.set(VAULT_WALLET_CHALLENGE.EXPIRES_AT, expiresAt.atOffset(ZoneOffset.UTC))
			.execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<String> takeChallenge(UserId user, String address, Instant now) {
		return this.db.deleteFrom(VAULT_WALLET_CHALLENGE)
			.where(VAULT_WALLET_CHALLENGE.USER_ID.eq(user))
			.and(VAULT_WALLET_CHALLENGE.ADDRESS.eq(address))
			.returning(VAULT_WALLET_CHALLENGE.MESSAGE, VAULT_WALLET_CHALLENGE.EXPIRES_AT)
			.fetch()
			.stream()
			.filter((r) -> r.getExpiresAt().toInstant().isAfter(now))
			.max((a, b) -> a.getExpiresAt().compareTo(b.getExpiresAt()))
			.map((r) -> r.getMessage());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void purgeChallenges(Instant now) {
		this.db.deleteFrom(VAULT_WALLET_CHALLENGE)
			.where(VAULT_WALLET_CHALLENGE.EXPIRES_AT.lt(now.atOffset(ZoneOffset.UTC)))
			.execute();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void link(UserId user, String address, Instant at) {
		this.db.insertInto(VAULT_WALLET)
			.set(VAULT_WALLET.USER_ID, user)
			.set(VAULT_WALLET.ADDRESS, address)
			.set(VAULT_WALLET.LINKED_AT, at.atOffset(ZoneOffset.UTC))
			.onConflictDoNothing()
			.execute();
	}

	@Override
	public List<String> wallets(UserId user) {
		return this.db.select(VAULT_WALLET.ADDRESS)
			.from(VAULT_WALLET)
			.where(VAULT_WALLET.USER_ID.eq(user))
			.orderBy(VAULT_WALLET.LINKED_AT, VAULT_WALLET.ADDRESS)
			.fetch(VAULT_WALLET.ADDRESS);
	}

}
