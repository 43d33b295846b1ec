package com.yieldpilot.market.internal.defillama;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

class PoolsParserTest {

	private static final String BASE_ID = "cca5805b-1195-4fc8-9cfd-d3e118f70200";

	/** Marks a field to leave out of the pool object. */
	private static final String REMOVE = "<remove>";

	private final PoolsParser parser = new PoolsParser();

	// one pool, one rule: the base pool (a real-shaped /pools object), one field changed

	static Stream<Arguments> acceptedVariants() {
		return Stream.of(
				accepted("unknown field is ignored", "brandNewField", "{\"a\": [1, {\"b\": null}]}", DefiLlamaPool::apy,
						2.39),
				accepted("null apyReward becomes null", "apyReward", "null", DefiLlamaPool::apyReward, null),
				accepted("null apy is accepted as unknown", "apy", "null", DefiLlamaPool::apy, null),
				accepted("null tvlUsd is accepted as unknown", "tvlUsd", "null", DefiLlamaPool::tvlUsd, null),
				accepted("missing apyBase becomes null", "apyBase", REMOVE, DefiLlamaPool::apyBase, null),
				accepted("apy given as a string", "apy", "\"1.5\"", DefiLlamaPool::apy, 1.5),
				accepted("tvlUsd given as a padded string", "tvlUsd", "\" 1234.5 \"", DefiLlamaPool::tvlUsd, 1234.5),
				accepted("tvlUsd as a JSON integer", "tvlUsd", "1000", DefiLlamaPool::tvlUsd, 1000.0),
				accepted("tvlUsd of zero", "tvlUsd", "0", DefiLlamaPool::tvlUsd, 0.0),
				accepted("apyBase in exponent notation", "apyBase", "7e-05", DefiLlamaPool::apyBase, 7e-05),
				accepted("apyBase as a string in exponent notation", "apyBase", "\"1.2E+1\"", DefiLlamaPool::apyBase,
						12.0),
				accepted("non-numeric apyBase \"abc\" becomes null", "apyBase", "\"abc\"", DefiLlamaPool::apyBase,
						null),
				accepted("apyBase \"NaN\" becomes null", "apyBase", "\"NaN\"", DefiLlamaPool::apyBase, null),
				accepted("bare NaN apyBase (Python JSON) becomes null", "apyBase", "NaN", DefiLlamaPool::apyBase, null),
				accepted("apyBase \"Infinity\" becomes null", "apyBase", "\"Infinity\"", DefiLlamaPool::apyBase, null),
				accepted("bare -Infinity apyBase becomes null", "apyBase", "-Infinity", DefiLlamaPool::apyBase, null),
				accepted("empty-string apyBase becomes null", "apyBase", "\"\"", DefiLlamaPool::apyBase, null),
				accepted("object apyBase becomes null", "apyBase", "{\"value\": 2.1}", DefiLlamaPool::apyBase, null),
				accepted("array apyBase becomes null", "apyBase", "[2.1]", DefiLlamaPool::apyBase, null),
				accepted("boolean apyBase becomes null", "apyBase", "true", DefiLlamaPool::apyBase, null),
				accepted("hex-string apyBase becomes null", "apyBase", "\"0x10\"", DefiLlamaPool::apyBase, null),
				accepted("comma-decimal apyReward becomes null", "apyReward", "\"1,5\"", DefiLlamaPool::apyReward,
						null),
				accepted("apy of exactly -100 % is plausible", "apy", "-100", DefiLlamaPool::apy, -100.0),
				accepted("apy of exactly 100000 % is plausible", "apy", "100000", DefiLlamaPool::apy, 100000.0),
				accepted("upper-case pool id is normalised", "pool", "\"CCA5805B-1195-4FC8-9CFD-D3E118F70200\"",
						DefiLlamaPool::poolId, BASE_ID),
				accepted("missing symbol becomes empty", "symbol", REMOVE, DefiLlamaPool::symbol, ""),
				accepted("blank poolMeta becomes null", "poolMeta", "\"\"", DefiLlamaPool::poolMeta, null),
				accepted("null underlyingTokens becomes empty", "underlyingTokens", "null",
						DefiLlamaPool::underlyingTokens, List.of()),
				accepted("non-string token entries are dropped", "rewardTokens", "[\"0xabc\", 7, null, {}]",
						DefiLlamaPool::rewardTokens, List.of("0xabc")),
				accepted("stablecoin true is read", "stablecoin", "true", DefiLlamaPool::stablecoin, true),
				accepted("missing outlier flag is false", "outlier", REMOVE, DefiLlamaPool::outlier, false),
				accepted("DefiLlama's own outlier flag is kept, not used to skip", "outlier", "true",
						DefiLlamaPool::outlier, true));
	}

