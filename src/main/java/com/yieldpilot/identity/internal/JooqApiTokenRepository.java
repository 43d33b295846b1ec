package com.yieldpilot.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import com.yieldpilot.identity.ApiTokenId;
import com.yieldpilot.identity.ApiTokenSummary;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.identity.internal.db.tables.records.ApiTokenRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.identity.internal.db.Tables.API_TOKEN;
import static com.yieldpilot.identity.internal.db.Tables.APP_USER;

@Repository
class JooqApiTokenRepository implements ApiTokenRepository {

	/**
	 * Last-use times are kept to the minute, so authenticated requests do not each write
	 * a row.
	 */
	private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

	private final DSLContext dsl;

	private final UserRepository users;

	private final Clock clock;

	JooqApiTokenRepository(DSLContext dsl, UserRepository users, Clock clock) {
		this.dsl = dsl;
		this.users = users;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(ApiTokenId id, UserId owner, String name, String digest, String hint,
			@Nullable Instant expiresAt) {
		this.dsl.insertInto(API_TOKEN)
			.set(API_TOKEN.ID, id)
			.set(API_TOKEN.USER_ID, owner)
			.set(API_TOKEN.NAME, name)
			.set(API_TOKEN.TOKEN_HASH, digest)
			.set(API_TOKEN.TOKEN_HINT, hint)
			.set(API_TOKEN.CREATED_AT, OffsetDateTime.now(this.clock))
			.set(API_TOKEN.EXPIRES_AT, offset(expiresAt))
			.execute();
	}

	@Override
	public List<ApiTokenSummary> findByOwner(UserId owner, int offset, int limit) {
		return this.dsl.selectFrom(API_TOKEN)
			.where(API_TOKEN.USER_ID.eq(owner))
			.orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID)
			.offset(offset)
			.limit(limit)
			.fetch(JooqApiTokenRepository::toSummary);
	}

	@Override
	public int countByOwner(UserId owner) {
		return this.dsl.fetchCount(API_TOKEN, API_TOKEN.USER_ID.eq(owner));
	}

	@Override
	public Optional<ApiTokenSummary> findByOwnerAndId(UserId owner, ApiTokenId id) {
		return this.dsl.selectFrom(API_TOKEN)
			.where(API_TOKEN.USER_ID.eq(owner).and(API_TOKEN.ID.eq(id)))
			.fetchOptional()
			.map(JooqApiTokenRepository::toSummary);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean revoke(UserId owner, ApiTokenId id, Instant at) {
		return this.dsl.update(API_TOKEN)
			.set(API_TOKEN.REVOKED_AT, offset(at))
			.where(API_TOKEN.USER_ID.eq(owner).and(API_TOKEN.ID.eq(id)).and(API_TOKEN.REVOKED_AT.isNull()))
			.execute() == 1;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<UserAccount> authenticate(String digest, Instant now) {
		OffsetDateTime at = offset(now);
		Condition active = API_TOKEN.TOKEN_HASH.eq(digest)
			.and(API_TOKEN.REVOKED_AT.isNull())
			.and(API_TOKEN.EXPIRES_AT.isNull().or(API_TOKEN.EXPIRES_AT.gt(at)))
			.and(APP_USER.ENABLED.isTrue());
		var match = this.dsl.select(API_TOKEN.ID, API_TOKEN.USER_ID)
			.from(API_TOKEN)
			.join(APP_USER)
			.on(APP_USER.ID.eq(API_TOKEN.USER_ID))
			.where(active)
			.fetchOptional();
		if (match.isEmpty()) {
			return Optional.empty();
		}
		this.dsl.update(API_TOKEN)
			.set(API_TOKEN.LAST_USED_AT, at)
			.where(API_TOKEN.ID.eq(match.get().value1()))
			.and(API_TOKEN.LAST_USED_AT.isNull().or(API_TOKEN.LAST_USED_AT.lt(at.minus(LAST_USED_RESOLUTION))))
			.execute();
		return this.users.findById(match.get().value2());
	}

	private static ApiTokenSummary toSummary(ApiTokenRecord r) {
		return new ApiTokenSummary(r.getId(), r.getName(), r.getTokenHint(), r.getCreatedAt().toInstant(),
				instant(r.getExpiresAt()), instant(r.getLastUsedAt()), instant(r.getRevokedAt()));
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static @Nullable OffsetDateTime offset(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
