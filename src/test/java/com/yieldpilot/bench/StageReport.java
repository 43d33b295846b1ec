package com.yieldpilot.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Record;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION_STEP;
import static com.yieldpilot.execution.internal.db.Tables.GUARDRAIL_REVIEW;
import static com.yieldpilot.rules.internal.db.Tables.RULE_INTENT;

/**
 * Where the time of the measured firings went, from the timestamps the application stores
 * itself: the intent's {@code proposed_at}, the event publication registry's row of its
 * {@code IntentProposed} (written inside the evaluation's transaction), the guardrail
 * review's {@code reviewed_at} (its facts read), the execution's {@code created_at} (the
 * guardrails accepted it) and each {@code execution_step}. A firing whose publication row
 * is gone (the registry's cleanup) is left out.
 */
final class StageReport {

	private static final List<String> STEPS = List.of("PLANNED", "COST_CHECKED", "SIMULATED", "SIGNED");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private StageReport() {
	}

	/**
	 * How the slowest firings relate to the market refreshes the benchmark did not make:
	 * the share of all firings and of the slowest 1 % that began within a second after
	 * one, or while one was published.
	 */
	static void printRefreshes(List<ExecutionLatencyBenchmark.Timed> timed, List<Long> refreshes) {
		if (timed.isEmpty()) {
			return;
		}
		long window = Duration.ofSeconds(1).toNanos();
		List<ExecutionLatencyBenchmark.Timed> slowestFirst = new ArrayList<>(timed);
		slowestFirst.sort((a, b) -> Long.compare(b.sent().nanos() - b.startNanos(), a.sent().nanos() - a.startNanos()));
		int slowest = Math.max(1, slowestFirst.size() / 100);
		int near = 0;
		int nearSlowest = 0;
		for (int i = 0; i < slowestFirst.size(); i++) {
			ExecutionLatencyBenchmark.Timed t = slowestFirst.get(i);
			if (refreshes.stream().anyMatch((r) -> r >= t.startNanos() - window && r <= t.sent().nanos())) {
				near++;
				nearSlowest += (i < slowest) ? 1 : 0;
			}
		}
		System.out.printf(Locale.ROOT,
				"%nMarket refreshes the benchmark did not make: %d since the node started; firings that began within"
						+ " 1 s after one or while one was published: %d of %d (%.1f %%), of the slowest %d: %d"
						+ " (%.1f %%)%n",
				refreshes.size(), near, slowestFirst.size(), 100.0 * near / slowestFirst.size(), slowest, nearSlowest,
				100.0 * nearSlowest / slowest);
	}

	static void print(DSLContext dsl, List<ExecutionLatencyBenchmark.Timed> timed) {
		Map<UUID, Record> executions = executions(dsl, timed.stream().map((t) -> t.sent().id().value()).toList());
		Map<UUID, Map<String, Instant>> steps = steps(dsl, executions.keySet());
		Map<UUID, Instant> publications = publications(dsl,
				executions.values().stream().map((r) -> r.get(EXECUTION.INTENT_ID).value()).toList());
		Map<String, List<Double>> stages = new LinkedHashMap<>();
		for (ExecutionLatencyBenchmark.Timed t : timed) {
			UUID id = t.sent().id().value();
			Record row = executions.get(id);
			Map<String, Instant> at = steps.get(id);
			if (row == null || at == null || !at.keySet().containsAll(STEPS)) {
				continue;
			}
			Instant sent = t.marketAt().plusNanos(t.sent().nanos() - t.startNanos());
			Instant published = publications.get(row.get(EXECUTION.INTENT_ID).value());
			Instant reviewed = row.get(GUARDRAIL_REVIEW.REVIEWED_AT).toInstant();
			if (published == null) {
				continue;
			}
			List<Instant> marks = new ArrayList<>(List.of(t.marketAt(), row.get(RULE_INTENT.PROPOSED_AT).toInstant(),
					published, reviewed, row.get(EXECUTION.CREATED_AT).toInstant()));
			STEPS.forEach((s) -> marks.add(at.get(s)));
			marks.add(sent);
			String[] names = { "market update -> shard evaluation starts",
					"-> intent published (evaluation, intent stored)",
					"-> review's reads done (commit, hand-off, reads)",
					"-> guardrails accepted (guardrails, executions created)", "-> planned (vault read on chain)",
					"-> cost checked (fee quote)", "-> simulated (estimateGas)",
					"-> signed (steps before it stored, nonce, flush)", "-> eth_sendRawTransaction answered" };
			for (int i = 0; i < names.length; i++) {
				stages.computeIfAbsent(names[i], (k) -> new ArrayList<>())
					.add(Duration.between(marks.get(i), marks.get(i + 1)).toNanos() / 1e6);
			}
			stages.computeIfAbsent("total", (k) -> new ArrayList<>()).add((t.sent().nanos() - t.startNanos()) / 1e6);
		}
		System.out.printf(Locale.ROOT, "%nStage split of %d measured firings (ms):%n%-52s %8s %8s %8s %8s%n",
				timed.size(), "stage", "p50", "p90", "p99", "max");
		stages.forEach((name, values) -> System.out.printf(Locale.ROOT, "%-52s %8.1f %8.1f %8.1f %8.1f%n", name,
				percentile(values, 50), percentile(values, 90), percentile(values, 99), percentile(values, 100)));
	}

