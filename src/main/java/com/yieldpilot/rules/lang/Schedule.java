package com.yieldpilot.rules.lang;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a time-triggered rule runs: {@code every 6h}, {@code every day 08:30 UTC},
 * {@code every monday, thursday 09:00 UTC}. A scheduled rule may omit its {@code when}
 * part; with one, the conditions are checked at each scheduled time. Each schedule is a
 * Quartz cron expression, read in {@link #ZONE}.
 */
public sealed interface Schedule {

	/** Schedules are written and run in UTC. */
	ZoneId ZONE = ZoneOffset.UTC;

	/**
	 * The Quartz cron expression (seconds, minutes, hours, day of month, month, day of
	 * week) that fires at exactly the scheduled times, in {@link #ZONE}.
	 */
	String cron();

	/**
	 * At a fixed interval from midnight UTC: minutes that divide an hour, hours that
	 * divide a day, or one day. {@code every 6h} runs at 00:00, 06:00, 12:00 and 18:00
	 * UTC.
	 */
	record Interval(Duration every) implements Schedule {

		public Interval {
			Objects.requireNonNull(every, "every");
			problem(every).ifPresent(p -> {
				throw new IllegalArgumentException(p);
			});
		}

		/** What keeps the interval from being a schedule, or empty when it is one. */
		public static Optional<String> problem(Duration every) {
			Optional<String> duration = Durations.problem(every);
			if (duration.isPresent()) {
				return duration;
			}
			long seconds = every.getSeconds();
			if (seconds % 60 != 0) {
				return Optional.of("a schedule runs at most once a minute: use whole minutes, e.g. every 5m");
			}
			long minutes = seconds / 60;
			if (minutes < 60 && 60 % minutes != 0) {
				return Optional.of("every " + Durations.format(every)
						+ " does not divide an hour evenly: use 1m, 2m, 3m, 4m, 5m, 6m, 10m, 12m, 15m, 20m or 30m");
			}
			if (minutes >= 60 && minutes < 1440 && (minutes % 60 != 0 || 24 % (minutes / 60) != 0)) {
				return Optional.of("every " + Durations.format(every)
						+ " does not divide a day evenly: use 1h, 2h, 3h, 4h, 6h, 8h or 12h");
			}
			if (minutes > 1440) {
				return Optional.of("an interval schedule is at most 1d; for longer periods name the days, e.g. "
						+ "every monday 09:00 UTC");
			}
			return Optional.empty();
		}

		@Override
		public String cron() {
			long minutes = this.every.toMinutes();
			if (minutes < 60) {
				return "0 0/" + minutes + " * * * ?";
			}
			if (minutes < 1440) {
				return "0 0 0/" + (minutes / 60) + " * * ?";
			}
			return "0 0 0 * * ?";
		}

	}

	/** On some days of the week at a time of day, in UTC, to the minute. */
	record Calendar(Set<DayOfWeek> days, LocalTime at) implements Schedule {

		/** Monday to Friday. */
		public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

		/** Saturday and Sunday. */
		public static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

		public Calendar {
			if (Objects.requireNonNull(days, "days").isEmpty()) {
				throw new IllegalArgumentException("A schedule needs at least one day");
			}
			days = Set.copyOf(EnumSet.copyOf(days));
			Objects.requireNonNull(at, "at");
			if (at.getSecond() != 0 || at.getNano() != 0) {
				throw new IllegalArgumentException("A scheduled time is to the minute: " + at);
			}
		}

		public static Calendar daily(LocalTime at) {
			return new Calendar(EnumSet.allOf(DayOfWeek.class), at);
		}

		@Override
		public String cron() {
			String time = "0 " + this.at.getMinute() + " " + this.at.getHour();
			if (this.days.size() == 7) {
				return time + " * * ?";
			}
			return time + " ? * "
					+ EnumSet.copyOf(this.days)
						.stream()
						.map(d -> d.name().substring(0, 3))
						.collect(Collectors.joining(","));
		}

	}

}