	static Stream<Arguments> skippedVariants() {
		String tooManyTokens = Stream.generate(() -> "\"0x1\"")
			.limit(PoolsParser.MAX_TOKENS + 1)
			.collect(Collectors.joining(",", "[", "]"));
		return Stream.of(skipped("non-numeric apy \"abc\"", "apy", "\"abc\"", "apy is not a number: \"abc\""),
				skipped("apy \"NaN\"", "apy", "\"NaN\"", "apy is not a number"),
				skipped("bare NaN apy", "apy", "NaN", "apy is not a number"),
				skipped("apy \"Infinity\"", "apy", "\"Infinity\"", "apy is not a number"),
				skipped("bare Infinity apy", "apy", "Infinity", "apy is not a number"),
				skipped("apy too large for a double", "apy", "1e400", "apy is not a number"),
				skipped("empty-string apy", "apy", "\"\"", "apy is not a number: an empty string"),
				skipped("object apy", "apy", "{\"value\": 2}", "apy is not a number: an object"),
				skipped("array apy", "apy", "[2]", "apy is not a number: an array"),
				skipped("boolean apy", "apy", "false", "apy is not a number: a boolean"),
				skipped("non-numeric tvlUsd", "tvlUsd", "\"lots\"", "tvlUsd is not a number: \"lots\""),
				skipped("bare NaN tvlUsd", "tvlUsd", "NaN", "tvlUsd is not a number"),
				skipped("object tvlUsd", "tvlUsd", "{\"usd\": 1}", "tvlUsd is not a number: an object"),
				skipped("empty-string tvlUsd", "tvlUsd", "\"\"", "tvlUsd is not a number"),
				skipped("negative tvlUsd", "tvlUsd", "-1", "tvlUsd is negative"),
				skipped("negative tvlUsd as a string", "tvlUsd", "\"-250.5\"", "tvlUsd is negative"),
				skipped("apy above 100000 %", "apy", "100000.5", "apy 100000.5 % is outside [-100, 100000] %"),
				skipped("apy below -100 %", "apy", "-100.01", "treated as an outlier"),
				skipped("apyBase far above 100000 %", "apyBase", "250000", "apyBase 250000.0 % is outside"),
				skipped("apyReward below -100 %", "apyReward", "\"-500\"", "apyReward -500.0 % is outside"),
				skipped("missing pool id", "pool", REMOVE, "pool id is missing or blank"),
				skipped("null pool id", "pool", "null", "pool id is missing or blank"),
				skipped("empty pool id", "pool", "\"\"", "pool id is missing or blank"),
				skipped("blank pool id", "pool", "\"   \"", "pool id is missing or blank"),
				skipped("object pool id", "pool", "{\"id\": \"x\"}", "pool id is missing or blank"),
				skipped("pool id that is not a UUID", "pool", "\"not-a-uuid\"",
						"pool id is not a UUID: \"not-a-uuid\""),
				skipped("shortened UUID pool id", "pool", "\"1-1-1-1-1\"", "pool id is not a UUID"),
				skipped("missing chain", "chain", REMOVE, "chain is missing or blank"),
				skipped("null chain", "chain", "null", "chain is missing or blank"),
				skipped("blank chain", "chain", "\" \"", "chain is missing or blank"),
				skipped("missing project", "project", REMOVE, "project is missing or blank"),
				skipped("empty project", "project", "\"\"", "project is missing or blank"),
				skipped("absurd number of underlying tokens", "underlyingTokens", tooManyTokens,
						"underlyingTokens has more than 64 entries"));
	}

