package com.yieldpilot.risk.internal.model;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads DeFiHackLabs' incident list ({@code incidents.json}): an array of {@code {date:
 * "YYYYMMDD", name, type, Lost, lossType, chain}}. Losses count in US dollars only when
 * {@code lossType} is USD or a dollar stablecoin; other units are kept as unknown rather
 * than converted at a guessed price.
 */
public final class IncidentList {

	private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

	private IncidentList() {
	}

	/** The incidents, oldest first. */
	public static List<Incident> read(InputStream json) {
		JsonNode root;
		try {
			root = JsonMapper.builder().build().readTree(json);
		}
		catch (JacksonException ex) {
			throw new HistoryFormatException(
					List.of("The incident list is not valid JSON: " + ex.getOriginalMessage()));
		}
		if (root == null || !root.isArray()) {
			throw new HistoryFormatException(List.of("The incident list must be a JSON array of "
					+ "{\"date\":\"YYYYMMDD\",\"name\":…,\"type\":…,\"Lost\":…,\"lossType\":…,\"chain\":…}."));
		}
		List<Incident> incidents = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		int index = 0;
		for (JsonNode entry : root) {
			String date = entry.path("date").asString("");
			String name = entry.path("name").asString("").strip();
			try {
				LocalDate day = (date.length() == 8) ? LocalDate.parse(date, BASIC) : LocalDate.parse(date);
				if (name.isEmpty()) {
					problems.add("incident " + index + ": the name is empty.");
				}
				else {
					incidents.add(new Incident(day, name, entry.path("type").asString(""), lossUsd(entry),
							entry.path("chain").asString("")));
				}
			}
			catch (DateTimeParseException ex) {
				problems.add("incident " + index + " (" + name + "): '" + date
						+ "' is not a date; use YYYYMMDD or YYYY-MM-DD.");
			}
			index++;
			if (problems.size() >= 20) {
				break;
			}
		}
		if (!problems.isEmpty()) {
			throw new HistoryFormatException(problems);
		}
		incidents.sort(Comparator.comparing(Incident::date).thenComparing(Incident::name));
		return List.copyOf(incidents);
	}

	private static double lossUsd(JsonNode entry) {
		String unit = entry.path("lossType").asString("USD").strip().toUpperCase(Locale.ROOT);
		JsonNode lost = entry.path("Lost");
		if (!lost.isNumber() || !(unit.equals("USD") || unit.equals("USDT") || unit.equals("USDC") || unit.equals("DAI")
				|| unit.equals("BUSD"))) {
			return Double.NaN;
		}
		return lost.asDouble();
	}

}
