package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.yieldpilot.rules.lang.grammar.RuleLanguageBaseVisitor;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.*;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.shared.Spelling;
import org.antlr.v4.runtime.Token;
import org.jspecify.annotations.Nullable;

/**
 * Builds the syntax tree from ANTLR's parse tree with typed visitors. Every check that
 * needs the text (escapes, units, ranges, day names) happens here and becomes a
 * positioned error; the records' own checks are the last line and their messages become
 * positioned errors too. With any error the result is no tree.
 */
final class TreeBuilder {

	private static final int MAX_NUMBER_LENGTH = 40;

	private static final Map<String, Set<DayOfWeek>> DAYS = days();

	private static final Literal PLACEHOLDER = new Literal(BigDecimal.ZERO, LiteralUnit.NUMBER);

	private static final PoolId NO_POOL = new PoolId("invalid", "invalid", "invalid", null);

	private final List<Diagnostic> errors = new ArrayList<>();

	private final SourcePositions.Recorder positions = new SourcePositions.Recorder();

	private final CommentAttacher comments;

	private final ConditionBuilder conditions = new ConditionBuilder();

	private final ExpressionBuilder expressions = new ExpressionBuilder();

	private final ActionBuilder actions = new ActionBuilder();

	TreeBuilder(CommentAttacher comments) {
		this.comments = comments;
		this.errors.addAll(comments.errors());
	}

	List<Diagnostic> errors() {
		return this.errors;
	}

	SourcePositions positions() {
		return this.positions.done();
	}

	@Nullable RuleSyntax build(RuleFileContext rule) {
		String name = text(rule.title, RuleText.MAX_NAME_LENGTH, "The rule's name");
		if (name != null && name.isBlank()) {
			error(rule.title, "the rule's name is empty: write a name between the quotes");
		}
		Schedule schedule = (rule.schedule() != null) ? schedule(rule.schedule()) : null;
		Condition when = (rule.whenClause() != null) ? this.conditions.visit(rule.whenClause().orCondition()) : null;
		if (schedule == null && when == null && rule.schedule() == null) {
			error(rule.thenClause().THEN().getSymbol(), "a rule needs conditions: write `when` and a condition such as "
					+ "`apy(aave-v3:base:USDC) < 4%` before `then`, or a schedule such as `every day 08:30 UTC`");
		}
		List<ActionContext> actionContexts = rule.thenClause().action();
		if (actionContexts.size() > RuleSyntax.MAX_ACTIONS) {
			error(actionContexts.get(RuleSyntax.MAX_ACTIONS).getStart(),
					"a rule has at most " + RuleSyntax.MAX_ACTIONS + " actions");
		}
		List<Action> actionList = actionContexts.stream().map(this.actions::visit).toList();
		RuleOptions options = (rule.optionsClause() != null) ? options(rule.optionsClause()) : RuleOptions.NONE;
		if (!this.errors.isEmpty() || name == null) {
			return null;
		}
		return node(rule.RULE().getSymbol(), () -> new RuleSyntax(this.comments.of(rule), name, schedule, when,
				actionList, options, this.comments.trailing()), null);
	}

	// ---- conditions

	private final class ConditionBuilder extends RuleLanguageBaseVisitor<Condition> {

		@Override
		public Condition visitOrCondition(OrConditionContext ctx) {
			List<Condition> operands = ctx.andCondition().stream().map(this::visit).toList();
			return (operands.size() == 1) ? operands.get(0) : at(new Or(operands), ctx.getStart());
		}

		@Override
		public Condition visitAndCondition(AndConditionContext ctx) {
			List<Condition> operands = ctx.notCondition().stream().map(this::visit).toList();
			return (operands.size() == 1) ? operands.get(0) : at(new And(operands), ctx.getStart());
		}

		@Override
		public Condition visitNegatedCondition(NegatedConditionContext ctx) {
			return at(new Not(visit(ctx.notCondition())), ctx.NOT().getSymbol());
		}

		@Override
		public Condition visitPlainCondition(PlainConditionContext ctx) {
			return visit(ctx.sustainedCondition());
		}