	@ParameterizedTest
	@MethodSource("acceptedVariants")
	void acceptsPoolAndReadsTheFieldLeniently(String field, String rawJson, Function<DefiLlamaPool, Object> getter,
			@Nullable Object expected) {
		Parsed parsed = parse(envelope(variant(field, rawJson)));

		assertThat(parsed.report().skipped()).isEmpty();
		assertThat(parsed.pools()).hasSize(1);
		assertThat(getter.apply(parsed.pools().get(0))).isEqualTo(expected);
	}

	@ParameterizedTest
	@MethodSource("skippedVariants")
	void skipsPoolAndReportsWhy(String field, String rawJson, String reason) {
		Parsed parsed = parse(envelope(variant(field, rawJson)));

		assertThat(parsed.pools()).isEmpty();
		assertThat(parsed.report().read()).isEqualTo(1);
		assertThat(parsed.report().skippedCount()).isEqualTo(1);
		SkippedRecord skipped = parsed.report().skipped().get(0);
		assertThat(skipped.index()).isZero();
		assertThat(skipped.reason()).contains(reason);
	}

	@Test
	void skipsPoolWithNonNumericApyAndReportsWhy() {
		Parsed parsed = parse(envelope(variant("apy", "\"abc\"")));

		assertThat(parsed.report().skipped())
			.containsExactly(new SkippedRecord(0, BASE_ID, "apy is not a number: \"abc\""));
	}

	@Test
	void reportsEveryProblemOfAPoolInOneReason() {
		Parsed parsed = parse(envelope("{\"pool\": \"x\", \"tvlUsd\": -3, \"apy\": \"abc\"}"));

		assertThat(parsed.report().skipped().get(0).reason()).contains("pool id is not a UUID", "chain is missing",
				"project is missing", "tvlUsd is negative", "apy is not a number");
	}

	@Test
	void readsEveryFieldOfRealShapedPools() {
		Parsed parsed = parse(Fixtures.text("pools-small.json"));

		assertThat(parsed.report().read()).isEqualTo(3);
		assertThat(parsed.report().accepted()).isEqualTo(3);
		assertThat(parsed.pools().get(0))
			.isEqualTo(new DefiLlamaPool("11a4f754-59a7-44f3-8736-61e41926d178", "Base", "kestrel-clmm", "WETH-HRBETH",
					"CL50 - 0.05%", 274513908.0, 0.05131, 4e-05, 0.05127, false, "no", "multi", false,
					List.of("0x3a43a739e8e48b3e2f5bab953b3089e441fd600d", "0x3845329703453717a098b3e4e211b4f4f5ff8850"),
					List.of("0x4bc2143d8a0453f0a2fe6810396b45718fc8d2d2")));
		assertThat(parsed.pools().get(1).stablecoin()).isTrue();
		assertThat(parsed.pools().get(1).apyReward()).isNull();
		assertThat(parsed.pools().get(1).poolMeta()).isNull();
		assertThat(parsed.pools().get(2).rewardTokens()).isEmpty();
		assertThat(parsed.pools().get(2).ilRisk()).isEqualTo("yes");
	}

	@Test
	void oneBadPoolNeverAbortsTheBatch() {
		Parsed parsed = parse(Fixtures.text("pools-mixed.json"));

		BatchReport report = parsed.report();
		assertThat(report.read()).isEqualTo(6);
		assertThat(report.accepted()).isEqualTo(2);
		assertThat(report.skippedCount()).isEqualTo(4);
		assertThat(report.skipped()).extracting(SkippedRecord::index).containsExactly(1, 2, 3, 4);
		assertThat(report.skipped().get(0).reason()).isEqualTo("apy is not a number: \"abc\"");
		assertThat(report.skipped().get(1)).isEqualTo(new SkippedRecord(2, null, "element is not a JSON object"));
		assertThat(report.skipped().get(2).reason()).isEqualTo("pool id is missing or blank");
		assertThat(report.skipped().get(3).reason()).contains("outlier");
		assertThat(report.skipped().get(3).poolId()).isEqualTo("d93fe0bf-11c4-4d7f-8a2b-ded4e3859924");
		assertThat(report.took()).isPositive();
		assertThat(parsed.pools()).extracting(DefiLlamaPool::symbol).containsExactly("GOOD-ONE", "STRINGS");
		DefiLlamaPool strings = parsed.pools().get(1);
		assertThat(strings.tvlUsd()).isEqualTo(2500000.5);
		assertThat(strings.apy()).isEqualTo(12.25);
		assertThat(strings.apyBase()).isNull();
		assertThat(strings.apyReward()).isNull();
	}

