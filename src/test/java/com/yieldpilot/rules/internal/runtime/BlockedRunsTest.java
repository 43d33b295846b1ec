package com.yieldpilot.rules.internal.runtime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;

import com.yieldpilot.rules.lang.Schedule;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;

import static org.assertj.core.api.Assertions.assertThat;

class BlockedRunsTest {

	@Test
	void aWaitingRunGivesWayAtItsRulesNextScheduledTimeInUtc() {
		Schedule weekly = new Schedule.Calendar(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(9, 0));
		Instant monday = Instant.parse("2026-11-23T09:00:00Z");
		assertThat(BlockedRuns.next(weekly, monday)).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
		assertThat(BlockedRuns.next(weekly, Instant.parse("2026-11-26T09:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));

		Schedule sixHours = new Schedule.Interval(Duration.ofHours(6));
		assertThat(BlockedRuns.next(sixHours, Instant.parse("2026-11-23T18:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
	}

	@Test
	void onlyARetrysTriggerNamesAWaitingRun() {
		JobDataMap cron = new JobDataMap();
		cron.put(ScheduledRuleJob.RULE, "3f0c2a56-52b4-4c36-9a43-3e0b4f1f7c11");
		assertThat(BlockedRuns.Pending.of(cron)).isEmpty();

		JobDataMap retry = new JobDataMap(cron);
		retry.put(BlockedRuns.SCHEDULED_AT, "2026-11-23T09:00:00Z");
		retry.put(BlockedRuns.VERSION, 3);
		retry.put(BlockedRuns.WAITS, "blocked: x has stale data");
		assertThat(BlockedRuns.Pending.of(retry))
			.contains(new BlockedRuns.Pending(Instant.parse("2026-11-23T09:00:00Z"), 3, "blocked: x has stale data"));
	}

}
