package com.yieldpilot.market.internal.defillama;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the parsers over real recorded DefiLlama responses (read-only, outside the repo,
 * in {@code ../shared/data/defillama-yields}; see SOURCES.md there). The record counts
 * are taken independently with a plain Jackson tree parse of the same file.
 */
class DefiLlamaConformanceTest {

	private static final Path DATA = Path.of("..", "shared", "data", "defillama-yields");

	private static final Path POOLS = DATA.resolve("pools_2025-08-31.pools-shaped.derived.json");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@BeforeAll
	static void requireTheRecordedData() {
		if (!Files.isDirectory(DATA)) {
			String message = "recorded DefiLlama data not found at " + DATA.toAbsolutePath().normalize()
					+ ", conformance against real responses NOT checked";
			System.err.println("!!!!!!!! DefiLlamaConformanceTest SKIPPED: " + message + " !!!!!!!!");
			Assumptions.abort(message);
		}
	}

	@Test
	void readsEveryRecordedPoolAndAcceptsOnlyPoolsWithUuidIds() throws IOException {
		JsonNode data = MAPPER.readTree(POOLS.toFile()).get("data");
		Map<String, DefiLlamaPool> accepted = new HashMap<>();

		BatchReport report;
		try (InputStream in = Files.newInputStream(POOLS)) {
			report = new PoolsParser().parse(in, (pool) -> accepted.put(pool.poolId(), pool));
		}

		System.out.printf("DefiLlama conformance: %s: read %d, accepted %d, skipped %d, took %d ms%n",
				POOLS.getFileName(), report.read(), report.accepted(), report.skippedCount(), report.took().toMillis());
		report.skipped().forEach((skipped) -> System.out.println("  skipped " + skipped));
		assertThat(report.read()).isEqualTo(data.size()).isPositive();
		assertThat(report.accepted() + report.skippedCount()).isEqualTo(report.read());
		assertThat(accepted).as("pool ids are unique").hasSize(report.accepted());
		assertThat(accepted.keySet())
			.allSatisfy((id) -> assertThat(UUID.fromString(id).toString()).as("canonical UUID").isEqualTo(id));
		assertThat(report.skippedCount()).as("pools breaking the documented rules, counted from the tree")
			.isEqualTo(countRuleBreakers(data));
	}

	@Test
	void parsedPoolsCarryTheFilesValues() throws IOException {
		JsonNode data = MAPPER.readTree(POOLS.toFile()).get("data");
		Map<String, DefiLlamaPool> accepted = new HashMap<>();
		try (InputStream in = Files.newInputStream(POOLS)) {
			new PoolsParser().parse(in, (pool) -> accepted.put(pool.poolId(), pool));
		}

		// a few kinds of pool: the first, the highest APY, one without reward APY,
		// one that DefiLlama flags as an outlier, and one with pool metadata
		List<JsonNode> picked = new ArrayList<>();
		picked.add(data.get(0));
		picked.add(highestApy(data));
		picked.add(first(data, (pool) -> pool.get("apyReward").isNull()));
		picked.add(first(data, (pool) -> pool.get("outlier").asBoolean()));
		picked.add(first(data, (pool) -> !pool.get("poolMeta").isNull()));

		assertThat(picked).allSatisfy((expected) -> {
			DefiLlamaPool pool = accepted.get(expected.get("pool").asString());
			assertThat(pool).as("pool %s", expected.get("pool")).isNotNull();
			assertMatches(pool, expected);
		});
	}

	@Test
	void readsEveryRecordedChartPoint() throws IOException {
		List<Path> charts = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(DATA, "chart_*.chart-shaped.derived.json")) {
			files.forEach(charts::add);
		}
		assertThat(charts).as("recorded chart files").isNotEmpty();