	@Test
	void keepsTheFirstHundredSkippedPoolsButCountsAll() {
		List<String> pools = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			pools.add(variant("apy", "\"junk-" + i + "\""));
		}
		pools.add(variant("apy", "1.0"));

		Parsed parsed = parse(envelope(pools.toArray(String[]::new)));

		assertThat(parsed.report().read()).isEqualTo(151);
		assertThat(parsed.report().accepted()).isEqualTo(1);
		assertThat(parsed.report().skippedCount()).isEqualTo(150);
		assertThat(parsed.report().skipped()).hasSize(BatchReport.MAX_SKIPPED_KEPT);
		assertThat(parsed.report().skipped().get(99).reason()).contains("junk-99");
	}

	@Test
	void failsTheBatchWhenStatusIsNotSuccess() {
		List<DefiLlamaPool> seen = new ArrayList<>();

		assertThatExceptionOfType(DefiLlamaFormatException.class)
			.isThrownBy(() -> this.parser.parse(Fixtures.stream("pools-status-error.json"), seen::add))
			.withMessageContaining("status is \"error\", expected \"success\"");
		assertThat(seen).as("nothing is handed over from an error response").isEmpty();
	}

	@Test
	void failsTheBatchWhenStatusIsMissing() {
		assertThatExceptionOfType(DefiLlamaFormatException.class).isThrownBy(() -> parse("{\"data\": []}"))
			.withMessageContaining("status is missing");
	}

	@Test
	void failsTheBatchWhenTheDataArrayIsMissing() {
		assertThatExceptionOfType(DefiLlamaFormatException.class)
			.isThrownBy(() -> parse("{\"status\": \"success\", \"message\": \"no pools today\"}"))
			.withMessageContaining("has no data array");
	}

	@Test
	void failsTheBatchWhenDataIsNotAnArray() {
		assertThatExceptionOfType(DefiLlamaFormatException.class)
			.isThrownBy(() -> parse("{\"status\": \"success\", \"data\": {\"pool\": \"x\"}}"))
			.withMessageContaining("data is not an array");
	}

	@Test
	void failsATruncatedBodyNamingHowManyPoolsWereReadBeforeTheBreak() {
		List<DefiLlamaPool> seen = new ArrayList<>();

		assertThatExceptionOfType(DefiLlamaFormatException.class)
			.isThrownBy(() -> this.parser.parse(Fixtures.stream("pools-truncated.json"), seen::add))
			.withMessageContaining("ended unexpectedly after 2 complete pools")
			.satisfies((ex) -> assertThat(ex.recordsRead()).isEqualTo(2));
		assertThat(seen).hasSize(2);
	}

	@Test
	void failsABodyCutOffBetweenPools() {
		String body = envelope(variant("apy", "1.0"), variant("apy", "2.0"));
		String cut = body.substring(0, body.lastIndexOf(']'));

		assertThatExceptionOfType(DefiLlamaFormatException.class).isThrownBy(() -> parse(cut))
			.withMessageContaining("after 2 complete pools");
	}

	@Test
	void failsABodyThatIsNotJson() {
		assertThatExceptionOfType(DefiLlamaFormatException.class)
			.isThrownBy(() -> parse("<html><body>502 Bad Gateway</body></html>"))
			.withMessageContaining("not valid JSON");
	}

	@Test
	void failsAnEmptyBody() {
		assertThatExceptionOfType(DefiLlamaFormatException.class).isThrownBy(() -> parse(""))
			.withMessageContaining("body is empty");
	}

	@Test
	void failsABodyThatIsAJsonArrayInsteadOfTheEnvelope() {
		assertThatExceptionOfType(DefiLlamaFormatException.class).isThrownBy(() -> parse("[]"))
			.withMessageContaining("not a JSON object");
	}

	@Test
	void passesAnIoFailureOnAsUncheckedIoException() {
		byte[] start = "{\"status\": \"success\", \"data\": [".getBytes(StandardCharsets.UTF_8);
		InputStream failing = new InputStream() {

			private int position;

			@Override
			public int read() throws IOException {
				if (this.position < start.length) {
					return start[this.position++] & 0xFF;
				}
				throw new IOException("connection reset");
			}

		};

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.parser.parse(failing, (pool) -> {
		})).withCauseInstanceOf(IOException.class).withMessageContaining("connection reset");
	}

	@Test
	void handsPoolsOverWhileTheBodyIsStillStreaming() {
		// an endless body cannot be read into memory first: the consumer must get pools
		// from it as they arrive
		int wanted = 50_000;
		List<String> firstIds = new ArrayList<>();
		int[] count = { 0 };

		assertThatExceptionOfType(EnoughPools.class)
			.isThrownBy(() -> this.parser.parse(new EndlessPoolsStream(variant("apy", "1.0")), (pool) -> {
				if (firstIds.size() < 3) {
					firstIds.add(pool.poolId());
				}
				if (++count[0] == wanted) {
					throw new EnoughPools();
				}
			}));
		assertThat(count[0]).isEqualTo(wanted);
		assertThat(firstIds).containsOnly(BASE_ID);
	}

	// --- helpers

	private static Arguments accepted(String name, String field, String rawJson, Function<DefiLlamaPool, ?> getter,
			@Nullable Object expected) {
		return argumentSet(name, field, rawJson, getter, expected);
	}

	private static Arguments skipped(String name, String field, String rawJson, String reason) {
		return argumentSet(name + " skips the pool", field, rawJson, reason);
	}

	/** The base pool with one field replaced by raw JSON text, or removed. */
	static String variant(String field, String rawJson) {
		Map<String, String> fields = baseFields();
		if (REMOVE.equals(rawJson)) {
			fields.remove(field);
		}
		else {
			fields.put(field, rawJson);
		}
		return fields.entrySet()
			.stream()
			.map((entry) -> "\"" + entry.getKey() + "\": " + entry.getValue())
			.collect(Collectors.joining(", ", "{", "}"));
	}

	/**
	 * Field name to raw JSON text, in file order, so any text (even bare NaN) can go in.
	 */
	private static Map<String, String> baseFields() {
		JsonMapper mapper = JsonMapper.builder().build();
		JsonNode base = mapper.readTree(Fixtures.text("pool-base.json"));
		Map<String, String> fields = new LinkedHashMap<>();
		base.properties().forEach((entry) -> fields.put(entry.getKey(), mapper.writeValueAsString(entry.getValue())));
		return fields;
	}

	static String envelope(String... pools) {
		return "{\"status\": \"success\", \"data\": [" + String.join(",\n", pools) + "]}";
	}

	private Parsed parse(String json) {
		List<DefiLlamaPool> pools = new ArrayList<>();
		BatchReport report = this.parser.parse(Fixtures.streamOf(json), pools::add);
		return new Parsed(pools, report);
	}

	private record Parsed(List<DefiLlamaPool> pools, BatchReport report) {

	}

	private static final class EnoughPools extends RuntimeException {

	}

	/** {@code {"status":"success","data":[pool,pool,...} without end. */
	private static final class EndlessPoolsStream extends InputStream {

		private final byte[] pool;

		private byte[] current = "{\"status\": \"success\", \"data\": [".getBytes(StandardCharsets.UTF_8);

		private int position;

		EndlessPoolsStream(String pool) {
			this.pool = (pool + ",\n").getBytes(StandardCharsets.UTF_8);
		}

		@Override
		public int read() {
			if (this.position == this.current.length) {
				this.current = this.pool;
				this.position = 0;
			}
			return this.current[this.position++] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (this.position == this.current.length) {
				this.current = this.pool;
				this.position = 0;
			}
			int n = Math.min(length, this.current.length - this.position);
			System.arraycopy(this.current, this.position, buffer, offset, n);
			this.position += n;
			return n;
		}

	}

}
