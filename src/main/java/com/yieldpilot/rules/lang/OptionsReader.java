package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

import com.yieldpilot.rules.lang.grammar.RuleLanguageParser;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.ApprovalOptionContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.CooldownOptionContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.EvaluateOptionContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.ExpiresOptionContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.MaxGasOptionContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.ModeOptionContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.OptionContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.OptionsClauseContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.PriorityOptionContext;

/** Reads the options clause: each option at most once, in any order. */
final class OptionsReader {

	private final TreeContext context;

	private final TokenValues values;

	private final CommentAttacher comments;

	OptionsReader(TreeContext context, TokenValues values, CommentAttacher comments) {
		this.context = context;
		this.values = values;
		this.comments = comments;
	}

	RuleOptions read(OptionsClauseContext clause) {
		RuleOptions options = RuleOptions.NONE;
		Set<String> seen = new HashSet<>();
		for (OptionContext option : clause.option()) {
			String keywords = keywords(option);
			if (!seen.add(keywords)) {
				this.context.error(option.getStart(), "`" + keywords + "` is written twice; keep one");
				continue;
			}
			this.context.option(keywords, option.getStart());
			RuleOptions current = options;
			options = switch (option) {
				case CooldownOptionContext c -> this.context.node(c.getStart(),
						() -> current.withCooldown(this.values.duration(c.DURATION().getSymbol())), current);
				case EvaluateOptionContext c -> this.context.node(c.getStart(),
						() -> current.withEvaluateEvery(this.values.duration(c.DURATION().getSymbol())), current);
				case MaxGasOptionContext c -> maxGas(c, current);
				case ModeOptionContext c ->
					current.withMode((c.value.getType() == RuleLanguageParser.LIVE) ? Mode.LIVE : Mode.PAPER);
				case ApprovalOptionContext c -> current.withApprovalRequired(true);
				case PriorityOptionContext c -> priority(c, current);
				case ExpiresOptionContext c -> expires(c, current);
				default -> throw new IllegalStateException("Unknown option " + option.getText());
			};
		}
		RuleOptions written = options;
		return this.context.node(clause.getStart(), () -> written.withComments(this.comments.of(clause)), written);
	}

	private static String keywords(OptionContext option) {
		return switch (option) {
			case MaxGasOptionContext c -> "max gas";
			case ApprovalOptionContext c -> "approval required";
			case EvaluateOptionContext c -> "evaluate every";
			default -> option.getStart().getText();
		};
	}

	private RuleOptions maxGas(MaxGasOptionContext ctx, RuleOptions current) {
		BigDecimal gwei = this.values.number(ctx.NUMBER().getSymbol());
		if (ctx.unit == null || !ctx.unit.getText().equalsIgnoreCase("gwei")) {
			this.context.error((ctx.unit != null) ? ctx.unit : ctx.NUMBER().getSymbol(),
					"write the gas limit in gwei, e.g. `max gas " + ctx.NUMBER().getText() + " gwei`");
			return current;
		}
		return this.context.node(ctx.NUMBER().getSymbol(), () -> current.withMaxGasGwei(gwei), current);
	}

	private RuleOptions priority(PriorityOptionContext ctx, RuleOptions current) {
		BigDecimal value = this.values.number(ctx.NUMBER().getSymbol());
		if (value.scale() > 0 || value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
			this.context.error(ctx.NUMBER().getSymbol(),
					"priority is a whole number from 1 to 100, not " + ctx.NUMBER().getText());
			return current;
		}
		return current.withPriority(value.intValueExact());
	}

	private RuleOptions expires(ExpiresOptionContext ctx, RuleOptions current) {
		String text = ctx.value.getText();
		try {
			Instant instant = (ctx.value.getType() == RuleLanguageParser.DATE)
					? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: LocalDateTime.parse(text.endsWith("Z") ? text.substring(0, text.length() - 1) : text)
						.toInstant(ZoneOffset.UTC);
			return current.withExpires(instant);
		}
		catch (DateTimeParseException ex) {
			this.context.error(ctx.value, "`" + text + "` is not a valid date or time: write e.g. `2026-12-31` or "
					+ "`2026-12-31T18:00Z` (UTC)");
			return current;
		}
	}

}
