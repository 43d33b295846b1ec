package com.yieldpilot.market.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.db.tables.records.MetricLatestRecord;
import com.yieldpilot.market.internal.db.tables.records.MetricSampleRecord;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.InsertValuesStep6;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.market.internal.db.Tables.METRIC_LATEST;
import static com.yieldpilot.market.internal.db.Tables.METRIC_SAMPLE;
import static com.yieldpilot.market.internal.db.Sequences.METRIC_LATEST_CHANGE_SEQ;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.val;

@Repository
class JooqSampleStore implements SampleStore {

	/**
	 * Rows per multi-row INSERT: large enough to amortise round trips, small enough for
	 * the bind limit.
	 */
	private static final int CHUNK = 1000;

	/**
	 * Samples per statement of {@link #appendColumn}: two array binds whatever the count.
	 */
	private static final int COLUMN_CHUNK = 10_000;

	/**
	 * The advisory lock that makes writers of the newest values commit in the order of
	 * their change numbers ("YPCHGFED" in ASCII).
	 */
	private static final long CHANGE_FEED_LOCK = 0x5950434847464544L;

	private final DSLContext dsl;

	JooqSampleStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void takeChangeTurn() {
		this.dsl.select(function("pg_advisory_xact_lock", SQLDataType.OTHER, val(CHANGE_FEED_LOCK))).fetch();
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int append(Collection<MetricSample> samples) {
		if (samples.isEmpty()) {
			return 0;
		}
		int stored = 0;
		List<MetricSample> all = List.copyOf(samples);
		for (int start = 0; start < all.size(); start += CHUNK) {
			List<MetricSample> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
			stored += insertSamples(chunk);
			upsertLatest(chunk);
		}
		return stored;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int appendColumn(Metric metric, Source source, Instant observedAt, List<String> subjects, double[] values) {
		if (subjects.size() != values.length) {
			throw new IllegalArgumentException(subjects.size() + " subjects, " + values.length + " values");
		}
		if (new HashSet<>(subjects).size() != subjects.size()) {
			throw new IllegalArgumentException(
					"A subject repeats among the " + subjects.size() + " " + metric + " samples: each gets one");
		}
		int stored = 0;
		for (int start = 0; start < subjects.size(); start += COLUMN_CHUNK) {
			int end = Math.min(subjects.size(), start + COLUMN_CHUNK);
			Table<?> column = DSL.table("unnest({0}, {1})",
					val(subjects.subList(start, end).toArray(String[]::new)).cast(SQLDataType.VARCHAR.array()),
					val(Arrays.stream(values, start, end).boxed().toArray(Double[]::new))
						.cast(SQLDataType.DOUBLE.array()))
				.as("column", "subject", "value");
			Field<String> subject = DSL.field(DSL.name("column", "subject"), String.class);
			Field<Double> value = DSL.field(DSL.name("column", "value"), Double.class);
			stored += this.dsl
				.insertInto(METRIC_SAMPLE, METRIC_SAMPLE.SUBJECT, METRIC_SAMPLE.METRIC, METRIC_SAMPLE.OBSERVED_AT,
						METRIC_SAMPLE.VALUE, METRIC_SAMPLE.SOURCE)
				.select(DSL.select(subject, val(metric.name()), val(utc(observedAt)), value, val(source.name()))
					.from(column))
				.onConflictDoNothing()
				.execute();
			this.dsl
				.insertInto(METRIC_LATEST, METRIC_LATEST.SUBJECT, METRIC_LATEST.METRIC, METRIC_LATEST.SOURCE,
						METRIC_LATEST.OBSERVED_AT, METRIC_LATEST.VALUE)
				.select(DSL.select(subject, val(metric.name()), val(source.name()), val(utc(observedAt)), value)
					.from(column))
				.onConflict(METRIC_LATEST.SUBJECT, METRIC_LATEST.METRIC, METRIC_LATEST.SOURCE)
				.doUpdate()
				.set(METRIC_LATEST.OBSERVED_AT, DSL.excluded(METRIC_LATEST.OBSERVED_AT))
				.set(METRIC_LATEST.VALUE, DSL.excluded(METRIC_LATEST.VALUE))
				.set(METRIC_LATEST.BLOCK_NUMBER, DSL.excluded(METRIC_LATEST.BLOCK_NUMBER))
				.set(METRIC_LATEST.CHANGE_SEQ, METRIC_LATEST_CHANGE_SEQ.nextval())
				.where(METRIC_LATEST.OBSERVED_AT.lt(DSL.excluded(METRIC_LATEST.OBSERVED_AT)))
				.execute();
		}
		return stored;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int appendHistory(Collection<MetricSample> samples) {
		int stored = 0;
		List<MetricSample> all = List.copyOf(samples);
		for (int start = 0; start < all.size(); start += CHUNK) {
			stored += insertSamples(all.subList(start, Math.min(all.size(), start + CHUNK)));
		}
		return stored;
	}

	private int insertSamples(List<MetricSample> chunk) {
		var insert = this.dsl.insertInto(METRIC_SAMPLE, METRIC_SAMPLE.SUBJECT, METRIC_SAMPLE.METRIC,
				METRIC_SAMPLE.OBSERVED_AT, METRIC_SAMPLE.VALUE, METRIC_SAMPLE.SOURCE, METRIC_SAMPLE.BLOCK_NUMBER);
		InsertValuesStep6<MetricSampleRecord, String, String, OffsetDateTime, Double, String, Long> values = insert;
		for (MetricSample s : chunk) {
			values = values.values(s.subject(), s.metric().name(), utc(s.observedAt()), s.value(), s.source().name(),
					s.blockNumber());
		}
		return values.onConflictDoNothing().execute();
	}

	private void upsertLatest(List<MetricSample> chunk) {
		// one row per key, the newest of the chunk, or PostgreSQL refuses to update a
		// row twice
		var newest = new LinkedHashMap<String, MetricSample>();
		for (MetricSample s : chunk) {
			newest.merge(s.subject() + "|" + s.metric() + "|" + s.source(), s,
					(a, b) -> b.observedAt().isAfter(a.observedAt()) ? b : a);
		}
		var insert = this.dsl.insertInto(METRIC_LATEST, METRIC_LATEST.SUBJECT, METRIC_LATEST.METRIC,
				METRIC_LATEST.SOURCE, METRIC_LATEST.OBSERVED_AT, METRIC_LATEST.VALUE, METRIC_LATEST.BLOCK_NUMBER);
		InsertValuesStep6<MetricLatestRecord, String, String, String, OffsetDateTime, Double, Long> values = insert;
		for (MetricSample s : newest.values()) {
			values = values.values(s.subject(), s.metric().name(), s.source().name(), utc(s.observedAt()), s.value(),
					s.blockNumber());
		}
		values.onConflict(METRIC_LATEST.SUBJECT, METRIC_LATEST.METRIC, METRIC_LATEST.SOURCE)
			.doUpdate()
			.set(METRIC_LATEST.OBSERVED_AT, org.jooq.impl.DSL.excluded(METRIC_LATEST.OBSERVED_AT))
			.set(METRIC_LATEST.VALUE, org.jooq.impl.DSL.excluded(METRIC_LATEST.VALUE))
			.set(METRIC_LATEST.BLOCK_NUMBER, org.jooq.impl.DSL.excluded(METRIC_LATEST.BLOCK_NUMBER))
			.set(METRIC_LATEST.CHANGE_SEQ, METRIC_LATEST_CHANGE_SEQ.nextval())
			.where(METRIC_LATEST.OBSERVED_AT.lt(org.jooq.impl.DSL.excluded(METRIC_LATEST.OBSERVED_AT)))
			.execute();
	}

	@Override
	public List<MetricSample> latest(Collection<String> subjects) {
		return this.dsl.selectFrom(METRIC_LATEST)
			.where(METRIC_LATEST.SUBJECT.in(subjects))
			.orderBy(METRIC_LATEST.SUBJECT, METRIC_LATEST.METRIC, METRIC_LATEST.SOURCE)
			.fetch(r -> sample(r.getSubject(), r.getMetric(), r.getObservedAt(), r.getValue(), r.getSource(),
					r.getBlockNumber()));
	}

	@Override
	public List<MetricSample> series(String subject, Metric metric, Instant from, Instant to) {
		return this.dsl.selectFrom(METRIC_SAMPLE)
			.where(METRIC_SAMPLE.SUBJECT.eq(subject))
			.and(METRIC_SAMPLE.METRIC.eq(metric.name()))
			.and(METRIC_SAMPLE.OBSERVED_AT.ge(utc(from)))
			.and(METRIC_SAMPLE.OBSERVED_AT.lt(utc(to)))
			.orderBy(METRIC_SAMPLE.OBSERVED_AT)
			.fetch(r -> sample(r.getSubject(), r.getMetric(), r.getObservedAt(), r.getValue(), r.getSource(),
					r.getBlockNumber()));
	}

	@Override
	public List<LatestChange> changesAfter(long changeNumber, int limit) {
		return this.dsl.selectFrom(METRIC_LATEST)
			.where(METRIC_LATEST.CHANGE_SEQ.gt(changeNumber))
			.orderBy(METRIC_LATEST.CHANGE_SEQ)
			.limit(limit)
			.fetch(r -> new LatestChange(Objects.requireNonNull(r.getChangeSeq()), sample(r.getSubject(), r.getMetric(),
					r.getObservedAt(), r.getValue(), r.getSource(), r.getBlockNumber())));
	}

	@Override
	public List<SampleBucket> buckets(String subject, Metric metric, Instant from, Duration width) {
		Field<Long> bucket = DSL
			.floor(DSL.extract(METRIC_SAMPLE.OBSERVED_AT, DatePart.EPOCH).mul(1000).div(width.toMillis()))
			.cast(Long.class)
			.as("bucket");
		Field<Double[]> oldestFirst = DSL.arrayAgg(METRIC_SAMPLE.VALUE).orderBy(METRIC_SAMPLE.OBSERVED_AT.asc());
		Field<Double[]> newestFirst = DSL.arrayAgg(METRIC_SAMPLE.VALUE).orderBy(METRIC_SAMPLE.OBSERVED_AT.desc());
		return this.dsl
			.select(bucket, DSL.count(), DSL.sum(METRIC_SAMPLE.VALUE), DSL.min(METRIC_SAMPLE.VALUE),
					DSL.max(METRIC_SAMPLE.VALUE), DSL.min(METRIC_SAMPLE.OBSERVED_AT), DSL.arrayGet(oldestFirst, 1),
					DSL.max(METRIC_SAMPLE.OBSERVED_AT), DSL.arrayGet(newestFirst, 1))
			.from(METRIC_SAMPLE)
			.where(METRIC_SAMPLE.SUBJECT.eq(subject))
			.and(METRIC_SAMPLE.METRIC.eq(metric.name()))
			.and(METRIC_SAMPLE.OBSERVED_AT.ge(utc(from)))
			.groupBy(bucket)
			.orderBy(bucket)
			.fetch(r -> new SampleBucket(r.value1(), r.value2(), r.value3().doubleValue(), r.value4(), r.value5(),
					r.value6().toInstant(), r.value7(), r.value8().toInstant(), r.value9()));
	}

	@Override
	public void ensurePartitions(Instant from, Instant to) {
		List<Instant> months = new ArrayList<>();
		YearMonth last = YearMonth.from(to.atOffset(ZoneOffset.UTC));
		for (YearMonth m = YearMonth.from(from.atOffset(ZoneOffset.UTC)); !m.isAfter(last); m = m.plusMonths(1)) {
			months.add(m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
		}
		for (Instant month : months) {
			Record result = this.dsl.select(function("market_ensure_partition", String.class, val(utc(month))))
				.fetchOne();
			if (result == null) {
				throw new IllegalStateException("market_ensure_partition returned nothing for " + month);
			}
		}
	}

	@Override
	public List<String> dropRawBefore(Instant before) {
		String[] dropped = this.dsl.select(function("market_drop_partitions_before", String[].class, val(utc(before))))
			.fetchOne(0, String[].class);
		return (dropped != null) ? List.of(dropped) : List.of();
	}

	private static MetricSample sample(String subject, String metric, OffsetDateTime at, Double value, String source,
			@Nullable Long block) {
		return new MetricSample(subject, Metric.valueOf(metric), at.toInstant(), value, Source.valueOf(source), block);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
