package com.yieldpilot.platform.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.yieldpilot.platform.scheduling.ClusterJobs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Table;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.stereotype.Component;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Keeps the event publication registry moving while the nodes run, not only when one
 * restarts (which re-sends every incomplete publication, as before):
 * <ul>
 * <li>a delivery whose listener threw (a database hiccup, an RPC that was down) is tried
 * again, first after {@code retry-after}, then after twice as long each time, at most
 * {@code max-backoff} apart, and never given up: the listeners are idempotent (a stored
 * verdict, a unique key), so a second delivery changes nothing that the first did;</li>
 * <li>a delivery started longer than {@code stuck-after} ago and not finished is counted
 * as lost with the node that ran it (killed, or cut off from the database), marked failed
 * and so tried again by whichever node runs the next round;</li>
 * <li>completed publications older than {@code retention} are deleted, so the table does
 * not grow with every market update for ever;</li>
 * <li>a publication whose event cannot be read back is left where it is and named in the
 * log, and stops neither the round nor the node's start.</li>
 * </ul>
 * A round runs as a clustered Quartz job, on one node at a time.
 * {@code yieldpilot.events.failed} counts the deliveries waiting to be tried again and
 * {@code yieldpilot.events.failed.oldest} is the age of the oldest, in seconds.
 */