		@Override
		public Condition visitSustainedCondition(SustainedConditionContext ctx) {
			Condition condition = visit(ctx.atomCondition());
			if (ctx.FOR() == null) {
				return condition;
			}
			Duration duration = duration(ctx.DURATION().getSymbol());
			return node(ctx.FOR().getSymbol(), () -> new Sustained(condition, duration), condition);
		}

		@Override
		public Condition visitComparisonCondition(ComparisonConditionContext ctx) {
			return visit(ctx.comparison());
		}

		@Override
		public Condition visitGroupCondition(GroupConditionContext ctx) {
			return visit(ctx.orCondition());
		}

		@Override
		public Condition visitComparison(ComparisonContext ctx) {
			Expression left = TreeBuilder.this.expressions.visit(ctx.left);
			Expression right = TreeBuilder.this.expressions.visit(ctx.right);
			ComparisonOperator operator = ComparisonOperator.bySymbol(ctx.op.getText());
			return at(new Comparison(left, operator, right, TreeBuilder.this.comments.of(ctx)), ctx.getStart());
		}

	}

	// ---- values

	private final class ExpressionBuilder extends RuleLanguageBaseVisitor<Expression> {

		@Override
		public Expression visitExpression(ExpressionContext ctx) {
			Expression result = visit(ctx.multiplicative(0));
			for (int i = 0; i < ctx.ops.size(); i++) {
				Token operator = ctx.ops.get(i);
				result = at(
						new Arithmetic(result, ArithmeticOperator.bySymbol(operator.getText()), visit(ctx.rest.get(i))),
						operator);
			}
			return result;
		}

		@Override
		public Expression visitMultiplicative(MultiplicativeContext ctx) {
			Expression result = visit(ctx.unary(0));
			for (int i = 0; i < ctx.ops.size(); i++) {
				Token operator = ctx.ops.get(i);
				result = at(
						new Arithmetic(result, ArithmeticOperator.bySymbol(operator.getText()), visit(ctx.rest.get(i))),
						operator);
			}
			return result;
		}

		@Override
		public Expression visitNegation(NegationContext ctx) {
			return at(new Negation(visit(ctx.unary())), ctx.MINUS().getSymbol());
		}

		@Override
		public Expression visitPlainUnary(PlainUnaryContext ctx) {
			return visit(ctx.primary());
		}

		@Override
		public Expression visitMetricValue(MetricValueContext ctx) {
			return metricCall(ctx.metricCall());
		}

		@Override
		public Expression visitWindowValue(WindowValueContext ctx) {
			WindowContext window = ctx.window();
			MetricCall metric = metricCall(window.metricCall());
			Duration period = duration(window.DURATION().getSymbol());
			WindowFunction function = WindowFunction.byKeyword(window.fn.getText());
			return node(window.fn, () -> new Window(function, metric, period), metric);
		}

		@Override
		public Expression visitLiteralValue(LiteralValueContext ctx) {
			return literal(ctx.quantity());
		}

		@Override
		public Expression visitGroupValue(GroupValueContext ctx) {
			return visit(ctx.expression());
		}

	}

	private MetricCall metricCall(MetricCallContext ctx) {
		Subject subject = switch (ctx.subject()) {
			case PoolSubjectContext pool -> at(new Subject.Pool(poolId(pool.POOL_ID().getSymbol())), pool.getStart());
			case NamedSubjectContext named ->
				node(named.getStart(), () -> new Subject.Named(named.getText()), new Subject.Named("invalid"));
			default -> throw new IllegalStateException("Unknown subject " + ctx.subject().getText());
		};
		return node(ctx.getStart(), () -> new MetricCall(ctx.metric.getText(), subject),
				new MetricCall("invalid", subject));
	}

