package com.yieldpilot.rules.check;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.rules.PlanLimits;
import com.yieldpilot.rules.lang.And;
import com.yieldpilot.rules.lang.Comparison;
import com.yieldpilot.rules.lang.Condition;
import com.yieldpilot.rules.lang.Diagnostic;
import com.yieldpilot.rules.lang.Durations;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.Not;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Or;
import com.yieldpilot.rules.lang.Position;
import com.yieldpilot.rules.lang.RuleOptions;
import com.yieldpilot.rules.lang.RuleSyntax;
import com.yieldpilot.rules.lang.Schedule;
import com.yieldpilot.rules.lang.SourcePositions;
import com.yieldpilot.rules.lang.Sustained;

/**
 * Checks a rule's tree against the catalog and the farmer's plan. The result lists every
 * error and warning with its position; a rule with no error is valid. Every name resolves
 * through the {@link RuleVocabulary} and nowhere else, which is what keeps farmer text
 * from ever becoming code.
 */
public final class RuleValidator {

	/** The longest {@code evaluate every}. */
	public static final Duration MAX_EVALUATION_INTERVAL = Duration.ofDays(1);

	private final RuleVocabulary vocabulary;

	private final Clock clock;

	public RuleValidator(RuleVocabulary vocabulary, Clock clock) {
		this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/** Errors and warnings, in text order; the positions come from the parse, if any. */
	public List<Diagnostic> validate(RuleSyntax rule, SourcePositions positions, PlanLimits limits) {
		Report report = new Report(positions);
		ValueChecks values = new ValueChecks(this.vocabulary, report);
		if (rule.when() != null) {
			condition(rule.when(), values, report, rule.options());
		}
		ActionChecks actions = new ActionChecks(values, this.vocabulary, report);
		rule.actions().forEach(actions::check);
		if (rule.actions().size() > limits.maxActionsPerRule()) {
			int allowed = limits.maxActionsPerRule();
			report.error(report.at(rule.actions().get(allowed), rule), "your plan allows " + allowed
					+ ((allowed == 1) ? " action" : " actions") + " per rule; this rule has " + rule.actions().size());
		}
		if (rule.schedule() != null) {
			schedule(rule.schedule(), report, limits);
		}
		options(rule, report, limits);
		return report.diagnostics();
	}

	private void condition(Condition condition, ValueChecks values, Report report, RuleOptions options) {
		switch (condition) {
			case Comparison comparison -> values.comparison(comparison);
			case And and -> and.operands().forEach(c -> condition(c, values, report, options));
			case Or or -> or.operands().forEach(c -> condition(c, values, report, options));
			case Not not -> condition(not.operand(), values, report, options);
			case Sustained sustained -> {
				condition(sustained.condition(), values, report, options);
				sustained(sustained, report, options);
			}
		}
	}

	private void sustained(Sustained sustained, Report report, RuleOptions options) {
		Position at = report.at(sustained);
		Duration duration = sustained.duration();
		if (duration.compareTo(ValueChecks.MIN_PERIOD) < 0 || duration.compareTo(ValueChecks.MAX_SUSTAINED) > 0) {
			report.error(at, "`for` holds a condition between 1m and 30d, not " + Durations.format(duration));
		}
		else if (options.evaluateEvery() != null && duration.compareTo(options.evaluateEvery()) < 0) {
			report.warning(at, "the rule is checked every " + Durations.format(options.evaluateEvery()) + ", so `for "
					+ Durations.format(duration) + "` can only be seen at that pace");
		}
	}

	private void schedule(Schedule schedule, Report report, PlanLimits limits) {
		if (schedule instanceof Schedule.Interval interval
				&& interval.every().compareTo(limits.minEvaluationInterval()) < 0) {
			report.error(report.at(schedule),
					"your plan runs rules at most every " + Durations.format(limits.minEvaluationInterval())
							+ ": write `every " + Durations.format(limits.minEvaluationInterval()) + "` or longer");
		}
	}

	private void options(RuleSyntax rule, Report report, PlanLimits limits) {
		RuleOptions options = rule.options();
		SourcePositions positions = report.positions();
		if (options.mode() == Mode.LIVE) {
			Position at = positions.option("mode").orElse(Position.START);
			if (!limits.liveModeAllowed()) {
				report.error(at, "your plan runs rules in paper mode only: remove `mode live` (paper mode records "
						+ "what the rule would do without moving funds)");
			}
			else if (rule.actions().stream().allMatch(Notify.class::isInstance)) {
				report.warning(at, "`mode live` changes nothing here: this rule only notifies");
			}
		}
		Duration cooldown = options.cooldown();
		if (cooldown != null && cooldown.compareTo(ValueChecks.MIN_PERIOD) < 0) {
			report.error(positions.option("cooldown").orElse(Position.START),
					"a cooldown lasts at least 1m, not " + Durations.format(cooldown));
		}
		Duration every = options.evaluateEvery();
		if (every != null) {
			Position at = positions.option("evaluate every").orElse(Position.START);
			if (every.compareTo(limits.minEvaluationInterval()) < 0) {
				report.error(at,
						"your plan evaluates rules at most every " + Durations.format(limits.minEvaluationInterval())
								+ ": write `evaluate every " + Durations.format(limits.minEvaluationInterval())
								+ "` or longer");
			}
			else if (every.compareTo(MAX_EVALUATION_INTERVAL) > 0) {
				report.error(at, "`evaluate every` is at most 24h; for rarer runs use a schedule such as "
						+ "`every monday 09:00 UTC`");
			}
		}
		if (options.expires() != null && !options.expires().isAfter(this.clock.instant())) {
			report.error(positions.option("expires").orElse(Position.START),
					"this rule expires at " + options.expires() + ", which has passed: it would never fire");
		}
	}

	/** Whether the diagnostics let the rule be saved. */
	public static boolean valid(List<Diagnostic> diagnostics) {
		return diagnostics.stream().noneMatch(Diagnostic::isError);
	}

}
