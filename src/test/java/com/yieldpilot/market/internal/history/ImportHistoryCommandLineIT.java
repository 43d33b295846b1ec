package com.yieldpilot.market.internal.history;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import javax.sql.DataSource;

import com.yieldpilot.YieldPilotApplication;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.platform.Commands;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.TestHomes;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command as an operator runs it: {@code YieldPilotApplication} with
 * {@code import-history ...} starts a second application without web server, scheduler or
 * chain, pointed at this node's database by URL, imports, prints its report and returns
 * the exit code the process would end with.
 */
class ImportHistoryCommandLineIT extends ApplicationIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	PoolRegistry registry;

	@Autowired
	MarketData market;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void importsThroughTheApplicationsMainEntryAndExitsWithItsCode() throws IOException {
		PoolId pool = PoolId.parse("cli-" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
		this.transactions.executeWithoutResult(status -> this.registry
			.register(new PoolDescriptor(pool, null, null, true, PoolDescriptor.Origin.REGISTRY)));
		Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
		Path file = Files.writeString(TestHomes.create("cli").resolve("chart.csv"),
				"timestamp,tvlUsd,apy\n" + day + ",1000000,4.25\n");

		Run imported = run("import-history", "--pool", pool.toString(), "--file", file.toString());

		assertThat(imported.code()).as(imported.err()).isZero();
		assertThat(imported.out()).contains("Imported the history of " + pool, "values stored:  2 new");
		assertThat(this.market.history(pool, Metric.APY, day, day.plusSeconds(1))).extracting(MetricSample::value)
			.containsExactly(4.25);

		Run unknown = run("import-history", "--pool", "nowhere:base:USDC", "--file", file.toString());
		assertThat(unknown.code()).isEqualTo(1);
		assertThat(unknown.err()).contains("Unknown pool 'nowhere:base:USDC'");

		Run typo = run("import-histroy", "--pool", pool.toString());
		assertThat(typo.code()).isEqualTo(Commands.USAGE);
		assertThat(typo.err()).contains("Unknown command 'import-histroy'", "import-history --pool");
	}

	@Test
	void aHomeFolderInUseByARunningNodeIsNamedAsTheReason() {
		Run busy = command("import-history", "--pool", "aave-v3:base:USDC", "--file", "chart.csv",
				"--yieldpilot.home=" + HOME,
				"--spring.quartz.properties.org.quartz.scheduler.instanceName=yieldpilot-cli-" + UUID.randomUUID());

		assertThat(busy.code()).isEqualTo(Commands.FAILED);
		assertThat(busy.err()).contains("YieldPilot could not start for the command 'import-history'",
				"Cannot start the embedded PostgreSQL in " + HOME.resolve("pgdata"),
				"Is another YieldPilot running on this home folder?");
	}

	private record Run(int code, String out, String err) {
	}

	private Run run(String... command) {
		String url = ((HikariDataSource) this.dataSource).getJdbcUrl();
		String[] args = new String[command.length + 4];
		System.arraycopy(command, 0, args, 0, command.length);
		args[command.length] = "--spring.datasource.url=" + url;
		args[command.length + 1] = "--spring.datasource.username=postgres";
		args[command.length + 2] = "--yieldpilot.home=" + TestHomes.create("cli-home");
		// Quartz keeps schedulers by name JVM-wide: the test node's must stay its own
		args[command.length + 3] = "--spring.quartz.properties.org.quartz.scheduler.instanceName=yieldpilot-cli-"
				+ UUID.randomUUID();
		return command(args);
	}

	private static Run command(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Commands.run(YieldPilotApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

}
