package com.yieldpilot.rules.lang;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.CalendarScheduleContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.IntervalScheduleContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.NameContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.ScheduleContext;
import com.yieldpilot.shared.Spelling;
import org.antlr.v4.runtime.Token;
import org.jspecify.annotations.Nullable;

/**
 * Reads a schedule: an interval that divides an hour or a day, or days of the week and a
 * time in UTC.
 */
final class ScheduleReader {

	private static final Map<String, Set<DayOfWeek>> DAYS = days();

	private final TreeContext context;

	private final TokenValues values;

	ScheduleReader(TreeContext context, TokenValues values) {
		this.context = context;
		this.values = values;
	}

	@Nullable Schedule read(ScheduleContext ctx) {
		return switch (ctx) {
			case IntervalScheduleContext interval -> {
				Duration every = this.values.duration(interval.DURATION().getSymbol());
				Optional<String> problem = Schedule.Interval.problem(every);
				if (problem.isPresent()) {
					this.context.error(interval.DURATION().getSymbol(), problem.get());
					yield null;
				}
				yield this.context.at(new Schedule.Interval(every), interval.getStart());
			}
			case CalendarScheduleContext calendar -> calendar(calendar);
			default -> throw new IllegalStateException("Unknown schedule " + ctx.getText());
		};
	}

	private Schedule.@Nullable Calendar calendar(CalendarScheduleContext ctx) {
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		for (NameContext day : ctx.days) {
			Set<DayOfWeek> named = DAYS.get(day.getText().toLowerCase(Locale.ROOT));
			if (named == null) {
				this.context.error(day.getStart(),
						"`" + day.getText() + "` is not a day: write `day`, `weekday`, `weekend` or a "
								+ "day of the week such as `monday`" + didYouMean(day.getText(), DAYS.keySet()));
			}
			else {
				days.addAll(named);
			}
		}
		Token time = ctx.TIME().getSymbol();
		String[] parts = time.getText().split(":");
		int hour = Integer.parseInt(parts[0]);
		int minute = Integer.parseInt(parts[1]);
		if (hour > 23 || minute > 59) {
			this.context.error(time, "`" + time.getText() + "` is not a time of day: use 00:00 to 23:59");
		}
		if (ctx.zone == null) {
			this.context.error(time,
					"add the time zone after the time: schedules run in UTC, e.g. `" + time.getText() + " UTC`");
		}
		else if (!ctx.zone.getText().equalsIgnoreCase("UTC")) {
			this.context.error(ctx.zone.getStart(),
					"schedules run in UTC: convert the time and write `UTC`, not `" + ctx.zone.getText() + "`");
		}
		if (days.isEmpty() || hour > 23 || minute > 59) {
			return null;
		}
		return this.context.at(new Schedule.Calendar(days, LocalTime.of(hour, minute)), ctx.getStart());
	}

	private static Map<String, Set<DayOfWeek>> days() {
		Map<String, Set<DayOfWeek>> days = new LinkedHashMap<>();
		days.put("day", EnumSet.allOf(DayOfWeek.class));
		days.put("weekday", Schedule.Calendar.WEEKDAYS);
		days.put("weekend", Schedule.Calendar.WEEKEND);
		for (DayOfWeek day : DayOfWeek.values()) {
			days.put(day.name().toLowerCase(Locale.ROOT), EnumSet.of(day));
		}
		return Map.copyOf(days);
	}

	private static String didYouMean(String text, Set<String> candidates) {
		List<String> close = Spelling.closest(text, candidates, 1);
		return close.isEmpty() ? "" : "; did you mean `" + close.get(0) + "`?";
	}

}
