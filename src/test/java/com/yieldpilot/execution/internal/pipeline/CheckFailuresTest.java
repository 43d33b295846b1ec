package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.execution.ExecutionId;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

class CheckFailuresTest {

	@Test
	void anOutageThatFailsEveryExecutionIsOneLineWithTheCountAndAFewOfThem() {
		CheckFailures failures = new CheckFailures();
		List<ExecutionId> ids = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			ExecutionId id = ExecutionId.random();
			ids.add(id);
			failures.add(id, new DataAccessResourceFailureException("HikariDataSource (yieldpilot) has been closed."));
		}

		assertThat(failures.lines()).singleElement().satisfies((line) -> {
			assertThat(line).startsWith("500 executions in flight could not be checked now (")
				.contains("DataAccessResourceFailureException: HikariDataSource (yieldpilot) has been closed.")
				.contains("among them " + ids.get(0).value() + ", " + ids.get(1).value() + ", " + ids.get(2).value())
				.doesNotContain(ids.get(3).value().toString())
				.endsWith("the next poll tries again");
		});
	}

	@Test
	void eachCauseGetsItsOwnLineInTheOrderItCameUp() {
		CheckFailures failures = new CheckFailures();
		ExecutionId first = ExecutionId.random();
		ExecutionId second = ExecutionId.random();
		ExecutionId third = ExecutionId.random();
		failures.add(first, new ConnectException("Connection refused"));
		failures.add(second, new IOException("receipt unreadable"));
		failures.add(third, new ConnectException("Connection refused"));

		assertThat(failures.lines()).containsExactly(
				"2 executions in flight could not be checked now (ConnectException: Connection refused): "
						+ first.value() + ", " + third.value() + "; the next poll tries again",
				"1 execution in flight could not be checked now (IOException: receipt unreadable): " + second.value()
						+ "; the next poll tries again");
	}

	@Test
	void aPollWithoutFailuresSaysNothing() {
		assertThat(new CheckFailures().lines()).isEmpty();
	}

}