	private Expression literal(QuantityContext ctx) {
		if (ctx.USD_AMOUNT() != null) {
			BigDecimal dollars = dollars(ctx.USD_AMOUNT().getSymbol());
			return node(ctx.getStart(), () -> new Literal(dollars, LiteralUnit.USD), PLACEHOLDER);
		}
		Token number = ctx.NUMBER().getSymbol();
		BigDecimal value = number(number);
		LiteralUnit unit;
		if (ctx.PERCENT() != null) {
			unit = LiteralUnit.PERCENT;
		}
		else if (ctx.unit == null) {
			unit = LiteralUnit.NUMBER;
		}
		else {
			unit = switch (ctx.unit.getText().toLowerCase(Locale.ROOT)) {
				case "bps" -> LiteralUnit.BPS;
				case "gwei" -> LiteralUnit.GWEI;
				case "usd" -> LiteralUnit.USD;
				default -> {
					error(ctx.unit,
							"unknown unit `" + ctx.unit.getText() + "` after `" + number.getText()
									+ "`: in conditions write `%`, `bps`, `gwei` or dollars such as `$5k` "
									+ "(token amounts such as `5000 USDC` belong in actions)" + unitHint(ctx.unit));
					yield LiteralUnit.NUMBER;
				}
			};
		}
		return node(number, () -> new Literal(value, unit), PLACEHOLDER);
	}

	// ---- actions

	private final class ActionBuilder extends RuleLanguageBaseVisitor<Action> {

		@Override
		public Action visitMoveAction(MoveActionContext ctx) {
			Amount amount = amount(ctx.quantity(0), false);
			PoolId from = poolId(ctx.from);
			PoolId to = poolId(ctx.to);
			Amount limit = (ctx.limit != null) ? amount(ctx.limit, true) : null;
			return node(ctx.MOVE().getSymbol(),
					() -> new Move(amount, from, to, limit, TreeBuilder.this.comments.of(ctx)),
					new Move(amount, from, to, null));
		}

		@Override
		public Action visitWithdrawAction(WithdrawActionContext ctx) {
			Amount amount = amount(ctx.quantity(), false);
			PoolId from = poolId(ctx.from);
			return node(ctx.WITHDRAW().getSymbol(), () -> new Withdraw(amount, from, TreeBuilder.this.comments.of(ctx)),
					new Withdraw(amount, from));
		}

		@Override
		public Action visitDepositAction(DepositActionContext ctx) {
			Amount amount = amount(ctx.quantity(), false);
			PoolId into = poolId(ctx.into);
			return node(ctx.DEPOSIT().getSymbol(), () -> new Deposit(amount, into, TreeBuilder.this.comments.of(ctx)),
					new Deposit(amount, into));
		}

		@Override
		public Action visitNotifyAction(NotifyActionContext ctx) {
			String message = text(ctx.text, RuleText.MAX_MESSAGE_LENGTH, "The message");
			if (message == null) {
				return new Notify("invalid");
			}
			return node(ctx.NOTIFY().getSymbol(), () -> new Notify(message, TreeBuilder.this.comments.of(ctx)),
					new Notify("invalid"));
		}

	}

	private Amount amount(QuantityContext ctx, boolean limit) {
		Amount fallback = new Amount.Usd(BigDecimal.ONE);
		Token start = ctx.getStart();
		if (ctx.USD_AMOUNT() != null) {
			BigDecimal dollars = dollars(ctx.USD_AMOUNT().getSymbol());
			return node(start, () -> new Amount.Usd(dollars), fallback);
		}
		BigDecimal value = number(ctx.NUMBER().getSymbol());
		String written = ctx.NUMBER().getText();
		if (ctx.PERCENT() != null) {
			if (limit) {
				error(start, "the limit of a move is an amount such as `50000 USDC` or `$50k`, not a share");
				return fallback;
			}
			return node(start, () -> new Amount.Share(value), fallback);
		}
		if (ctx.unit == null) {
			error(start, "`" + written + "` needs a unit: write a share such as `50%`, dollars such as `$" + written
					+ "` or tokens such as `" + written + " USDC`");
			return fallback;
		}
		String unit = ctx.unit.getText();
		return switch (unit.toLowerCase(Locale.ROOT)) {
			case "usd" -> node(start, () -> new Amount.Usd(value), fallback);
			case "bps", "gwei" -> {
				error(ctx.unit, "an amount is a share such as `50%`, dollars such as `$5k` or tokens such as "
						+ "`5000 USDC`, not " + unit);
				yield fallback;
			}
			default -> node(start, () -> new Amount.Tokens(value, unit), fallback);
		};
	}

