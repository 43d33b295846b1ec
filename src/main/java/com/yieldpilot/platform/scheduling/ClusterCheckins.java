package com.yieldpilot.platform.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

import org.springframework.stereotype.Component;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * Reads the Quartz cluster's check-in table: which nodes are alive and when each last
 * checked in. The Quartz tables are Quartz's own, so they are addressed by name rather
 * than through generated classes.
 */
@Component
public class ClusterCheckins {

	private static final Table<?> SCHEDULER_STATE = table(name("qrtz_scheduler_state"));

	private static final Field<String> SCHED_NAME = field(name("sched_name"), String.class);

	private static final Field<String> INSTANCE_NAME = field(name("instance_name"), String.class);

	private static final Field<Long> LAST_CHECKIN = field(name("last_checkin_time"), Long.class);

	private static final Field<Long> CHECKIN_INTERVAL = field(name("checkin_interval"), Long.class);

	private final DSLContext dsl;

	public ClusterCheckins(DSLContext dsl) {
		this.dsl = dsl;
	}

	/** When the given scheduler instance last checked in, if it ever did. */
	public Optional<Instant> lastCheckin(String schedulerName, String instanceId) {
		return this.dsl.select(LAST_CHECKIN)
			.from(SCHEDULER_STATE)
			.where(SCHED_NAME.eq(schedulerName).and(INSTANCE_NAME.eq(instanceId)))
			.fetchOptional(LAST_CHECKIN)
			.map(Instant::ofEpochMilli);
	}

	/** Every node of the cluster, as Quartz last saw it. */
	public List<ClusterNode> nodes(String schedulerName) {
		return this.dsl.select(INSTANCE_NAME, LAST_CHECKIN, CHECKIN_INTERVAL)
			.from(SCHEDULER_STATE)
			.where(SCHED_NAME.eq(schedulerName))
			.orderBy(INSTANCE_NAME)
			.fetch(r -> new ClusterNode(r.value1(), Instant.ofEpochMilli(r.value2()), r.value3()));
	}

	/** One scheduler node as recorded in the cluster's check-in table. */
	public record ClusterNode(String instanceId, Instant lastCheckin, long checkinIntervalMillis) {
	}

}
