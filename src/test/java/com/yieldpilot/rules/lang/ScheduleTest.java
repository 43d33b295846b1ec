package com.yieldpilot.rules.lang;

import java.text.ParseException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.quartz.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Each schedule becomes the Quartz cron expression that fires at exactly its times. */
class ScheduleTest {

	/** A Wednesday. */
	private static final Instant FROM = Instant.parse("2026-03-04T10:17:00Z");

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					every 1m                           | 0 0/1 * * * ?      | 2026-03-04T10:18:00Z, 2026-03-04T10:19:00Z, 2026-03-04T10:20:00Z
					every 15m                          | 0 0/15 * * * ?     | 2026-03-04T10:30:00Z, 2026-03-04T10:45:00Z, 2026-03-04T11:00:00Z
					every 1h                           | 0 0 0/1 * * ?      | 2026-03-04T11:00:00Z, 2026-03-04T12:00:00Z, 2026-03-04T13:00:00Z
					every 6h                           | 0 0 0/6 * * ?      | 2026-03-04T12:00:00Z, 2026-03-04T18:00:00Z, 2026-03-05T00:00:00Z
					every 24h                          | 0 0 0 * * ?        | 2026-03-05T00:00:00Z, 2026-03-06T00:00:00Z, 2026-03-07T00:00:00Z
					every day 08:30 UTC                | 0 30 8 * * ?       | 2026-03-05T08:30:00Z, 2026-03-06T08:30:00Z, 2026-03-07T08:30:00Z
					every monday 09:00 UTC             | 0 0 9 ? * MON      | 2026-03-09T09:00:00Z, 2026-03-16T09:00:00Z, 2026-03-23T09:00:00Z
					every weekday 07:05 UTC            | 0 5 7 ? * MON,TUE,WED,THU,FRI | 2026-03-05T07:05:00Z, 2026-03-06T07:05:00Z, 2026-03-09T07:05:00Z
					every weekend 12:00 UTC            | 0 0 12 ? * SAT,SUN | 2026-03-07T12:00:00Z, 2026-03-08T12:00:00Z, 2026-03-14T12:00:00Z
					every sunday, thursday 23:59 UTC   | 0 59 23 ? * THU,SUN | 2026-03-05T23:59:00Z, 2026-03-08T23:59:00Z, 2026-03-12T23:59:00Z
					""")
	void firesAtExactlyTheScheduledTimesInUtc(String written, String cron, String times) throws ParseException {
		Schedule schedule = RuleParserTest.parse("rule \"x\" " + written + " then notify \"y\"").schedule();

		assertThat(schedule.cron()).isEqualTo(cron);
		CronExpression expression = new CronExpression(schedule.cron());
		expression.setTimeZone(TimeZone.getTimeZone(Schedule.ZONE));
		List<String> fires = new ArrayList<>();
		Date next = Date.from(FROM);
		for (int i = 0; i < 3; i++) {
			next = expression.getNextValidTimeAfter(next);
			fires.add(next.toInstant().toString());
		}
		assertThat(String.join(", ", fires)).isEqualTo(times);
	}

	@Test
	void acceptsOnlyIntervalsThatDivideAnHourOrADay() {
		List<Duration> accepted = new ArrayList<>();
		for (int minutes = 1; minutes <= 24 * 60 + 1; minutes++) {
			if (Schedule.Interval.problem(Duration.ofMinutes(minutes)).isEmpty()) {
				accepted.add(Duration.ofMinutes(minutes));
			}
		}

		assertThat(accepted.stream().map(Durations::format)).containsExactly("1m", "2m", "3m", "4m", "5m", "6m", "10m",
				"12m", "15m", "20m", "30m", "1h", "2h", "3h", "4h", "6h", "8h", "12h", "24h");
		assertThat(Schedule.Interval.problem(Duration.ofSeconds(30))).isPresent();
		assertThatIllegalArgumentException().isThrownBy(() -> new Schedule.Interval(Duration.ofHours(7)))
			.withMessageContaining("does not divide a day evenly");
	}

	@Test
	void calendarSchedulesAreToTheMinuteAndNeedADay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Schedule.Calendar(EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Schedule.Calendar(EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(9, 0, 30)));
		assertThat(new Schedule.Calendar(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.NOON))
			.isEqualTo(new Schedule.Calendar(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), LocalTime.NOON));
	}

}
