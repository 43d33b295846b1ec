package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.yieldpilot.rules.lang.grammar.RuleLanguageBaseVisitor;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.*;
import com.yieldpilot.shared.PoolId;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.jspecify.annotations.Nullable;

/**
 * Builds the syntax tree from ANTLR's parse tree with typed visitors (conditions, values,
 * actions; options and schedules have readers of their own). Every check that needs the
 * text (escapes, units, ranges, day names) becomes a positioned error; the records' own
 * checks are the last line and their messages become positioned errors too. With any
 * error the result is no tree.
 */
final class TreeBuilder {

	private static final Literal PLACEHOLDER = new Literal(BigDecimal.ZERO, LiteralUnit.NUMBER);

	private final TreeContext context = new TreeContext();

	private final TokenValues values = new TokenValues(this.context);

	private final CommentAttacher comments;

	private final OptionsReader options;

	private final ScheduleReader schedules = new ScheduleReader(this.context, this.values);

	private final ConditionBuilder conditions = new ConditionBuilder();

	private final ExpressionBuilder expressions = new ExpressionBuilder();

	private final ActionBuilder actions = new ActionBuilder();

	TreeBuilder(CommentAttacher comments) {
		this.comments = comments;
		this.options = new OptionsReader(this.context, this.values, comments);
		this.context.errors().addAll(comments.errors());
	}

	List<Diagnostic> errors() {
		return this.context.errors();
	}

	SourcePositions positions() {
		return this.context.positions();
	}

	@Nullable RuleSyntax build(RuleFileContext rule) {
		String name = this.values.text(rule.title, RuleText.MAX_NAME_LENGTH, "The rule's name");
		if (name != null && name.isBlank()) {
			error(rule.title, "the rule's name is empty: write a name between the quotes");
		}
		Schedule schedule = (rule.schedule() != null) ? this.schedules.read(rule.schedule()) : null;
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
		RuleOptions options = (rule.optionsClause() != null) ? this.options.read(rule.optionsClause())
				: RuleOptions.NONE;
		if (!this.context.errors().isEmpty() || name == null) {
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
			Duration duration = TreeBuilder.this.values.duration(ctx.DURATION().getSymbol());
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
			return leftToRight(visit(ctx.multiplicative(0)), ctx.ops, ctx.rest);
		}

		@Override
		public Expression visitMultiplicative(MultiplicativeContext ctx) {
			return leftToRight(visit(ctx.unary(0)), ctx.ops, ctx.rest);
		}

		/**
		 * {@code a op b op c} as {@code (a op b) op c}, each operation placed at its
		 * operator.
		 */
		private Expression leftToRight(Expression first, List<Token> operators,
				List<? extends ParserRuleContext> operands) {
			Expression result = first;
			for (int i = 0; i < operators.size(); i++) {
				Token operator = operators.get(i);
				result = at(
						new Arithmetic(result, ArithmeticOperator.bySymbol(operator.getText()), visit(operands.get(i))),
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
			Duration period = TreeBuilder.this.values.duration(window.DURATION().getSymbol());
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
			case PoolSubjectContext pool ->
				at(new Subject.Pool(this.values.poolId(pool.POOL_ID().getSymbol())), pool.getStart());
			case NamedSubjectContext named ->
				node(named.getStart(), () -> new Subject.Named(named.getText()), new Subject.Named("invalid"));
			default -> throw new IllegalStateException("Unknown subject " + ctx.subject().getText());
		};
		return node(ctx.getStart(), () -> new MetricCall(ctx.metric.getText(), subject),
				new MetricCall("invalid", subject));
	}

	private Expression literal(QuantityContext ctx) {
		if (ctx.USD_AMOUNT() != null) {
			BigDecimal dollars = this.values.dollars(ctx.USD_AMOUNT().getSymbol());
			return node(ctx.getStart(), () -> new Literal(dollars, LiteralUnit.USD), PLACEHOLDER);
		}
		Token number = ctx.NUMBER().getSymbol();
		BigDecimal value = this.values.number(number);
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
			PoolId from = TreeBuilder.this.values.poolId(ctx.from);
			PoolId to = TreeBuilder.this.values.poolId(ctx.to);
			Amount limit = (ctx.limit != null) ? amount(ctx.limit, true) : null;
			return node(ctx.MOVE().getSymbol(),
					() -> new Move(amount, from, to, limit, TreeBuilder.this.comments.of(ctx)),
					new Move(amount, from, to, null));
		}

		@Override
		public Action visitWithdrawAction(WithdrawActionContext ctx) {
			Amount amount = amount(ctx.quantity(), false);
			PoolId from = TreeBuilder.this.values.poolId(ctx.from);
			return node(ctx.WITHDRAW().getSymbol(), () -> new Withdraw(amount, from, TreeBuilder.this.comments.of(ctx)),
					new Withdraw(amount, from));
		}

		@Override
		public Action visitDepositAction(DepositActionContext ctx) {
			Amount amount = amount(ctx.quantity(), false);
			PoolId into = TreeBuilder.this.values.poolId(ctx.into);
			return node(ctx.DEPOSIT().getSymbol(), () -> new Deposit(amount, into, TreeBuilder.this.comments.of(ctx)),
					new Deposit(amount, into));
		}

		@Override
		public Action visitNotifyAction(NotifyActionContext ctx) {
			String message = TreeBuilder.this.values.text(ctx.text, RuleText.MAX_MESSAGE_LENGTH, "The message");
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
			BigDecimal dollars = this.values.dollars(ctx.USD_AMOUNT().getSymbol());
			return node(start, () -> new Amount.Usd(dollars), fallback);
		}
		BigDecimal value = this.values.number(ctx.NUMBER().getSymbol());
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

	private static String unitHint(Token unit) {
		return (unit.getText().length() == 1 && "smhdw".contains(unit.getText()))
				? "; a duration is written without a space, like `5m`" : "";
	}

	// ---- bookkeeping

	private <T> T at(T node, Token token) {
		return this.context.at(node, token);
	}

	private <T> T node(Token token, Supplier<T> create, T fallback) {
		return this.context.node(token, create, fallback);
	}

	private void error(Token token, String message) {
		this.context.error(token, message);
	}

}