		for (Path chart : charts) {
			JsonNode data = MAPPER.readTree(chart.toFile()).get("data");
			ChartSeries series;
			try (InputStream in = Files.newInputStream(chart)) {
				series = new ChartParser().parse(in);
			}
			BatchReport report = series.report();
			System.out.printf("DefiLlama conformance: %s: read %d, accepted %d, skipped %d%n", chart.getFileName(),
					report.read(), report.accepted(), report.skippedCount());
			report.skipped().forEach((skipped) -> System.out.println("  skipped " + skipped));
			assertThat(report.read()).as(chart.toString()).isEqualTo(data.size()).isPositive();
			assertThat(report.accepted() + report.skippedCount()).isEqualTo(report.read());
			assertThat(series.points()).hasSize(report.accepted());
			if (report.skippedCount() == 0) {
				assertPointMatches(series.points().get(0), data.get(0));
				assertPointMatches(series.points().get(series.points().size() - 1), data.get(data.size() - 1));
			}
		}
	}

	private static void assertMatches(DefiLlamaPool pool, JsonNode expected) {
		assertThat(pool.poolId()).isEqualTo(expected.get("pool").asString());
		assertThat(pool.chain()).isEqualTo(expected.get("chain").asString());
		assertThat(pool.project()).isEqualTo(expected.get("project").asString());
		assertThat(pool.symbol()).isEqualTo(expected.get("symbol").asString());
		assertThat(pool.poolMeta()).isEqualTo(textOrNull(expected.get("poolMeta")));
		assertThat(pool.tvlUsd()).isEqualTo(numberOrNull(expected.get("tvlUsd")));
		assertThat(pool.apy()).isEqualTo(numberOrNull(expected.get("apy")));
		assertThat(pool.apyBase()).isEqualTo(numberOrNull(expected.get("apyBase")));
		assertThat(pool.apyReward()).isEqualTo(numberOrNull(expected.get("apyReward")));
		assertThat(pool.stablecoin()).isEqualTo(expected.get("stablecoin").asBoolean());
		assertThat(pool.ilRisk()).isEqualTo(textOrNull(expected.get("ilRisk")));
		assertThat(pool.exposure()).isEqualTo(textOrNull(expected.get("exposure")));
		assertThat(pool.outlier()).isEqualTo(expected.get("outlier").asBoolean());
		assertThat(pool.underlyingTokens()).isEqualTo(strings(expected.get("underlyingTokens")));
		assertThat(pool.rewardTokens()).isEqualTo(strings(expected.get("rewardTokens")));
	}

	private static void assertPointMatches(ChartPoint point, JsonNode expected) {
		assertThat(point).isEqualTo(new ChartPoint(Instant.parse(expected.get("timestamp").asString()),
				numberOrNull(expected.get("tvlUsd")), numberOrNull(expected.get("apy")),
				numberOrNull(expected.get("apyBase")), numberOrNull(expected.get("apyReward"))));
	}

	/**
	 * The rules of PoolsParser, restated plainly for a file whose values are well typed.
	 */
	private static int countRuleBreakers(JsonNode data) {
		int breakers = 0;
		for (JsonNode pool : data) {
			boolean broken = !isUuid(textOrNull(pool.get("pool"))) || isBlank(pool.get("chain"))
					|| isBlank(pool.get("project")) || negative(pool.get("tvlUsd")) || implausibleApy(pool.get("apy"))
					|| implausibleApy(pool.get("apyBase")) || implausibleApy(pool.get("apyReward"));
			breakers += broken ? 1 : 0;
		}
		return breakers;
	}

	private static boolean isUuid(String id) {
		try {
			return id != null && UUID.fromString(id).toString().equals(id);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isBlank(JsonNode node) {
		return node == null || node.isNull() || node.asString().isBlank();
	}

	private static boolean negative(JsonNode node) {
		return node != null && node.isNumber() && node.doubleValue() < 0;
	}

	private static boolean implausibleApy(JsonNode node) {
		return node != null && node.isNumber() && (node.doubleValue() < -100 || node.doubleValue() > 100_000);
	}

	private static JsonNode highestApy(JsonNode data) {
		JsonNode best = data.get(0);
		for (JsonNode pool : data) {
			if (pool.get("apy").doubleValue() > best.get("apy").doubleValue()) {
				best = pool;
			}
		}
		return best;
	}

	private static JsonNode first(JsonNode data, java.util.function.Predicate<JsonNode> condition) {
		for (JsonNode pool : data) {
			if (condition.test(pool)) {
				return pool;
			}
		}
		throw new AssertionError("the recorded file has no pool of the kind this test picks");
	}

	private static String textOrNull(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.asString();
	}

	private static Double numberOrNull(JsonNode node) {
		return (node == null || node.isNull()) ? null : node.doubleValue();
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node != null && node.isArray()) {
			node.forEach((value) -> values.add(value.asString()));
		}
		return values;
	}

}
