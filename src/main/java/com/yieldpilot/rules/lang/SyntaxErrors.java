package com.yieldpilot.rules.lang;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.yieldpilot.rules.lang.grammar.RuleLanguageLexer;
import com.yieldpilot.shared.Spelling;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.jspecify.annotations.Nullable;

import static com.yieldpilot.rules.lang.grammar.RuleLanguageParser.*;

/**
 * Turns ANTLR's first syntax error into plain words ("expected a comparison such as
 * {@code < 4%} after {@code apy(aave-v3:base:USDC)}") and stops the parse there: later
 * errors are mostly echoes of the first.
 */
final class SyntaxErrors extends BaseErrorListener {

	private static final int MAX_QUOTED = 50;

	/** The order in which expected tokens are named. */
	private static final int[] ORDER = { RULE, STRING, EVERY, WHEN, AND, OR, FOR, THEN, POOL_ID, DURATION, TIME, FROM,
			TO, INTO, MAX, GAS, PAPER, LIVE, REQUIRED, DATE, NUMBER, IDENT, LPAREN, RPAREN, COMMA, OPTIONS, Token.EOF };

	private final List<Diagnostic> errors = new ArrayList<>();

	List<Diagnostic> errors() {
		return this.errors;
	}

	@Override
	public void syntaxError(Recognizer<?, ?> recognizer, @Nullable Object offendingSymbol, int line,
			int charPositionInLine, String msg, @Nullable RecognitionException e) {
		Parser parser = (Parser) recognizer;
		Token offending = (Token) offendingSymbol;
		IntervalSet expected = (e != null && e.getExpectedTokens() != null) ? e.getExpectedTokens()
				: parser.getExpectedTokens();
		this.errors
			.add(Diagnostic.error(new Position(line, charPositionInLine + 1), message(parser, offending, expected)));
		throw new ParseCancellationException(msg);
	}

	private static String message(Parser parser, @Nullable Token offending, IntervalSet expected) {
		if (offending != null) {
			String special = special(offending, expected);
			if (special != null) {
				return special;
			}
		}
		ParserRuleContext context = parser.getContext();
		String wanted = expectation(expected, context);
		String after = after(parser, offending, context);
		String end = (offending == null || offending.getType() == Token.EOF) ? ", but the rule ends there" : "";
		return "expected " + wanted + ((after != null) ? " after `" + after + "`" : "") + end
				+ suggestion(parser, offending, expected);
	}

	/**
	 * "; did you mean `deposit`?" when the offending word is one or two letters away from
	 * a keyword the parser expected there: a typo, not a different idea.
	 */
	private static String suggestion(Parser parser, @Nullable Token offending, IntervalSet expected) {
		if (offending == null || offending.getType() != IDENT || offending.getText().length() < 4) {
			return "";
		}
		List<String> keywords = new ArrayList<>();
		for (int type : expected.toList()) {
			String literal = parser.getVocabulary().getLiteralName(type);
			if (literal != null && literal.matches("'[a-z]+'")) {
				keywords.add(literal.substring(1, literal.length() - 1));
			}
		}
		String text = offending.getText();
		return Spelling.closest(text, keywords, 1)
			.stream()
			.filter(k -> Spelling.distance(text.toLowerCase(Locale.ROOT), k) <= 2)
			.findFirst()
			.map(k -> "; did you mean `" + k + "`?")
			.orElse("");
	}

	private static @Nullable String special(Token offending, IntervalSet expected) {
		String text = offending.getText();
		if (offending.getType() == ASSIGN) {
			return "`=` is not an operator here: compare with `==`, `<=` or `>=`";
		}
		if (offending.getType() == IDENT) {
			String lower = text.toLowerCase(Locale.ROOT);
			if (!lower.equals(text) && Lexicon.KEYWORDS.contains(lower)) {
				return "write `" + lower + "` in lower case: keywords are lower case";
			}
		}
		if (offending.getType() == STRING && expected.contains(POOL_ID)) {
			return "write the pool id without quotes, e.g. aave-v3:base:USDC";
		}
		if (expected.contains(DATE) && !text.isEmpty() && Character.isDigit(text.charAt(0))) {
			return "`" + text + "` is not a UTC date or time: write e.g. `2026-12-31` or `2026-12-31T18:00Z`";
		}
		int type = offending.getType();
		boolean comparison = type == LT || type == LE || type == GT || type == GE || type == EQ || type == NE;
		if (comparison && !expected.contains(type)) {
			return "compare one pair of values at a time and join comparisons with `and`, e.g. "
					+ "`apy(x) > 1% and apy(x) < 4%`";
		}
		return null;
	}