	// ---- options

	private RuleOptions options(OptionsClauseContext clause) {
		RuleOptions options = RuleOptions.NONE;
		Set<String> seen = new HashSet<>();
		for (OptionContext option : clause.option()) {
			String keywords = keywords(option);
			if (!seen.add(keywords)) {
				error(option.getStart(), "`" + keywords + "` is written twice; keep one");
				continue;
			}
			this.positions.option(keywords, RuleParser.position(option.getStart()));
			RuleOptions current = options;
			options = switch (option) {
				case CooldownOptionContext c ->
					node(c.getStart(), () -> current.withCooldown(duration(c.DURATION().getSymbol())), current);
				case EvaluateOptionContext c ->
					node(c.getStart(), () -> current.withEvaluateEvery(duration(c.DURATION().getSymbol())), current);
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
		return node(clause.getStart(), () -> written.withComments(this.comments.of(clause)), written);
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
		BigDecimal gwei = number(ctx.NUMBER().getSymbol());
		if (ctx.unit == null || !ctx.unit.getText().equalsIgnoreCase("gwei")) {
			error((ctx.unit != null) ? ctx.unit : ctx.NUMBER().getSymbol(),
					"write the gas limit in gwei, e.g. `max gas " + ctx.NUMBER().getText() + " gwei`");
			return current;
		}
		return node(ctx.NUMBER().getSymbol(), () -> current.withMaxGasGwei(gwei), current);
	}

	private RuleOptions priority(PriorityOptionContext ctx, RuleOptions current) {
		BigDecimal value = number(ctx.NUMBER().getSymbol());
		if (value.scale() > 0 || value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
			error(ctx.NUMBER().getSymbol(), "priority is a whole number from 1 to 100, not " + ctx.NUMBER().getText());
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
			error(ctx.value, "`" + text + "` is not a valid date or time: write e.g. `2026-12-31` or "
					+ "`2026-12-31T18:00Z` (UTC)");
			return current;
		}
	}

	// ---- schedules

	private @Nullable Schedule schedule(ScheduleContext ctx) {
		return switch (ctx) {
			case IntervalScheduleContext interval -> {
				Duration every = duration(interval.DURATION().getSymbol());
				Optional<String> problem = Schedule.Interval.problem(every);
				if (problem.isPresent()) {
					error(interval.DURATION().getSymbol(), problem.get());
					yield null;
				}
				yield at(new Schedule.Interval(every), interval.getStart());
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
				error(day.getStart(), "`" + day.getText() + "` is not a day: write `day`, `weekday`, `weekend` or a "
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
			error(time, "`" + time.getText() + "` is not a time of day: use 00:00 to 23:59");
		}
		if (ctx.zone == null) {
			error(time, "add the time zone after the time: schedules run in UTC, e.g. `" + time.getText() + " UTC`");
		}
		else if (!ctx.zone.getText().equalsIgnoreCase("UTC")) {
			error(ctx.zone.getStart(),
					"schedules run in UTC: convert the time and write `UTC`, not `" + ctx.zone.getText() + "`");
		}
		if (days.isEmpty() || hour > 23 || minute > 59) {
			return null;
		}
		return at(new Schedule.Calendar(days, LocalTime.of(hour, minute)), ctx.getStart());
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

	// ---- tokens

	/** The quoted text without its quotes and escapes; {@code null} after an error. */
	private @Nullable String text(Token token, int maxLength, String what) {
		String quoted = token.getText();
		String body = quoted.substring(1, quoted.length() - 1);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c != '\\') {
				text.append(c);
				continue;
			}
			char escaped = body.charAt(++i);
			if (escaped == '"' || escaped == '\\') {
				text.append(escaped);
			}
			else {
				Position at = RuleParser.position(token);
				error(new Position(at.line(), at.column() + 1 + body.codePointCount(0, i - 1)),
						"`\\" + RuleText.printable(String.valueOf(escaped))
								+ "` is not an escape: inside quotes write `\\\"` "
								+ "for a quote and `\\\\` for a backslash, and nothing else after a backslash");
				return null;
			}
		}
		String result = text.toString();
		Optional<String> problem = RuleText.problem(result, maxLength, what);
		if (problem.isPresent()) {
			error(token, decapitalize(problem.get()));
			return null;
		}
		return result;
	}

	private PoolId poolId(Token token) {
		String text = token.getText();
		if (text.length() > PoolId.MAX_LENGTH) {
			error(token, "a pool id has at most " + PoolId.MAX_LENGTH + " characters");
			return NO_POOL;
		}
		String[] parts = text.split(":", -1);
		PoolId id = node(token, () -> new PoolId(parts[0].toLowerCase(Locale.ROOT), parts[1].toLowerCase(Locale.ROOT),
				parts[2], (parts.length > 3) ? parts[3] : null), NO_POOL);
		return this.positions.at(id, RuleParser.position(token));
	}

	private BigDecimal number(Token token) {
		String text = token.getText();
		if (text.length() > MAX_NUMBER_LENGTH) {
			error(token, "the number is too long: numbers stay below 1,000,000,000,000,000");
			return BigDecimal.ZERO;
		}
		return checked(token, new BigDecimal(text.replace(",", "")));
	}

	private BigDecimal dollars(Token token) {
		String text = token.getText().substring(1);
		if (text.length() > MAX_NUMBER_LENGTH) {
			error(token, "the number is too long: numbers stay below 1,000,000,000,000,000");
			return BigDecimal.ONE;
		}
		int shift = switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
			case 'k' -> 3;
			case 'm' -> 6;
			case 'b' -> 9;
			default -> 0;
		};
		String digits = (shift > 0) ? text.substring(0, text.length() - 1) : text;
		return checked(token, new BigDecimal(digits.replace(",", "")).movePointRight(shift));
	}

	private BigDecimal checked(Token token, BigDecimal value) {
		Optional<String> problem = Numbers.problem(value);
		if (problem.isPresent()) {
			error(token, problem.get());
			return BigDecimal.ZERO;
		}
		return Numbers.normal(value);
	}

	private Duration duration(Token token) {
		Optional<Duration> duration = Durations.parse(token.getText());
		Optional<String> problem = duration.flatMap(Durations::problem);
		if (duration.isEmpty() || problem.isPresent()) {
			error(token, "`" + token.getText() + "`: " + problem.orElse("a duration can be at most 366d"));
			return Duration.ofMinutes(1);
		}
		return duration.get();
	}

	private static String unitHint(Token unit) {
		return (unit.getText().length() == 1 && "smhdw".contains(unit.getText()))
				? "; a duration is written without a space, like `5m`" : "";
	}

	private static String didYouMean(String text, Set<String> candidates) {
		List<String> close = Spelling.closest(text, candidates, 1);
		return close.isEmpty() ? "" : "; did you mean `" + close.get(0) + "`?";
	}

	// ---- bookkeeping

	private <T> T at(T node, Token token) {
		return this.positions.at(node, RuleParser.position(token));
	}

	/** Creates a node; a record's refusal becomes an error at the token. */
	private <T> T node(Token token, Supplier<T> create, T fallback) {
		try {
			return at(create.get(), token);
		}
		catch (IllegalArgumentException ex) {
			error(token, decapitalize(ex.getMessage()));
			return fallback;
		}
	}

	private void error(Token token, String message) {
		error(RuleParser.position(token), message);
	}

	private void error(Position position, String message) {
		this.errors.add(Diagnostic.error(position, message));
	}

	private static String decapitalize(String message) {
		if (message.length() > 1 && Character.isUpperCase(message.charAt(0))
				&& !Character.isUpperCase(message.charAt(1))) {
			return Character.toLowerCase(message.charAt(0)) + message.substring(1);
		}
		return message;
	}

}
