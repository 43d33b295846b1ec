package com.yieldpilot.market.internal.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import com.yieldpilot.market.DailyHistory;
import com.yieldpilot.market.DailyRollupChange;
import com.yieldpilot.market.DailyRollupPosition;
import com.yieldpilot.market.HistoryPoint;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.shared.PoolId;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.DatePart;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.market.internal.db.Tables.METRIC_ROLLUP;
import static org.jooq.impl.DSL.function;
import static org.jooq.impl.DSL.val;

@Repository
class JooqRollupStore implements RollupStore {

	/** Rows per multi-row INSERT, and pools per query of their daily histories. */
	private static final int CHUNK = 1000;

	private static final long DAY_SECONDS = 86_400L;

	private final DSLContext dsl;

	JooqRollupStore(DSLContext dsl) {
		this.dsl = dsl;
	}

	@Override
	public int rollup(Resolution resolution, Instant from, Instant to) {
		if (resolution == Resolution.RAW) {
			throw new IllegalArgumentException("Raw samples are not rolled up");
		}
		Integer changed = this.dsl
			.select(function("market_rollup", Integer.class, val(resolution.name()), val(utc(from)), val(utc(to))))
			.fetchOne(0, Integer.class);
		return (changed != null) ? changed : 0;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public int rollup(String subject, Resolution resolution, Instant from, Instant to) {
		if (resolution == Resolution.RAW) {
			throw new IllegalArgumentException("Raw samples are not rolled up");
		}
		Integer changed = this.dsl
			.select(function("market_rollup_subject", Integer.class, val(subject), val(resolution.name()),
					val(utc(from)), val(utc(to))))
			.fetchOne(0, Integer.class);
		return (changed != null) ? changed : 0;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public List<RollupBucket> addRollupsIfAbsent(Collection<RollupBucket> buckets) {
		List<RollupBucket> all = List.copyOf(buckets);
		List<RollupBucket> written = new ArrayList<>();
		for (int start = 0; start < all.size(); start += CHUNK) {
			List<RollupBucket> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
			var insert = this.dsl.insertInto(METRIC_ROLLUP, METRIC_ROLLUP.SUBJECT, METRIC_ROLLUP.METRIC,
					METRIC_ROLLUP.RESOLUTION, METRIC_ROLLUP.BUCKET, METRIC_ROLLUP.AVG_VALUE, METRIC_ROLLUP.MIN_VALUE,
					METRIC_ROLLUP.MAX_VALUE, METRIC_ROLLUP.LAST_VALUE, METRIC_ROLLUP.SAMPLES);
			var values = insert.values(row(chunk.get(0)));
			for (RollupBucket bucket : chunk.subList(1, chunk.size())) {
				values = values.values(row(bucket));
			}
			values.onConflictDoNothing()
				.returning(METRIC_ROLLUP.SUBJECT, METRIC_ROLLUP.METRIC, METRIC_ROLLUP.RESOLUTION, METRIC_ROLLUP.BUCKET,
						METRIC_ROLLUP.AVG_VALUE, METRIC_ROLLUP.MIN_VALUE, METRIC_ROLLUP.MAX_VALUE,
						METRIC_ROLLUP.LAST_VALUE, METRIC_ROLLUP.SAMPLES)
				.fetch()
				.forEach(r -> written.add(new RollupBucket(r.getSubject(), Metric.valueOf(r.getMetric()),
						Resolution.valueOf(r.getResolution()), r.getBucket().toInstant(), r.getAvgValue(),
						r.getMinValue(), r.getMaxValue(), r.getLastValue(), r.getSamples())));
		}
		return written;
	}

	private static org.jooq.Row9<String, String, String, OffsetDateTime, Double, Double, Double, Double, Integer> row(
			RollupBucket b) {
		return org.jooq.impl.DSL.row(b.subject(), b.metric().name(), b.resolution().name(), utc(b.bucket()), b.avg(),
				b.min(), b.max(), b.last(), b.samples());
	}

	@Override
	public List<HistoryPoint> rollups(String subject, Metric metric, Resolution resolution, Instant from, Instant to) {
		return this.dsl.selectFrom(METRIC_ROLLUP)
			.where(METRIC_ROLLUP.SUBJECT.eq(subject))
			.and(METRIC_ROLLUP.METRIC.eq(metric.name()))
			.and(METRIC_ROLLUP.RESOLUTION.eq(resolution.name()))
			.and(METRIC_ROLLUP.BUCKET.ge(utc(from)))
			.and(METRIC_ROLLUP.BUCKET.lt(utc(to)))
			.orderBy(METRIC_ROLLUP.BUCKET)
			.fetch(r -> new HistoryPoint(r.getBucket().toInstant(), r.getAvgValue(), r.getMinValue(), r.getMaxValue(),
					r.getSamples()));
	}

	@Override
	public void dailyHistories(Collection<PoolId> subjects, List<Metric> metrics, Instant from, Instant to,
			Consumer<DailyHistory> each) {
		if (subjects.isEmpty() || metrics.isEmpty() || !from.isBefore(to)) {
			return;
		}
		long fromDay = Math.floorDiv(from.getEpochSecond(), DAY_SECONDS);
		int span = (int) (Math.floorDiv(to.getEpochSecond() - 1, DAY_SECONDS) - fromDay + 1);
		Map<String, PoolId> ids = new LinkedHashMap<>();
		subjects.forEach((id) -> ids.put(id.toString(), id));
		List<String> names = metrics.stream().map(Metric::name).toList();
		List<String> all = List.copyOf(ids.keySet());
		for (int start = 0; start < all.size(); start += CHUNK) {
			List<String> chunk = all.subList(start, Math.min(all.size(), start + CHUNK));
			DailyAccumulator pool = new DailyAccumulator(metrics, fromDay, span);
			// the bucket as epoch seconds: parsing 12 million timestamps costs more than
			// reading them
			try (Cursor<Record4<String, String, Long, Double>> rows = this.dsl
				.select(METRIC_ROLLUP.SUBJECT, METRIC_ROLLUP.METRIC,
						DSL.extract(METRIC_ROLLUP.BUCKET, DatePart.EPOCH).cast(Long.class), METRIC_ROLLUP.AVG_VALUE)
				.from(METRIC_ROLLUP)
				.where(METRIC_ROLLUP.SUBJECT.in(chunk))
				.and(METRIC_ROLLUP.METRIC.in(names))
				.and(METRIC_ROLLUP.RESOLUTION.eq(Resolution.DAY.name()))
				.and(METRIC_ROLLUP.BUCKET.ge(utc(from)))
				.and(METRIC_ROLLUP.BUCKET.lt(utc(to)))
				.orderBy(METRIC_ROLLUP.SUBJECT)
				.fetchSize(10_000)
				.fetchLazy()) {
				for (Record4<String, String, Long, Double> row : rows) {
					String subject = row.value1();
					if (!subject.equals(pool.subject())) {
						pool.flush(ids, each);
						pool.start(subject);
					}
					pool.add(row.value2(), Math.floorDiv(row.value3(), DAY_SECONDS), row.value4());
				}
			}
			pool.flush(ids, each);
		}
	}

	@Override
	public DailyRollupPosition dailyRollupPosition() {
		// xid8 has no cast to bigint, its text form has (see V38); both from one snapshot
		Field<Long> firstUnseen = DSL.field("pg_snapshot_xmax(pg_current_snapshot())::text::bigint", Long.class);
		Field<Long[]> running = DSL
			.field("array(select x::text::bigint from pg_snapshot_xip(pg_current_snapshot()) as x)", Long[].class);
		Record2<Long, Long[]> snapshot = this.dsl.select(firstUnseen, running).fetchSingle();
		return new DailyRollupPosition(Objects.requireNonNull(snapshot.value1(), "pg_snapshot_xmax returned nothing"),
				Arrays.stream(snapshot.value2()).mapToLong(Long::longValue).toArray());
	}

	@Override
	public void dailyRollupChanges(DailyRollupPosition since, List<Metric> metrics, Instant from,
			Consumer<DailyRollupChange> each) {
		if (metrics.isEmpty()) {
			return;
		}
		try (Cursor<Record4<String, String, Long, Double>> rows = this.dsl
			.select(METRIC_ROLLUP.SUBJECT, METRIC_ROLLUP.METRIC,
					DSL.extract(METRIC_ROLLUP.BUCKET, DatePart.EPOCH).cast(Long.class), METRIC_ROLLUP.AVG_VALUE)
			.from(METRIC_ROLLUP)
			// the partial index metric_rollup_day_change_ix
			.where(METRIC_ROLLUP.RESOLUTION.eq(Resolution.DAY.name()))
			// written by a transaction the position's read could not see: one started
			// after it or still running then
			.and(METRIC_ROLLUP.CHANGE_XID.ge(since.firstUnseen())
				.or(METRIC_ROLLUP.CHANGE_XID.in(Arrays.stream(since.running()).boxed().toList())))
			.and(METRIC_ROLLUP.METRIC.in(metrics.stream().map(Metric::name).toList()))
			.and(METRIC_ROLLUP.BUCKET.ge(utc(from)))
			.fetchSize(10_000)
			.fetchLazy()) {
			for (Record4<String, String, Long, Double> row : rows) {
				Optional<PoolId> pool = PoolId.tryParse(row.value1());
				if (pool.isPresent()) {
					each.accept(new DailyRollupChange(pool.get(), Metric.valueOf(row.value2()),
							Math.floorDiv(row.value3(), DAY_SECONDS), row.value4()));
				}
			}
		}
	}

	/**
	 * One subject's daily means while its rows stream in: a slot per day of the window,
	 * trimmed to the days it has when handed over.
	 */
	private static final class DailyAccumulator {

		private final List<Metric> metrics;

		private final Map<String, Integer> index = new HashMap<>();

		private final long fromDay;

		private final double[][] means;

		private @Nullable String subject;

		private int first = Integer.MAX_VALUE;

		private int last = -1;

		DailyAccumulator(List<Metric> metrics, long fromDay, int span) {
			this.metrics = metrics;
			for (int m = 0; m < metrics.size(); m++) {
				this.index.put(metrics.get(m).name(), m);
			}
			this.fromDay = fromDay;
			this.means = new double[metrics.size()][span];
			for (double[] series : this.means) {
				Arrays.fill(series, Double.NaN);
			}
		}

		@Nullable String subject() {
			return this.subject;
		}

		void start(String subject) {
			this.subject = subject;
		}

		void add(String metric, long day, double mean) {
			int slot = (int) (day - this.fromDay);
			Integer m = this.index.get(metric);
			if (m == null || slot < 0 || slot >= this.means[m].length) {
				return;
			}
			this.means[m][slot] = mean;
			this.first = Math.min(this.first, slot);
			this.last = Math.max(this.last, slot);
		}

		void flush(Map<String, PoolId> ids, Consumer<DailyHistory> each) {
			if (this.subject != null && this.last >= 0) {
				double[][] trimmed = new double[this.means.length][];
				for (int m = 0; m < this.means.length; m++) {
					trimmed[m] = Arrays.copyOfRange(this.means[m], this.first, this.last + 1);
					Arrays.fill(this.means[m], Double.NaN);
				}
				each.accept(new DailyHistory(ids.get(this.subject), this.metrics, this.fromDay + this.first, trimmed));
			}
			this.subject = null;
			this.first = Integer.MAX_VALUE;
			this.last = -1;
		}

	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
