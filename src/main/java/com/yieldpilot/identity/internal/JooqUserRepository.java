package com.yieldpilot.identity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.identity.ColorPreference;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.identity.internal.db.tables.records.AppUserRecord;
import org.jooq.DSLContext;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.identity.internal.db.Tables.APP_USER;
import static com.yieldpilot.identity.internal.db.Tables.USER_ROLE;

@Repository
class JooqUserRepository implements UserRepository {

	private final DSLContext dsl;

	private final Clock clock;

	JooqUserRepository(DSLContext dsl, Clock clock) {
		this.dsl = dsl;
		this.clock = clock;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void insert(UserId id, String username, String passwordHash, Set<Role> roles) {
		this.dsl.insertInto(APP_USER)
			.set(APP_USER.ID, id)
			.set(APP_USER.USERNAME, username)
			.set(APP_USER.PASSWORD_HASH, passwordHash)
			.set(APP_USER.CREATED_AT, OffsetDateTime.now(this.clock))
			.execute();
		for (Role role : roles) {
			this.dsl.insertInto(USER_ROLE).set(USER_ROLE.USER_ID, id).set(USER_ROLE.ROLE, role.name()).execute();
		}
	}

	@Override
	public Optional<UserAccount> findById(UserId id) {
		return this.dsl.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional().map(this::toAccount);
	}

	@Override
	public Optional<UserAccount> findByUsername(String username) {
		return this.dsl.selectFrom(APP_USER)
			.where(APP_USER.USERNAME.eq(normalize(username)))
			.fetchOptional()
			.map(this::toAccount);
	}

	@Override
	public Map<UserId, String> usernames(Collection<UserId> ids) {
		return this.dsl.select(APP_USER.ID, APP_USER.USERNAME)
			.from(APP_USER)
			.where(APP_USER.ID.in(ids))
			.fetchMap(APP_USER.ID, APP_USER.USERNAME);
	}

	@Override
	public Optional<Credentials> findCredentials(String username) {
		return this.dsl.selectFrom(APP_USER)
			.where(APP_USER.USERNAME.eq(normalize(username)))
			.and(APP_USER.PASSWORD_HASH.isNotNull())
			.fetchOptional()
			.map(r -> new Credentials(toAccount(r), r.getPasswordHash(), r.getEnabled()));
	}

	@Override
	public boolean exists(String username) {
		return this.dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(normalize(username)));
	}

	@Override
	public boolean anyWithRole(Role role) {
		return this.dsl.fetchExists(USER_ROLE, USER_ROLE.ROLE.eq(role.name()));
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void updateColorPreference(UserId id, ColorPreference preference) {
		this.dsl.update(APP_USER)
			.set(APP_USER.COLOR_SCHEME, preference.name())
			.set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
			.where(APP_USER.ID.eq(id))
			.execute();
	}

	private UserAccount toAccount(AppUserRecord user) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		this.dsl.select(USER_ROLE.ROLE)
			.from(USER_ROLE)
			.where(USER_ROLE.USER_ID.eq(user.getId()))
			.fetch(USER_ROLE.ROLE)
			.forEach(role -> roles.add(Role.valueOf(role)));
		return new UserAccount(user.getId(), user.getUsername(), roles, ColorPreference.valueOf(user.getColorScheme()));
	}

	private static String normalize(String username) {
		return username.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