	private static String expectation(IntervalSet expected, @Nullable ParserRuleContext context) {
		Set<String> parts = new LinkedHashSet<>();
		boolean condition = expected.contains(NOT);
		boolean value = expected.contains(USD_AMOUNT) || expected.contains(AVG);
		boolean amount = value && within(context, ActionContext.class, OptionContext.class);
		if (condition) {
			parts.add("a condition such as `apy(aave-v3:base:USDC) < 4%`");
		}
		else if (amount) {
			parts.add("an amount such as `100%`, `$5k` or `5000 USDC`");
		}
		else if (value) {
			parts.add("a value such as `apy(aave-v3:base:USDC)`, `4%` or `$50k`");
		}
		if (expected.contains(LT)) {
			parts.add("a comparison such as `< 4%`");
		}
		if (expected.contains(MOVE)) {
			parts.add("an action: `move`, `withdraw`, `deposit` or `notify`");
		}
		if (expected.contains(COOLDOWN)) {
			parts.add("an option: `cooldown`, `max gas`, `mode`, `approval required`, `priority`, `expires` or "
					+ "`evaluate every`");
		}
		boolean covered = condition || value || amount;
		for (int type : ORDER) {
			if (!expected.contains(type)) {
				continue;
			}
			String phrase = phrase(type, context, covered);
			if (phrase != null) {
				parts.add(phrase);
			}
		}
		if (parts.isEmpty()) {
			parts.add("something else");
		}
		return joinOr(new ArrayList<>(parts));
	}

	private static @Nullable String phrase(int type, @Nullable ParserRuleContext context, boolean covered) {
		return switch (type) {
			case RULE -> "`rule` and the rule's name, e.g. `rule \"Chase USDC yield\"`";
			case STRING -> within(context, NotifyActionContext.class)
					? "the message in double quotes, e.g. `notify \"Aave USDC fell below 4%\"`"
					: "the rule's name in double quotes, e.g. `rule \"Chase USDC yield\"`";
			case EVERY -> within(context, OptionContext.class) ? "`every`" : "a schedule such as `every day 08:30 UTC`";
			case WHEN -> "`when` and the conditions";
			case THEN -> "`then`";
			case AND -> "`and`";
			case OR -> "`or`";
			case FOR -> "a duration such as `for 2h`";
			case OPTIONS -> "`options`";
			case Token.EOF -> "the end of the rule";
			case POOL_ID -> "a pool id such as `aave-v3:base:USDC`";
			case DURATION -> "a duration such as `30m`, `2h` or `7d`";
			case TIME -> "a time of day such as `09:00`";
			case RPAREN -> "a closing `)`";
			case LPAREN -> covered ? null : "an opening `(`";
			case COMMA -> within(context, WindowContext.class) ? "a comma and the period, e.g. `, 24h`" : "a comma";
			case FROM -> "`from`";
			case TO -> "`to`";
			case INTO -> "`into`";
			case MAX -> within(context, MoveActionContext.class) ? "`max` and a limit" : null;
			case GAS -> covered ? null : "`gas`";
			case PAPER -> covered ? null : "`paper` or `live`";
			case REQUIRED -> "`required`";
			case DATE -> "a date such as `2026-12-31` or a UTC time such as `2026-12-31T18:00Z`";
			case NUMBER -> covered ? null : "a number";
			case IDENT -> covered ? null : name(context);
			default -> null;
		};
	}

	private static String name(@Nullable ParserRuleContext context) {
		if (within(context, ScheduleContext.class)) {
			return "a day such as `day`, `weekday`, `weekend` or `monday`";
		}
		if (within(context, MetricCallContext.class)) {
			return "a pool id such as `aave-v3:base:USDC`, a chain such as `base` or an asset such as `USDC`";
		}
		return "a name";
	}

