package com.yieldpilot.rules.lang;

import java.util.List;

import com.yieldpilot.rules.lang.grammar.RuleLanguageLexer;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.RuleFileContext;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a rule's text into its syntax tree, or into errors with a line, a column and
 * plain words. Bad input never throws: whatever the text, the answer is a
 * {@link ParseResult}. Sizes are bounded before ANTLR sees the text, so a hostile text
 * cannot exhaust the stack or the time of the parse.
 */
public final class RuleParser {

	/** The longest rule text, in characters. */
	public static final int MAX_LENGTH = 10_000;

	/** The most tokens (words, numbers, operators) in a rule. */
	public static final int MAX_TOKENS = 2_000;

	/** The deepest nesting of parentheses. */
	public static final int MAX_NESTING = 16;

	/** The most prefix operators ({@code not}, {@code -}) in a row. */
	public static final int MAX_PREFIXES = 4;

	private RuleParser() {
	}

	public static ParseResult parse(String text) {
		String source = text.startsWith("\uFEFF") ? text.substring(1) : text;
		if (source.length() > MAX_LENGTH) {
			return rejected(Position.START,
					"the rule is " + source.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
		}
		if (source.isBlank()) {
			return rejected(Position.START, "the rule is empty: start with `rule \"a name\"`");
		}
		RuleLanguageLexer lexer = new RuleLanguageLexer(CharStreams.fromString(source));
		lexer.removeErrorListeners();
		CommonTokenStream tokens = new CommonTokenStream(lexer);
		tokens.fill();
		Diagnostic limit = checkTokens(tokens.getTokens());
		if (limit != null) {
			return new ParseResult.Rejected(List.of(limit));
		}

		RuleLanguageParser parser = new RuleLanguageParser(tokens);
		parser.removeErrorListeners();
		SyntaxErrors syntaxErrors = new SyntaxErrors();
		parser.addErrorListener(syntaxErrors);
		RuleFileContext tree;
		try {
			tree = parser.ruleFile();
		}
		catch (ParseCancellationException ex) {
			return new ParseResult.Rejected(syntaxErrors.errors());
		}

		TreeBuilder builder = new TreeBuilder(new CommentAttacher(tree, tokens.getTokens()));
		RuleSyntax rule = builder.build(tree);
		if (rule == null) {
			return new ParseResult.Rejected(builder.errors());
		}
		return new ParseResult.Parsed(rule, builder.positions());
	}

	static Position position(Token token) {
		return new Position(Math.max(1, token.getLine()), token.getCharPositionInLine() + 1);
	}

	/**
	 * The first token the lexer could not place, or the first place the text exceeds a
	 * limit.
	 */
	private static @Nullable Diagnostic checkTokens(List<Token> tokens) {
		int count = 0;
		int depth = 0;
		int prefixes = 0;
		for (Token token : tokens) {
			String lexical = SyntaxErrors.lexical(token);
			if (lexical != null) {
				return Diagnostic.error(position(token), lexical);
			}
			if (token.getChannel() != Token.DEFAULT_CHANNEL || token.getType() == Token.EOF) {
				continue;
			}
			if (++count > MAX_TOKENS) {
				return Diagnostic.error(position(token),
						"the rule is too long: at most " + MAX_TOKENS + " words, numbers and operators");
			}
			if (token.getType() == RuleLanguageLexer.LPAREN && ++depth > MAX_NESTING) {
				return Diagnostic.error(position(token),
						"too many parentheses inside each other: at most " + MAX_NESTING);
			}
			if (token.getType() == RuleLanguageLexer.RPAREN) {
				depth = Math.max(0, depth - 1);
			}
			boolean prefix = token.getType() == RuleLanguageLexer.NOT || token.getType() == RuleLanguageLexer.MINUS;
			prefixes = prefix ? prefixes + 1 : 0;
			if (prefixes > MAX_PREFIXES) {
				return Diagnostic.error(position(token), "too many `not` or `-` in a row: at most " + MAX_PREFIXES);
			}
		}
		return null;
	}

	private static ParseResult rejected(Position position, String message) {
		return new ParseResult.Rejected(List.of(Diagnostic.error(position, message)));
	}

}
