package com.yieldpilot.platform.database;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.platform.LeftoverProcesses;
import com.yieldpilot.support.TestHomes;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with {@code kill -9} leaves its embedded PostgreSQL running on the home
 * folder's data: the next start stops it with a fast shutdown and starts its own server
 * on the same data, with every committed row there. (Before, the start waited a minute
 * for a server that could not start beside the old one, then failed.)
 */
class LeftoverPostgresIT {

	@Test
	void aLeftoverServerIsStoppedAndItsDataKept() throws Exception {
		Path home = TestHomes.create("leftover-postgres");
		Path data = home.resolve("pgdata");
		Path binaries = home.resolve("pgbin");
		// a first node creates the data folder; a copy of its server binaries is kept to
		// start the leftover with (zonky deletes them when it closes)
		Path server = home.resolve("server");
		try (EmbeddedPostgres first = embedded(data, binaries)) {
			// where zonky unpacked the server: it keeps one unpacked copy per JVM, which
			// may be another home's
			Path bin = Path
				.of(LeftoverProcesses.running("postgres", "-D", data).getFirst().info().command().orElseThrow())
				.getParent();
			assertThat(new ProcessBuilder("cp", "-a", bin.getParent().toString(), server.toString()).inheritIO()
				.start()
				.waitFor()).isZero();
		}

		// a node's server left running: started as zonky starts it, by no process that
		// holds the data folder's lock
		int port = freePort();
		Path pgCtl = server.resolve("bin").resolve("pg_ctl");
		List<String> start = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// PostgreSQL refuses root; zonky runs it in a user namespace the same way
			start.addAll(List.of("unshare", "-U"));
		}
		start.addAll(List.of(pgCtl.toString(), "-D", data.toString(), "-o", "-p " + port, "-w", "start"));
		Process started = new ProcessBuilder(start).redirectErrorStream(true)
			.redirectOutput(home.resolve("pg_ctl.log").toFile())
			.start();
		assertThat(started.waitFor()).as("pg_ctl start").isZero();
		String url = "jdbc:postgresql://localhost:" + port + "/postgres";
		try (Connection connection = DriverManager.getConnection(url, "postgres", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create table kept (v text)");
			statement.execute("insert into kept values ('committed before the kill')");
		}
		List<ProcessHandle> left = LeftoverProcesses.running("postgres", "-D", data);
		assertThat(left).hasSize(1);

		EmbeddedPostgresConfiguration.stopLeftoverServer(data);
		assertThat(left.getFirst().isAlive()).as("the leftover server is stopped").isFalse();

		try (EmbeddedPostgres restarted = embedded(data, binaries);
				Connection connection = restarted.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select v from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("committed before the kill");
		}
	}

	@Test
	void aServerWhoseNodeIsAliveIsNotTouched() throws Exception {
		Path home = TestHomes.create("live-postgres");
		Path data = home.resolve("pgdata");
		try (EmbeddedPostgres running = embedded(data, home.resolve("pgbin"))) {
			List<ProcessHandle> servers = LeftoverProcesses.running("postgres", "-D", data);
			assertThat(servers).hasSize(1);
			EmbeddedPostgresConfiguration.stopLeftoverServer(data);
			assertThat(servers.getFirst().isAlive()).isTrue();
			try (Connection connection = running.getPostgresDatabase().getConnection()) {
				assertThat(connection.isValid(5)).isTrue();
			}
		}
	}

	private static EmbeddedPostgres embedded(Path data, Path binaries) throws IOException {
		Files.createDirectories(binaries);
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setOverrideWorkingDirectory(binaries.toFile())
			.start();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