@Component
@EnableConfigurationProperties(EventRedeliveryProperties.class)
class EventRedelivery implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

	static final JobKey JOB = JobKey.jobKey("event-redelivery", "platform");

	/** How many attempts make a delivery worth a warning in the log. */
	private static final int WARN_AFTER = 5;

	private final FailedEventPublications failed;

	private final IncompleteEventPublications incomplete;

	private final CompletedEventPublications completed;

	/**
	 * Spring Modulith's table (db/migration V3), outside jOOQ's generated classes because
	 * the registry owns its rows.
	 */
	private static final Table<?> PUBLICATION = table(name("event_publication"));

	private static final Field<String> STATUS = field(name("status"), String.class);

	private static final Field<OffsetDateTime> PUBLISHED = field(name("publication_date"), OffsetDateTime.class);

	private static final Field<OffsetDateTime> COMPLETED = field(name("completion_date"), OffsetDateTime.class);

	private static final Field<OffsetDateTime> LAST_RESUBMITTED = field(name("last_resubmission_date"),
			OffsetDateTime.class);

	private final DSLContext dsl;

	private final ClusterJobs jobs;

	private final EventRedeliveryProperties properties;

	private final Clock clock;

	private final AtomicLong waiting = new AtomicLong();

	private final AtomicLong oldest = new AtomicLong();

	private final Counter resubmissions;

	private final Counter stuck;

	/** The publications this node found unreadable, named in the log once each. */
	private final Set<UUID> unreadable = ConcurrentHashMap.newKeySet();

	EventRedelivery(FailedEventPublications failed, IncompleteEventPublications incomplete,
			CompletedEventPublications completed, DSLContext dsl, ClusterJobs jobs,
			EventRedeliveryProperties properties, Clock clock, MeterRegistry meters) {
		this.failed = failed;
		this.incomplete = incomplete;
		this.completed = completed;
		this.dsl = dsl;
		this.jobs = jobs;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("yieldpilot.events.failed", this.waiting, AtomicLong::get)
			.description("Event deliveries that failed and wait to be tried again")
			.register(meters);
		Gauge.builder("yieldpilot.events.failed.oldest", this.oldest, AtomicLong::get)
			.description("Age in seconds of the oldest event delivery waiting to be tried again")
			.baseUnit("seconds")
			.register(meters);
		this.resubmissions = Counter.builder("yieldpilot.events.resubmitted")
			.description("Failed or lost event deliveries sent to their listener again")
			.register(meters);
		this.stuck = Counter.builder("yieldpilot.events.stuck")
			.description("Event deliveries found started and never finished (their node died)")
			.register(meters);
	}

	/**
	 * Schedules the rounds and re-sends every incomplete publication, as Spring
	 * Modulith's {@code republish-outstanding-events-on-restart} did (it is off): that
	 * one stops at the first publication it cannot read back, and with it the node's
	 * start.
	 */
	@Override
	public void run(ApplicationArguments args) throws SchedulerException {
		this.jobs.ensureRepeating(JOB, EventRedeliveryJob.class, this.properties.interval());
		if (this.properties.resubmitOnStart()) {
			this.incomplete.resubmitIncompletePublications(this::readable);
		}
	}

	/**
	 * Whether the publication's event can be read back. One that cannot (an event of
	 * another version, a class that changed) is never handed to the registry, whose error
	 * path reads it again and throws out of the whole round; it stays in the table,
	 * counted as waiting, and is named once in the log.
	 */
	private boolean readable(EventPublication publication) {
		try {
			publication.getEvent();
			return true;
		}
		catch (RuntimeException ex) {
			if (this.unreadable.add(publication.getIdentifier())) {
				log.error(
						"Event publication {} cannot be read back and is left undelivered in event_publication "
								+ "until a version that reads it runs, or an operator deletes it: {}",
						publication.getIdentifier(), ex.getMessage());
			}
			return false;
		}
	}

	/** What one round did. */
	record Round(int stuck, int resubmitted, int waiting) {
	}

	/**
	 * One round: lost deliveries marked failed, failed ones due sent again, old ones
	 * deleted.
	 */
	Round run() {
		Instant now = this.clock.instant();
		int lost = markStuckFailed(now);
		int resubmitted = resubmitDue(now);
		this.completed.deletePublicationsOlderThan(this.properties.retention());
		int left = measure(now);
		if (lost > 0 || resubmitted > 0) {
			log.info("Event redelivery: {} deliveries found stuck, {} sent again, {} failed and waiting", lost,
					resubmitted, left);
		}
		return new Round(lost, resubmitted, left);
	}

	/**
	 * Marks failed what was started before {@code stuck-after} and never finished: the
	 * registry only re-sends failed deliveries, and a node that died leaves its own as
	 * published, processing or resubmitted. A resubmitted one counts from its last
	 * attempt, not from when its event was published.
	 */
	private int markStuckFailed(Instant now) {
		int marked = this.dsl.update(PUBLICATION)
			.set(STATUS, "FAILED")
			.where(COMPLETED.isNull())
			.and(STATUS.in("PUBLISHED", "PROCESSING", "RESUBMITTED"))
			.and(coalesce(LAST_RESUBMITTED, PUBLISHED)
				.lt(now.minus(this.properties.stuckAfter()).atOffset(ZoneOffset.UTC)))
			.execute();
		this.stuck.increment(marked);
		return marked;
	}

	private int resubmitDue(Instant now) {
		AtomicInteger offered = new AtomicInteger();
		this.failed.resubmit(
				ResubmissionOptions.defaults().withBatchSize(100).withMaxInFlight(100).withFilter((publication) -> {
					if (!due(publication, now) || !readable(publication)) {
						return false;
					}
					if (publication.getCompletionAttempts() >= WARN_AFTER) {
						log.warn("Delivering event publication {} again: attempt {} since {}",
								publication.getIdentifier(), publication.getCompletionAttempts() + 1,
								publication.getPublicationDate());
					}
					offered.incrementAndGet();
					return true;
				}));
		this.resubmissions.increment(offered.get());
		return offered.get();
	}

	/** Whether the delivery's pause since its last attempt is over. */
	private boolean due(EventPublication publication, Instant now) {
		Instant last = publication.getLastResubmissionDate();
		Instant since = (last != null) ? last : publication.getPublicationDate();
		Duration pause = this.properties.backoff(publication.getCompletionAttempts());
		return !since.plus(pause).isAfter(now);
	}

	private int measure(Instant now) {
		Record2<Integer, OffsetDateTime> found = this.dsl.select(count(), min(PUBLISHED))
			.from(PUBLICATION)
			.where(COMPLETED.isNull())
			.and(STATUS.eq("FAILED"))
			.fetchSingle();
		OffsetDateTime first = found.value2();
		this.waiting.set(found.value1());
		this.oldest.set((first != null) ? Math.max(0, Duration.between(first.toInstant(), now).toSeconds()) : 0);
		return found.value1();
	}

}
