package com.yieldpilot.platform.database;

import java.util.Arrays;
import java.util.Set;

import javax.sql.DataSource;

import com.yieldpilot.identity.ColorPreference;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.identity.internal.UserRepository;
import com.yieldpilot.support.ApplicationIT;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.identity.internal.db.Tables.APP_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseIT extends ApplicationIT {

	@Autowired
	Flyway flyway;

	@Autowired
	DataSource dataSource;

	@Autowired
	UserRepository users;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void runsOnTheEmbeddedPostgresqlUnderTheHomeFolder() throws Exception {
		try (var connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
			assertThat(connection.getMetaData().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(18);
		}
		assertThat(HOME.resolve("pgdata").resolve("PG_VERSION")).exists();
	}

	@Test
	void embeddedPostgresqlCommitsDurably() {
		// zonky's defaults (fsync off, asynchronous commit) would lose saved transactions
		// in a crash
		assertThat(this.dsl.fetchValue("show fsync")).isEqualTo("on");
		assertThat(this.dsl.fetchValue("show synchronous_commit")).isEqualTo("on");
	}

	@Test
	void everyMigrationInDbMigrationIsApplied() {
		MigrationInfo[] applied = this.flyway.info().applied();
		assertThat(applied).isNotEmpty().allMatch(m -> m.getState() == MigrationState.SUCCESS);
		assertThat(this.flyway.info().pending()).isEmpty();
		assertThat(Arrays.stream(applied).map(MigrationInfo::getDescription)).contains("identity", "quartz",
				"event publication");
		assertThat(this.dsl.meta().getTables().stream().map(t -> t.getName().toLowerCase())).contains("app_user",
				"api_token", "qrtz_triggers", "qrtz_locks", "event_publication");
	}

	@Test
	void jooqRoundTripMapsIdsAndEnums() {
		UserId id = UserId.random();
		String username = "roundtrip-" + id.value().toString().substring(0, 8);
		this.transactions.executeWithoutResult(s -> {
			this.users.insert(id, username, "{noop}unused", Set.of(Role.FARMER, Role.ADMIN));
			this.users.updateColorPreference(id, ColorPreference.DARK);
		});
		var account = this.users.findById(id).orElseThrow();
		assertThat(account.username()).isEqualTo(username);
		assertThat(account.roles()).containsExactlyInAnyOrder(Role.FARMER, Role.ADMIN);
		assertThat(account.colorPreference()).isEqualTo(ColorPreference.DARK);
		assertThat(this.dsl.fetchValue(APP_USER.VERSION, APP_USER.ID.eq(id))).isEqualTo(1L);
	}

	@Test
	void repositoryWritesRefuseToRunOutsideATransaction() {
		assertThatThrownBy(() -> this.users.insert(UserId.random(), "no-tx-user", "{noop}x", Set.of(Role.FARMER)))
			.hasMessageContaining("mandatory");
	}

	@Test
	void schemaRejectsUpperCaseUsernames() {
		assertThatThrownBy(() -> this.transactions
			.executeWithoutResult(s -> this.users.insert(UserId.random(), "MixedCase", "{noop}x", Set.of(Role.FARMER))))
			.hasMessageContaining("app_user_username_lower_ck");
	}

}
