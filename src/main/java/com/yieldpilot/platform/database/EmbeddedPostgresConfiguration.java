package com.yieldpilot.platform.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import javax.sql.DataSource;

import com.yieldpilot.platform.LeftoverProcesses;
import com.yieldpilot.platform.YieldPilotHome;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Local mode's database: with no {@code spring.datasource.url}, a PostgreSQL server from
 * the zonky binaries runs inside the application's home folder, so a restart keeps
 * everything. With a URL, nothing here runs.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

	/** The file zonky locks while a node uses the data folder. */
	private static final String LOCK_FILE = "epg-lock";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(YieldPilotHome home, Environment environment) throws IOException {
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			throw new IllegalStateException("The prod profile needs an external PostgreSQL: set spring.datasource.url "
					+ "(SPRING_DATASOURCE_URL), spring.datasource.username and spring.datasource.password.");
		}
		Path dataDirectory = home.root().resolve("pgdata");
		log.info("Starting embedded PostgreSQL with its data in {}", dataDirectory);
		try {
			return start(home, dataDirectory);
		}
		catch (IllegalStateException ex) {
			// e.g. "could not lock .../epg-lock": a running node, or a command, uses
			// the folder
			throw new IllegalStateException("Cannot start the embedded PostgreSQL in " + dataDirectory + " ("
					+ ex.getMessage() + "). Is another YieldPilot running on this home folder? Stop it first, "
					+ "or give this one its own yieldpilot.home or a spring.datasource.url.", ex);
		}
	}

	private static EmbeddedPostgres start(YieldPilotHome home, Path dataDirectory) throws IOException {
		stopLeftoverServer(dataDirectory);
		return EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(home.directory("pgbin").toFile())
			.setPGStartupWait(Duration.ofSeconds(60))
			// no JVM shutdown hook of zonky's own: it ran beside Spring's and stopped
			// PostgreSQL while Quartz and the event registry still shut down, which then
			// waited 30 s for a connection. The bean's close() stops it, after its users
			.setRegisterShutdownHook(false)
			.setServerConfig("max_connections", "100")
			// zonky starts PostgreSQL for throw-away tests (fsync off, asynchronous
			// commit); local mode keeps
			// real data, and a saved transaction must survive a crash, so durability is
			// switched back on
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.setServerConfig("full_page_writes", "on")
			.start();
	}

	/**
	 * Stops a PostgreSQL server still running on the data folder after the node that
	 * started it was killed ({@code kill -9}): zonky would otherwise wait a minute for a
	 * server that cannot start beside it, then fail. The folder's {@code epg-lock} tells
	 * the two cases apart: a live node holds it, a dead one's lock went with its process.
	 * PostgreSQL gets SIGINT, its fast shutdown, which ends the dead node's sessions and
	 * writes a checkpoint, so nothing committed is lost.
	 */
	static void stopLeftoverServer(Path dataDirectory) throws IOException {
		Path lockFile = dataDirectory.resolve(LOCK_FILE);
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			if (lock == null) {
				return; // a running node holds it; zonky says so when it tries
			}
			for (ProcessHandle server : LeftoverProcesses.running("postgres", "-D", dataDirectory)) {
				if (!LeftoverProcesses.stop(server, "PostgreSQL on " + dataDirectory, "INT", Duration.ofSeconds(60))) {
					throw new IllegalStateException("A PostgreSQL server left running on " + dataDirectory + " (pid "
							+ server.pid() + ") could not be stopped; stop it, then start YieldPilot again.");
				}
			}
		}
		catch (OverlappingFileLockException ex) {
			// this JVM holds the lock: its own server, not a leftover
		}
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("yieldpilot-embedded");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
