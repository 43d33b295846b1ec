package com.yieldpilot.market.internal.defillama;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Parses a DefiLlama {@code /chart/{pool}} response: {@code data} is an array of
 * {@code {timestamp, tvlUsd, apy, apyBase, apyReward}} points with ISO-8601 timestamps.
 * <p>
 * Reads token by token like {@link PoolsParser} and applies the same number rules; a
 * point is skipped, with a reason, when its timestamp is missing or not ISO-8601, its
 * {@code apy} or {@code tvlUsd} is junk, its TVL is negative or an APY is outside [-100,
 * 100000] %. Unlike pools, the points are collected into a list (a series is ~1,000 daily
 * points); more than {@value #MAX_POINTS} points fails the parse rather than filling the
 * heap. Thread-safe and stateless.
 */
public final class ChartParser {

	/** About 270 years of daily points: far more than DefiLlama has. */
	static final int MAX_POINTS = 100_000;

	/**
	 * Parses the body.
	 * @param body a {@code /chart/{pool}} response body; not closed
	 * @return the accepted points and the report
	 * @throws DefiLlamaFormatException if the body as a whole is not a chart response
	 * @throws java.io.UncheckedIOException if reading the stream fails
	 */
	public ChartSeries parse(InputStream body) {
		ReportCollector report = new ReportCollector();
		List<ChartPoint> points = new ArrayList<>();
		int read = EnvelopeReader.read(body, "/chart", "points", (parser, index) -> {
			if (index >= MAX_POINTS) {
				throw new DefiLlamaFormatException("DefiLlama /chart body has more than " + MAX_POINTS + " points",
						index, null);
			}
			readPoint(parser, index, report, points);
		});
		return new ChartSeries(points, report.finish(read));
	}

	private static void readPoint(JsonParser parser, int index, ReportCollector report, List<ChartPoint> points) {
		if (parser.currentToken() != JsonToken.START_OBJECT) {
			parser.skipChildren();
			report.skipped(index, null, "element is not a JSON object");
			return;
		}
		String timestampText = null;
		JsonValues.NumberValue tvlUsd = JsonValues.NumberValue.ABSENT;
		JsonValues.NumberValue apy = JsonValues.NumberValue.ABSENT;
		JsonValues.NumberValue apyBase = JsonValues.NumberValue.ABSENT;
		JsonValues.NumberValue apyReward = JsonValues.NumberValue.ABSENT;
		String name;
		while ((name = parser.nextName()) != null) {
			parser.nextToken();
			switch (name) {
				case "timestamp" -> timestampText = (parser.currentToken() == JsonToken.VALUE_STRING)
						? parser.getString() : skipNonString(parser);
				case "tvlUsd" -> tvlUsd = JsonValues.number(parser);
				case "apy" -> apy = JsonValues.number(parser);
				case "apyBase" -> apyBase = JsonValues.number(parser);
				case "apyReward" -> apyReward = JsonValues.number(parser);
				default -> parser.skipChildren();
			}
		}
		List<String> problems = new ArrayList<>(2);
		Instant timestamp = timestamp(timestampText, problems);
		RecordChecks.requireNumberIfPresent("tvlUsd", tvlUsd, problems);
		RecordChecks.requireNumberIfPresent("apy", apy, problems);
		RecordChecks.requireNotNegative("tvlUsd", tvlUsd.value(), problems);
		RecordChecks.requirePlausibleApy("apy", apy.value(), problems);
		RecordChecks.requirePlausibleApy("apyBase", apyBase.value(), problems);
		RecordChecks.requirePlausibleApy("apyReward", apyReward.value(), problems);
		if (!problems.isEmpty() || timestamp == null) {
			report.skipped(index, null, RecordChecks.describe(problems));
			return;
		}
		points.add(new ChartPoint(timestamp, tvlUsd.value(), apy.value(), apyBase.value(), apyReward.value()));
		report.accepted();
	}

	private static @Nullable String skipNonString(JsonParser parser) {
		// a number or an object where the ISO string belongs: reported as a bad timestamp
		parser.skipChildren();
		return null;
	}

	private static @Nullable Instant timestamp(@Nullable String text, List<String> problems) {
		if (text == null || text.isBlank()) {
			problems.add("timestamp is missing or not a string");
			return null;
		}
		try {
			// ISO_INSTANT: "2023-04-13T22:13:41.138Z", and offsets such as "+02:00"
			return Instant.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			problems.add("timestamp is not ISO-8601: " + JsonValues.echo(text));
			return null;
		}
	}

}
