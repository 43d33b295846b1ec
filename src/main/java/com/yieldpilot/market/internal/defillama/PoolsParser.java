package com.yieldpilot.market.internal.defillama;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Parses a DefiLlama {@code /pools} response as a stream: each pool is read, checked and
 * handed to the consumer before the next one is read, so memory stays constant however
 * many pools the body has (the live response is 15,000+ pools, tens of MB).
 * <p>
 * Per-pool rules (a broken pool is skipped and reported, never fails the batch):
 * <ul>
 * <li>unknown fields are ignored; {@code null} numbers become null; numbers sent as
 * strings ({@code "1.5"}) are accepted;</li>
 * <li>junk where a number belongs ({@code "abc"}, NaN, Infinity, {@code ""}, an object or
 * array) makes the field null, and skips the pool when the field is {@code apy} or
 * {@code tvlUsd};</li>
 * <li>a missing, blank or non-UUID {@code pool} id, a missing or blank {@code chain} or
 * {@code project} skips the pool;</li>
 * <li>a negative {@code tvlUsd}, or an {@code apy}, {@code apyBase} or {@code apyReward}
 * outside [-100, 100000] % skips the pool as an outlier;</li>
 * <li>more than {@value #MAX_TOKENS} underlying or reward tokens skips the pool.</li>
 * </ul>
 * Whole-body problems (not JSON, cut off, {@code status} not {@code success}, no
 * {@code data} array) throw {@link DefiLlamaFormatException}; pools before the problem
 * have then already reached the consumer. Exceptions from the consumer abort the parse
 * and pass through unchanged. Thread-safe and stateless; one instance can serve all
 * calls.
 */
public final class PoolsParser {

	/** Real pools have at most a handful of tokens; more is a broken record. */
	static final int MAX_TOKENS = 64;

	/**
	 * Parses the body, handing every accepted pool to {@code sink}.
	 * @param body a {@code /pools} response body; read to the end of the JSON, not closed
	 * @param sink receives the accepted pools in body order
	 * @return counts and the skipped pools with reasons
	 * @throws DefiLlamaFormatException if the body as a whole is not a {@code /pools}
	 * response
	 * @throws java.io.UncheckedIOException if reading the stream fails
	 */
	public BatchReport parse(InputStream body, Consumer<? super DefiLlamaPool> sink) {
		ReportCollector report = new ReportCollector();
		int read = EnvelopeReader.read(body, "/pools", "pools",
				(parser, index) -> readPool(parser, index, report, sink));
		return report.finish(read);
	}

	private static void readPool(JsonParser parser, int index, ReportCollector report,
			Consumer<? super DefiLlamaPool> sink) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			parser.skipChildren();
			report.skipped(index, null, "element is not a JSON object");
			return;
		}
		PoolFields fields = PoolFields.read(parser);
		List<String> problems = new ArrayList<>(2);
		String poolId = fields.poolId(problems);
		String chain = required("chain", fields.chain, problems);
		String project = required("project", fields.project, problems);
		RecordChecks.requireNumberIfPresent("tvlUsd", fields.tvlUsd, problems);
		RecordChecks.requireNumberIfPresent("apy", fields.apy, problems);
		RecordChecks.requireNotNegative("tvlUsd", fields.tvlUsd.value(), problems);
		RecordChecks.requirePlausibleApy("apy", fields.apy.value(), problems);
		RecordChecks.requirePlausibleApy("apyBase", fields.apyBase.value(), problems);
		RecordChecks.requirePlausibleApy("apyReward", fields.apyReward.value(), problems);
		tokensWithinLimit("underlyingTokens", fields.underlyingTokens, problems);
		tokensWithinLimit("rewardTokens", fields.rewardTokens, problems);
		if (!problems.isEmpty() || poolId == null || chain == null || project == null) {
			report.skipped(index, fields.shownPoolId(), RecordChecks.describe(problems));
			return;
		}
		sink.accept(new DefiLlamaPool(poolId, chain, project, (fields.symbol != null) ? fields.symbol : "",
				blankToNull(fields.poolMeta), fields.tvlUsd.value(), fields.apy.value(), fields.apyBase.value(),
				fields.apyReward.value(), fields.stablecoin, blankToNull(fields.ilRisk), blankToNull(fields.exposure),
				fields.outlier, fields.underlyingTokens.values(), fields.rewardTokens.values()));
		report.accepted();
	}

	private static @Nullable String required(String field, @Nullable String value, List<String> problems) {
		if (value == null || value.isEmpty()) {
			problems.add(field + " is missing or blank");
			return null;
		}
		return value;
	}

	private static void tokensWithinLimit(String field, JsonValues.StringList tokens, List<String> problems) {
		if (tokens.overflow()) {
			problems.add(field + " has more than " + MAX_TOKENS + " entries");
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The raw fields of one pool object, before any rule is applied. */
	private static final class PoolFields {

		private static final int MAX_SHOWN_ID = 64;

		@Nullable String poolId;

		@Nullable String chain;

		@Nullable String project;

		@Nullable String symbol;

		@Nullable String poolMeta;

		@Nullable String ilRisk;

		@Nullable String exposure;

		JsonValues.NumberValue tvlUsd = JsonValues.NumberValue.ABSENT;

		JsonValues.NumberValue apy = JsonValues.NumberValue.ABSENT;

		JsonValues.NumberValue apyBase = JsonValues.NumberValue.ABSENT;

		JsonValues.NumberValue apyReward = JsonValues.NumberValue.ABSENT;

		boolean stablecoin;

		boolean outlier;

		JsonValues.StringList underlyingTokens = JsonValues.StringList.EMPTY;

		JsonValues.StringList rewardTokens = JsonValues.StringList.EMPTY;

		/** Reads the object the parser is on, up to and including its END_OBJECT. */
		static PoolFields read(JsonParser parser) {
			PoolFields fields = new PoolFields();
			String name;
			while ((name = parser.nextName()) != null) {
				parser.nextToken();
				switch (name) {
					case "pool" -> fields.poolId = JsonValues.text(parser);
					case "chain" -> fields.chain = JsonValues.text(parser);
					case "project" -> fields.project = JsonValues.text(parser);
					case "symbol" -> fields.symbol = JsonValues.text(parser);
					case "poolMeta" -> fields.poolMeta = JsonValues.text(parser);
					case "ilRisk" -> fields.ilRisk = JsonValues.text(parser);
					case "exposure" -> fields.exposure = JsonValues.text(parser);
					case "tvlUsd" -> fields.tvlUsd = JsonValues.number(parser);
					case "apy" -> fields.apy = JsonValues.number(parser);
					case "apyBase" -> fields.apyBase = JsonValues.number(parser);
					case "apyReward" -> fields.apyReward = JsonValues.number(parser);
					case "stablecoin" -> fields.stablecoin = JsonValues.flag(parser);
					case "outlier" -> fields.outlier = JsonValues.flag(parser);
					case "underlyingTokens" -> fields.underlyingTokens = JsonValues.strings(parser, MAX_TOKENS);
					case "rewardTokens" -> fields.rewardTokens = JsonValues.strings(parser, MAX_TOKENS);
					// predictions, mu, sigma, apyPct*, volumes, and whatever is
					// added later
					default -> parser.skipChildren();
				}
			}
			return fields;
		}

		@Nullable String poolId(List<String> problems) {
			if (this.poolId == null || this.poolId.isEmpty()) {
				problems.add("pool id is missing or blank");
				return null;
			}
			String canonical = PoolIds.canonical(this.poolId).orElse(null);
			if (canonical == null) {
				problems.add("pool id is not a UUID: " + JsonValues.echo(this.poolId));
			}
			return canonical;
		}

		@Nullable String shownPoolId() {
			if (this.poolId == null || this.poolId.isEmpty()) {
				return null;
			}
			return (this.poolId.length() > MAX_SHOWN_ID) ? this.poolId.substring(0, MAX_SHOWN_ID) : this.poolId;
		}

	}

}
