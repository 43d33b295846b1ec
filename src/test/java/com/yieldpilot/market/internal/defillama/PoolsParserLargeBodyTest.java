package com.yieldpilot.market.internal.defillama;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A /pools body the size of the live one (DefiLlama lists ~20,000 pools). Asserts
 * correctness only; the elapsed time is printed for the record, not asserted, since a
 * shared CI machine makes any time limit flaky (timing belongs in a benchmark).
 */
class PoolsParserLargeBodyTest {

	private static final int POOLS = 20_000;

	@Test
	void acceptsAllTwentyThousandPoolsOfALiveSizedBody(@TempDir Path dir) throws IOException {
		Path body = writeBody(dir.resolve("pools.json"));
		PoolsParser parser = new PoolsParser();

		Set<String> ids = new HashSet<>();
		long started = System.nanoTime();
		BatchReport report;
		try (InputStream in = new BufferedInputStream(Files.newInputStream(body))) {
			report = parser.parse(in, (pool) -> ids.add(pool.poolId()));
		}
		long firstRunMillis = (System.nanoTime() - started) / 1_000_000;

		// a second run with the JIT warmed up, closer to a long-running node
		started = System.nanoTime();
		try (InputStream in = new BufferedInputStream(Files.newInputStream(body))) {
			parser.parse(in, (pool) -> {
			});
		}
		long secondRunMillis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf(Locale.ROOT,
				"PoolsParser: %d pools, %.1f MB body: first run %d ms, second run %d ms (elapsed, not asserted)%n",
				report.read(), Files.size(body) / 1_000_000.0, firstRunMillis, secondRunMillis);

		assertThat(report.read()).isEqualTo(POOLS);
		assertThat(report.accepted()).isEqualTo(POOLS);
		assertThat(report.skippedCount()).isZero();
		assertThat(ids).hasSize(POOLS);
	}

	/** The realistic base pool, repeated with a distinct id and varied numbers. */
	private static Path writeBody(Path file) throws IOException {
		String base = Fixtures.text("pool-base.json").strip();
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("{\"status\": \"success\", \"data\": [");
			for (int i = 0; i < POOLS; i++) {
				if (i > 0) {
					out.write(",\n");
				}
				String id = UUID.nameUUIDFromBytes(("pool-" + i).getBytes(StandardCharsets.UTF_8)).toString();
				out.write(base.replace("cca5805b-1195-4fc8-9cfd-d3e118f70200", id)
					.replace("\"tvlUsd\": 46210873.0", "\"tvlUsd\": " + (1_000 + i * 37.5))
					.replace("\"apy\": 2.39", "\"apy\": " + ((i % 5000) / 10.0))
					.replace("\"symbol\": \"ETH-MSETH\"", "\"symbol\": \"TOKEN" + i + "-USDC\""));
			}
			out.write("]}");
		}
		return file;
	}

}
