package com.yieldpilot.rules.lang;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.rules.lang.grammar.RuleLanguageLexer;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.ActionContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.ComparisonContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.OptionsClauseContext;
import com.yieldpilot.rules.lang.grammar.RuleLanguageParser.RuleFileContext;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;

/**
 * Gives each comment to the part of the rule it belongs to. The parts that carry comments
 * are the rule's header (name and schedule), each comparison, each action and the
 * options. A comment inside a part, or at the end of its last line, belongs to it; any
 * other to the next part; what follows the last part trails the rule. The printer writes
 * every comment before its part, so a second parse attaches it to the same part and the
 * round trip keeps the tree.
 */
final class CommentAttacher {

	private final Map<ParserRuleContext, List<String>> attached = new IdentityHashMap<>();

	private final List<String> trailing = new ArrayList<>();

	private final List<Diagnostic> errors = new ArrayList<>();

	CommentAttacher(RuleFileContext rule, List<Token> tokens) {
		List<Part> parts = new ArrayList<>();
		// the header is the rule's name and its schedule
		Token headerEnd = (rule.schedule() != null) ? rule.schedule().getStop() : rule.title;
		parts.add(new Part(rule, rule.RULE().getSymbol().getTokenIndex(), headerEnd.getTokenIndex(),
				headerEnd.getLine()));
		collect(rule, parts);
		for (Token token : tokens) {
			if (token.getType() != RuleLanguageLexer.COMMENT) {
				continue;
			}
			String text = token.getText().substring(1).stripTrailing();
			Optional<String> problem = RuleText.problem(text, RuleText.MAX_COMMENT_LENGTH, "this comment");
			if (problem.isPresent()) {
				this.errors.add(Diagnostic.error(RuleParser.position(token), problem.get()));
			}
			else {
				owner(parts, token).add(text);
			}
		}
	}

	/** The comment lines of a rule's header, comparison, action or options clause. */
	List<String> of(ParserRuleContext part) {
		return List.copyOf(this.attached.getOrDefault(part, List.of()));
	}

	List<String> trailing() {
		return List.copyOf(this.trailing);
	}

	List<Diagnostic> errors() {
		return this.errors;
	}

	private List<String> owner(List<Part> parts, Token comment) {
		int index = comment.getTokenIndex();
		Part previous = null;
		for (Part part : parts) {
			if (part.start() < index && index < part.stop()) {
				return attach(part);
			}
			if (part.start() > index) {
				// a comment at the end of a part's last line belongs to that part
				boolean endOfLine = previous != null && previous.lastLine() == comment.getLine();
				return attach(endOfLine ? previous : part);
			}
			previous = part;
		}
		if (previous != null && previous.lastLine() == comment.getLine()) {
			return attach(previous);
		}
		return this.trailing;
	}

	private List<String> attach(Part part) {
		return this.attached.computeIfAbsent(part.context(), c -> new ArrayList<>());
	}

	// in document order, so the first part after a comment is the next one
	private static void collect(ParseTree node, List<Part> parts) {
		if (node instanceof ComparisonContext || node instanceof ActionContext
				|| node instanceof OptionsClauseContext) {
			ParserRuleContext context = (ParserRuleContext) node;
			parts.add(new Part(context, context.getStart().getTokenIndex(), context.getStop().getTokenIndex(),
					context.getStop().getLine()));
			return;
		}
		for (int i = 0; i < node.getChildCount(); i++) {
			collect(node.getChild(i), parts);
		}
	}

	private record Part(ParserRuleContext context, int start, int stop, int lastLine) {
	}

}
