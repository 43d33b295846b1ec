package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import com.yieldpilot.shared.PoolId;
import org.antlr.v4.runtime.Token;
import org.jspecify.annotations.Nullable;

/**
 * The values of single tokens: quoted text with its escapes, pool ids, numbers, dollar
 * amounts and durations, each checked, with a positioned error instead of a value that a
 * rule may not hold.
 */
final class TokenValues {

	private static final int MAX_NUMBER_LENGTH = 40;

	private static final PoolId NO_POOL = new PoolId("invalid", "invalid", "invalid", null);

	private final TreeContext context;

	TokenValues(TreeContext context) {
		this.context = context;
	}

	/** The quoted text without its quotes and escapes; {@code null} after an error. */
	@Nullable String text(Token token, int maxLength, String what) {
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
				this.context.error(new Position(at.line(), at.column() + 1 + body.codePointCount(0, i - 1)),
						"`\\" + RuleText.printable(String.valueOf(escaped))
								+ "` is not an escape: inside quotes write `\\\"` "
								+ "for a quote and `\\\\` for a backslash, and nothing else after a backslash");
				return null;
			}
		}
		String result = text.toString();
		Optional<String> problem = RuleText.problem(result, maxLength, what);
		if (problem.isPresent()) {
			this.context.error(token, TreeContext.decapitalize(problem.get()));
			return null;
		}
		return result;
	}

	PoolId poolId(Token token) {
		String text = token.getText();
		if (text.length() > PoolId.MAX_LENGTH) {
			this.context.error(token, "a pool id has at most " + PoolId.MAX_LENGTH + " characters");
			return NO_POOL;
		}
		String[] parts = text.split(":", -1);
		PoolId id = this.context.node(token, () -> new PoolId(parts[0].toLowerCase(Locale.ROOT),
				parts[1].toLowerCase(Locale.ROOT), parts[2], (parts.length > 3) ? parts[3] : null), NO_POOL);
		return id;
	}

	BigDecimal number(Token token) {
		String text = token.getText();
		if (text.length() > MAX_NUMBER_LENGTH) {
			this.context.error(token, "the number is too long: numbers stay below 1,000,000,000,000,000");
			return BigDecimal.ZERO;
		}
		return checked(token, new BigDecimal(text.replace(",", "")));
	}

	BigDecimal dollars(Token token) {
		String text = token.getText().substring(1);
		if (text.length() > MAX_NUMBER_LENGTH) {
			this.context.error(token, "the number is too long: numbers stay below 1,000,000,000,000,000");
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
			this.context.error(token, problem.get());
			return BigDecimal.ZERO;
		}
		return Numbers.normal(value);
	}

	Duration duration(Token token) {
		Optional<Duration> duration = Durations.parse(token.getText());
		Optional<String> problem = duration.flatMap(Durations::problem);
		if (duration.isEmpty() || problem.isPresent()) {
			this.context.error(token, "`" + token.getText() + "`: " + problem.orElse("a duration can be at most 366d"));
			return Duration.ofMinutes(1);
		}
		return duration.get();
	}

}
