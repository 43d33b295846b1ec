package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

import com.yieldpilot.shared.PoolId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of syntax trees: every node kind, unit, window, action, option and
 * schedule, with comments and awkward texts, nested a few levels deep.
 */
public final class RuleTrees {

	private static final String TEXT_CHARS = "abcxyzABCXYZ 0123456789#\"\\$%{}`'@:;,.()<>=!-+*/éü€中ʼ";

	private RuleTrees() {
	}

	public static Arbitrary<RuleSyntax> rules() {
		Arbitrary<Schedule> schedules = Arbitraries.oneOf(Arbitraries.just(null), schedule());
		return Combinators
			.combine(comments(), text(RuleText.MAX_NAME_LENGTH), schedules,
					Arbitraries.oneOf(condition(3), Arbitraries.just(null)), action().list().ofMinSize(1).ofMaxSize(3),
					options(), comments())
			.filter((c, n, s, w, a, o, t) -> s != null || w != null)
			.as(RuleSyntax::new);
	}

	static Arbitrary<Condition> condition(int depth) {
		Arbitrary<Condition> comparison = Combinators
			.combine(expression(2), comparisonOperator(), expression(2), comments())
			.as(Comparison::new);
		if (depth == 0) {
			return comparison;
		}
		Arbitrary<Condition> deeper = Arbitraries.lazy(() -> condition(depth - 1));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, comparison),
				net.jqwik.api.Tuple.of(2, deeper.list().ofMinSize(2).ofMaxSize(3).map(And::new)),
				net.jqwik.api.Tuple.of(2, deeper.list().ofMinSize(2).ofMaxSize(3).map(Or::new)),
				net.jqwik.api.Tuple.of(1, deeper.map(Not::new)),
				net.jqwik.api.Tuple.of(1, Combinators.combine(deeper, duration()).as(Sustained::new)));
	}

	static Arbitrary<Expression> expression(int depth) {
		Arbitrary<Expression> leaf = Arbitraries.oneOf(literal(), metricCall().map(Expression.class::cast), window());
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<Expression> deeper = Arbitraries.lazy(() -> expression(depth - 1));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, leaf), net.jqwik.api.Tuple.of(2,
				Combinators.combine(deeper, Arbitraries.of(ArithmeticOperator.class), deeper).as(Arithmetic::new)),
				net.jqwik.api.Tuple.of(1, deeper.map(Negation::new)));
	}

	static Arbitrary<Expression> literal() {
		return Combinators.combine(number(), Arbitraries.of(LiteralUnit.class)).as(Literal::new);
	}

	static Arbitrary<MetricCall> metricCall() {
		Arbitrary<Subject> subject = Arbitraries.oneOf(poolId().map(Subject.Pool::new), name().map(Subject.Named::new));
		return Combinators
			.combine(Arbitraries.oneOf(Arbitraries.of("apy", "tvl", "gas", "risk", "price"), name()), subject)
			.as(MetricCall::new);
	}

	static Arbitrary<Expression> window() {
		return Combinators.combine(Arbitraries.of(WindowFunction.class), metricCall(), duration()).as(Window::new);
	}

	static Arbitrary<Action> action() {
		Arbitrary<Amount> limit = Arbitraries.oneOf(Arbitraries.just(null), usd(), tokens());
		return Arbitraries.oneOf(Combinators.combine(amount(), poolId(), poolId(), limit, comments()).as(Move::new),
				Combinators.combine(amount(), poolId(), comments()).as(Withdraw::new),
				Combinators.combine(amount(), poolId(), comments()).as(Deposit::new),
				Combinators.combine(text(RuleText.MAX_MESSAGE_LENGTH), comments()).as(Notify::new));
	}

	static Arbitrary<RuleOptions> options() {
		Arbitrary<RuleOptions> options = Combinators
			.combine(nullable(duration()), nullable(
					Arbitraries.bigDecimals().between(new BigDecimal("0.001"), RuleOptions.MAX_GAS_GWEI).ofScale(3)),
					nullable(Arbitraries.of(Mode.class)), Arbitraries.of(true, false),
					nullable(Arbitraries.integers().between(1, 100)),
					nullable(Arbitraries.longs().between(946_684_800L, 4_102_444_800L).map(Instant::ofEpochSecond)),
					nullable(duration()))
			.as((cooldown, gas, mode, approval, priority, expires, every) -> new RuleOptions(cooldown, gas, mode,
					approval, priority, expires, every, List.of()));
		return Combinators.combine(options, comments()).as((o, c) -> o.isEmpty() ? o : o.withComments(c));
	}

	static Arbitrary<Schedule> schedule() {
		Arbitrary<Schedule> interval = Arbitraries
			.of(1L, 2L, 5L, 10L, 15L, 30L, 60L, 120L, 180L, 360L, 480L, 720L, 1440L)
			.map(m -> new Schedule.Interval(Duration.ofMinutes(m)));
		Arbitrary<Schedule> calendar = Combinators
			.combine(Arbitraries.subsetOf(DayOfWeek.values()).ofMinSize(1), Arbitraries.integers().between(0, 23),
					Arbitraries.integers().between(0, 59))
			.as((days, hour, minute) -> new Schedule.Calendar(EnumSet.copyOf(days), LocalTime.of(hour, minute)));
		return Arbitraries.oneOf(interval, calendar);
	}

	static Arbitrary<Amount> amount() {
		Arbitrary<Amount> share = Arbitraries.bigDecimals()
			.between(new BigDecimal("0.0001"), BigDecimal.valueOf(100))
			.ofScale(4)
			.map(Amount.Share::new);
		return Arbitraries.oneOf(share, usd(), tokens());
	}

	static Arbitrary<Amount> usd() {
		return positive().map(Amount.Usd::new);
	}

	static Arbitrary<Amount> tokens() {
		return Combinators
			.combine(positive(),
					name().filter(Lexicon::isUnitName)
						.filter(s -> !List.of("usd", "bps", "gwei").contains(s.toLowerCase(java.util.Locale.ROOT))))
			.as(Amount.Tokens::new);
	}

	static Arbitrary<PoolId> poolId() {
		Arbitrary<String> slug = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withChars("0123456789.-")
			.ofMinLength(1)
			.ofMaxLength(12)
			.filter(s -> Character.isLetterOrDigit(s.charAt(0)));
		Arbitrary<String> symbol = Arbitraries.strings()
			.withCharRange('A', 'Z')
			.withCharRange('a', 'z')
			.withChars("0123456789.+_-")
			.ofMinLength(1)
			.ofMaxLength(12)
			.filter(s -> Character.isLetterOrDigit(s.charAt(0)));
		return Combinators.combine(slug, slug, symbol, nullable(symbol)).as(PoolId::new);
	}

	static Arbitrary<String> name() {
		Arbitrary<String> start = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.withChars('_')
			.ofLength(1);
		Arbitrary<String> rest = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withCharRange('A', 'Z')
			.withChars("0123456789_")
			.ofMaxLength(8);
		Arbitrary<String> segment = Arbitraries.strings()
			.withCharRange('a', 'z')
			.withChars("0123456789")
			.ofMinLength(1)
			.ofMaxLength(4);
		Arbitrary<String> tail = Arbitraries.oneOf(Arbitraries.just(""),
				Combinators.combine(Arbitraries.of(".", "-"), segment).as(String::concat));
		Arbitrary<String> generated = Combinators.combine(start, rest, tail).as((s, r, t) -> s + r + t);
		return Arbitraries.oneOf(generated, Arbitraries.of("gas", "mode", "live", "paper", "base", "USDC", "day"))
			.filter(Lexicon::isName);
	}

	static Arbitrary<List<String>> comments() {
		return Arbitraries.strings().withChars(TEXT_CHARS).ofMaxLength(30).list().ofMaxSize(2);
	}

	static Arbitrary<String> text(int maxLength) {
		return Arbitraries.strings()
			.withChars(TEXT_CHARS)
			.ofMinLength(1)
			.ofMaxLength(Math.min(maxLength, 40))
			.filter(s -> !s.isBlank());
	}

	static Arbitrary<Duration> duration() {
		return Arbitraries.oneOf(
				Arbitraries.of(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(24), Duration.ofDays(7),
						Duration.ofDays(366)),
				Arbitraries.longs().between(1, Durations.MAX.getSeconds()).map(Duration::ofSeconds));
	}

	static Arbitrary<BigDecimal> number() {
		return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("999999999999")).ofScale(6);
	}

	static Arbitrary<BigDecimal> positive() {
		return Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("999999999999")).ofScale(6);
	}

	static Arbitrary<ComparisonOperator> comparisonOperator() {
		return Arbitraries.of(ComparisonOperator.class);
	}

	private static <T> Arbitrary<T> nullable(Arbitrary<T> arbitrary) {
		return arbitrary.injectNull(0.5);
	}

}
