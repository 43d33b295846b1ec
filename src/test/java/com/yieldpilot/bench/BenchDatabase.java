package com.yieldpilot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A throw-away embedded PostgreSQL migrated with the project's Flyway scripts, wired the
 * way Spring Boot wires the application: Hikari, a jOOQ {@code DSLContext} over a
 * transaction-aware proxy, and a {@code TransactionTemplate} on the same data source.
 * Write benchmarks run it durable (fsync, synchronous commit) as local mode does, so a
 * commit costs what it costs there.
 */
final class BenchDatabase implements AutoCloseable {

	private static final Path MIGRATIONS = Path.of("db", "migration");

	private final EmbeddedPostgres postgres;

	private final HikariDataSource dataSource;

	private final DSLContext dsl;

	private final TransactionTemplate transactions;

	private BenchDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		this.dataSource.setUsername("postgres");
		this.dataSource.setPoolName("bench");
		this.dataSource.setMaximumPoolSize(4);
		Flyway.configure()
			.dataSource(this.dataSource)
			.locations("filesystem:" + MIGRATIONS)
			.failOnMissingLocations(true)
			.load()
			.migrate();
		this.dsl = DSL.using(new TransactionAwareDataSourceProxy(this.dataSource), SQLDialect.POSTGRES);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
	}

	/**
	 * Starts a fresh server; the working directory must be the project's root.
	 * @param durable fsync and synchronous commit on, as in local mode (for write
	 * benchmarks); off (zonky's default) where only reads are measured and the data is
	 * bulk-loaded in the setup
	 */
	static BenchDatabase start(boolean durable) {
		quietLogging();
		if (!Files.isDirectory(MIGRATIONS)) {
			throw new IllegalStateException("No " + MIGRATIONS.toAbsolutePath()
					+ ": run the benchmarks from the project's root folder (see the README)");
		}
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", durable ? "on" : "off")
				.setServerConfig("synchronous_commit", durable ? "on" : "off")
				.setServerConfig("full_page_writes", durable ? "on" : "off")
				.start();
			return new BenchDatabase(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** zonky, Flyway, Hikari and jOOQ log every start at INFO into JMH's output. */
	private static void quietLogging() {
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(ch.qos.logback.classic.Level.WARN);
		}
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	DSLContext dsl() {
		return this.dsl;
	}

	TransactionTemplate transactions() {
		return this.transactions;
	}

	@Override
	public void close() throws IOException {
		this.dataSource.close();
		this.postgres.close();
	}

}