	static void printFleet(DSLContext dsl, List<Long> starts, List<List<BenchNode.Sent>> rounds) {
		System.out.printf(Locale.ROOT, "%nFleet rounds (%d intents each):%n%-6s %14s %14s %22s %12s%n",
				rounds.get(0).size(), "round", "market->last", "intents/s", "accepted->broadcast", "intents/s");
		for (int r = 0; r < rounds.size(); r++) {
			List<BenchNode.Sent> round = rounds.get(r);
			long last = round.stream().mapToLong(BenchNode.Sent::nanos).max().orElseThrow();
			double total = (last - starts.get(r)) / 1e6;
			List<UUID> ids = round.stream().map((s) -> s.id().value()).toList();
			OffsetDateTime firstAccepted = dsl.select(org.jooq.impl.DSL.min(EXECUTION.CREATED_AT))
				.from(EXECUTION)
				.where(EXECUTION.ID.in(ids))
				.fetchSingle()
				.value1();
			OffsetDateTime lastBroadcast = dsl.select(org.jooq.impl.DSL.max(EXECUTION_STEP.AT))
				.from(EXECUTION_STEP)
				.where(EXECUTION_STEP.EXECUTION_ID.in(ids), EXECUTION_STEP.STATE.eq("BROADCAST"))
				.fetchSingle()
				.value1();
			double window = Duration.between(firstAccepted, lastBroadcast).toNanos() / 1e6;
			System.out.printf(Locale.ROOT, "%-6d %11.0f ms %14.0f %19.0f ms %12.0f%n", r, total,
					round.size() / total * 1e3, window, round.size() / window * 1e3);
		}
	}

	private static Map<UUID, Record> executions(DSLContext dsl, List<UUID> ids) {
		Map<UUID, Record> rows = new HashMap<>();
		dsl.select(EXECUTION.ID, EXECUTION.INTENT_ID, EXECUTION.CREATED_AT, RULE_INTENT.PROPOSED_AT,
				GUARDRAIL_REVIEW.REVIEWED_AT)
			.from(EXECUTION)
			.join(RULE_INTENT)
			.on(RULE_INTENT.ID.eq(EXECUTION.INTENT_ID))
			.join(GUARDRAIL_REVIEW)
			.on(GUARDRAIL_REVIEW.INTENT_ID.eq(EXECUTION.INTENT_ID))
			.where(EXECUTION.ID.in(ids))
			.forEach((row) -> rows.put(row.get(EXECUTION.ID), row));
		return rows;
	}

	/**
	 * When each intent's {@code IntentProposed} was published, in the evaluation's
	 * transaction: the event publication registry's row for it.
	 */
	private static Map<UUID, Instant> publications(DSLContext dsl, List<UUID> intents) {
		Map<UUID, Instant> at = new HashMap<>();
		Map<String, UUID> byText = new HashMap<>();
		intents.forEach((id) -> byText.put(id.toString(), id));
		dsl.resultQuery("select serialized_event, publication_date from event_publication where event_type like ?",
				"%IntentProposed")
			.forEach((row) -> {
				Matcher m = UUID_TEXT.matcher(row.get(0, String.class));
				while (m.find()) {
					UUID id = byText.get(m.group());
					if (id != null) {
						at.merge(id, row.get(1, OffsetDateTime.class).toInstant(), (a, b) -> a.isBefore(b) ? a : b);
					}
				}
			});
		return at;
	}

	private static Map<UUID, Map<String, Instant>> steps(DSLContext dsl, java.util.Collection<UUID> ids) {
		Map<UUID, Map<String, Instant>> steps = new HashMap<>();
		dsl.select(EXECUTION_STEP.EXECUTION_ID, EXECUTION_STEP.STATE, EXECUTION_STEP.AT)
			.from(EXECUTION_STEP)
			.where(EXECUTION_STEP.EXECUTION_ID.in(ids))
			.orderBy(EXECUTION_STEP.SEQ)
			.forEach((row) -> steps.computeIfAbsent(row.value1(), (k) -> new HashMap<>())
				.putIfAbsent(row.value2(), row.value3().toInstant()));
		return steps;
	}

	/** The nearest-rank percentile. */
	static double percentile(List<Double> values, double p) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		int rank = (int) Math.ceil(p / 100 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

}