	/**
	 * The text just before the error: the comparison or value being written, or the
	 * token.
	 */
	private static @Nullable String after(Parser parser, @Nullable Token offending,
			@Nullable ParserRuleContext context) {
		TokenStream tokens = parser.getTokenStream();
		int index = (offending != null) ? offending.getTokenIndex() : tokens.index();
		Token previous = null;
		for (int i = index - 1; i >= 0; i--) {
			Token candidate = tokens.get(i);
			if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
				previous = candidate;
				break;
			}
		}
		if (previous == null) {
			return null;
		}
		Token start = previous;
		ParserRuleContext enclosing = null;
		for (ParserRuleContext c = context; c != null && enclosing == null; c = c.getParent()) {
			if (telling(c)) {
				enclosing = c;
			}
		}
		if (enclosing != null) {
			if (enclosing.getStart() != null && enclosing.getStart().getTokenIndex() <= previous.getTokenIndex()) {
				start = enclosing.getStart();
			}
		}
		else {
			// between parts: name the complete part that ends just before the error
			ParserRuleContext last = lastCompletePart(context, previous);
			if (last != null) {
				start = last.getStart();
			}
		}
		String text = previous.getInputStream()
			.getText(Interval.of(start.getStartIndex(), previous.getStopIndex()))
			.replaceAll("\\s+", " ")
			.strip();
		int length = text.codePointCount(0, text.length());
		if (length > MAX_QUOTED) {
			text = "…" + text.substring(text.offsetByCodePoints(0, length - MAX_QUOTED + 1));
		}
		return text;
	}

	private static boolean telling(ParserRuleContext c) {
		return c instanceof ComparisonContext || c instanceof ExpressionContext
				|| c instanceof SustainedConditionContext || c instanceof AndConditionContext
				|| c instanceof ActionContext || c instanceof ScheduleContext || c instanceof OptionContext;
	}

	/**
	 * The comparison, action, option or schedule that ends with the previous token,
	 * looked for among the children of the contexts around the error.
	 */
	private static @Nullable ParserRuleContext lastCompletePart(@Nullable ParserRuleContext context, Token previous) {
		for (ParserRuleContext level = context; level != null; level = level.getParent()) {
			for (int i = level.getChildCount() - 1; i >= 0; i--) {
				if (level.getChild(i) instanceof ParserRuleContext child && endsWith(child, previous)) {
					return descend(child, previous);
				}
			}
		}
		return null;
	}

	private static @Nullable ParserRuleContext descend(ParserRuleContext node, Token previous) {
		for (ParserRuleContext current = node; current != null;) {
			if (current instanceof SustainedConditionContext || current instanceof ComparisonContext
					|| current instanceof ActionContext || current instanceof OptionContext
					|| current instanceof ScheduleContext) {
				return current;
			}
			ParserRuleContext next = null;
			if (current.getChildCount() > 0
					&& current.getChild(current.getChildCount() - 1) instanceof ParserRuleContext child
					&& endsWith(child, previous)) {
				next = child;
			}
			current = next;
		}
		return null;
	}

	private static boolean endsWith(ParserRuleContext context, Token token) {
		return context.getStop() != null && context.getStop().getTokenIndex() == token.getTokenIndex();
	}

	@SafeVarargs
	private static boolean within(@Nullable ParserRuleContext context, Class<? extends ParserRuleContext>... kinds) {
		for (ParserRuleContext c = context; c != null; c = c.getParent()) {
			for (Class<? extends ParserRuleContext> kind : kinds) {
				if (kind.isInstance(c)) {
					return true;
				}
			}
		}
		return false;
	}

	static String joinOr(List<String> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
	}

	/** The message for a token the lexer could not place, or empty if it is fine. */
	static @Nullable String lexical(Token token) {
		if (token.getType() == RuleLanguageLexer.UNTERMINATED_STRING) {
			return "this text has no closing `\"`: text in quotes ends on the same line";
		}
		if (token.getType() != RuleLanguageLexer.UNKNOWN) {
			return null;
		}
		String text = token.getText();
		int cp = text.codePointAt(0);
		return switch (cp) {
			case '$' -> "`$` starts an amount in dollars, such as `$50k` or `$1.5M`";
			case '\'' -> "write text in double quotes, e.g. `notify \"Funds moved\"`";
			case '`' -> "unexpected character '`'";
			case '\\' -> "unexpected character `\\`: backslashes only appear inside quoted text";
			default -> (Character.isISOControl(cp) || Character.isWhitespace(cp) || !Character.isDefined(cp)
					|| Character.getType(cp) == Character.FORMAT)
							? "unexpected invisible character " + RuleText.codePoint(cp)
							: "unexpected character `" + text + "`";
		};
	}

}
