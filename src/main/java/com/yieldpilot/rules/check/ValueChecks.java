package com.yieldpilot.rules.check;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.yieldpilot.market.Metric;
import com.yieldpilot.rules.lang.Arithmetic;
import com.yieldpilot.rules.lang.ArithmeticOperator;
import com.yieldpilot.rules.lang.Comparison;
import com.yieldpilot.rules.lang.Durations;
import com.yieldpilot.rules.lang.Expression;
import com.yieldpilot.rules.lang.Literal;
import com.yieldpilot.rules.lang.LiteralUnit;
import com.yieldpilot.rules.lang.MetricCall;
import com.yieldpilot.rules.lang.Negation;
import com.yieldpilot.rules.lang.Numbers;
import com.yieldpilot.rules.lang.Position;
import com.yieldpilot.rules.lang.Subject;
import com.yieldpilot.rules.lang.Window;
import com.yieldpilot.rules.lang.WindowFunction;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.shared.Spelling;
import org.jspecify.annotations.Nullable;

/**
 * Resolves the metrics a condition reads and checks its units: percent against percent,
 * dollars against dollars, a percentage literal against a ratio
 * ({@code utilization > 90%} means 0.9), and arithmetic by unit algebra. A type is
 * {@code null} once an error was reported for the value, so one mistake is not reported
 * again by everything around it.
 */
final class ValueChecks {

	/** The shortest window and the shortest and longest {@code for}. */
	static final Duration MIN_PERIOD = Duration.ofMinutes(1);

	static final Duration MAX_SUSTAINED = Duration.ofDays(30);

	private final RuleVocabulary vocabulary;

	private final Report report;

	ValueChecks(RuleVocabulary vocabulary, Report report) {
		this.vocabulary = vocabulary;
		this.report = report;
	}

	/** A value's type, and whether it is fixed (literals only) rather than read. */
	record Typed(ValueType type, boolean constant) {
	}

	void comparison(Comparison comparison) {
		Typed left = type(comparison.left());
		Typed right = type(comparison.right());
		if (left == null || right == null) {
			return;
		}
		Position at = this.report.at(comparison);
		if (combine(left, right, comparison.left(), comparison.right(), "compare") != null) {
			if (left.constant() && right.constant()) {
				this.report.warning(at, "this comparison has fixed values on both sides, so it never changes");
			}
			outOfRange(comparison.left(), comparison.right());
			outOfRange(comparison.right(), comparison.left());
		}
	}

	/**
	 * A {@linkplain Metric#fraction() fraction} ({@code risk}, {@code utilization}: 0 to
	 * 1) compared with a number it can never reach, e.g. {@code risk(p) < 4} meant as 4
	 * %: the rule would never (or always) fire, so it is refused with what to write
	 * instead.
	 */
	private void outOfRange(Expression read, Expression fixed) {
		Optional<String> metric = fraction(read);
		if (metric.isEmpty() || !(fixed instanceof Literal literal)) {
			return;
		}
		BigDecimal ratio = switch (literal.unit()) {
			case NUMBER -> literal.value();
			case PERCENT, BPS -> literal.inBaseUnit().movePointLeft(2);
			default -> null;
		};
		if (ratio == null || (ratio.signum() >= 0 && ratio.compareTo(BigDecimal.ONE) <= 0)) {
			return;
		}
		String written = literal.value().stripTrailingZeros().toPlainString()
				+ ((literal.unit() == LiteralUnit.NUMBER) ? "" : (literal.unit() == LiteralUnit.BPS) ? " bps" : "%");
		String hint = (literal.unit() == LiteralUnit.NUMBER && ratio.signum() > 0
				&& ratio.compareTo(BigDecimal.valueOf(100)) <= 0)
						? ": did you mean `" + written + "%`, i.e. `"
								+ ratio.movePointLeft(2).stripTrailingZeros().toPlainString() + "`?"
						: ".";
		this.report.error(this.report.at(fixed), "`" + metric.get() + "` runs from 0 to 1 (`0.4` or `40%`), so it "
				+ "never crosses `" + written + "` and this comparison would never change" + hint);
	}

	/** The fraction a value reads as it is, not a change of it. */
	private static Optional<String> fraction(Expression expression) {
		MetricCall call = switch (expression) {
			case MetricCall c -> c;
			case Window w when w.function() == WindowFunction.AVG || w.function() == WindowFunction.MIN
					|| w.function() == WindowFunction.MAX ->
				w.metric();
			default -> null;
		};
		if (call == null) {
			return Optional.empty();
		}
		return Metric.byRuleName(call.metric()).filter(Metric::fraction).map(Metric::ruleName);
	}

	@Nullable Typed type(Expression expression) {
		return switch (expression) {
			case Literal literal -> new Typed(ValueType.of(literal.unit()), true);
			case MetricCall call -> metric(call).map(spec -> new Typed(spec.type(), false)).orElse(null);
			case Window window -> window(window);
			case Negation negation -> type(negation.operand());
			case Arithmetic arithmetic -> arithmetic(arithmetic);
		};
	}

	/** The metric a call reads, once its name and subject are known to the catalog. */
	Optional<MetricSpec> metric(MetricCall call) {
		Optional<MetricSpec> found = MetricSpec.byName(call.metric());
		if (found.isEmpty()) {
			List<String> names = MetricSpec.all().stream().map(MetricSpec::name).toList();
			this.report.error(this.report.at(call),
					"unknown metric `" + call.metric() + "`"
							+ Report.suggestion(Spelling.closest(call.metric(), names, 1)) + " Metrics: "
							+ String.join(", ", names));
			return Optional.empty();
		}
		MetricSpec spec = found.get();
		boolean known = switch (call.subject()) {
			case Subject.Pool pool -> pool(spec, call, pool.id());
			case Subject.Named named -> named(spec, call, named.name());
		};
		return known ? found : Optional.empty();
	}

	private boolean pool(MetricSpec spec, MetricCall call, PoolId id) {
		Position at = this.report.at(call.subject(), call);
		if (!spec.subjects().contains(SubjectKind.POOL)) {
			String instead = spec.subjects().contains(SubjectKind.CHAIN) ? id.chain() : PoolFacts.assetOf(id);
			String kind = spec.subjects().contains(SubjectKind.CHAIN) ? "chain" : "asset";
			this.report.error(at, "`" + spec.name() + "` is read per " + kind + ", not per pool: write `" + spec.name()
					+ "(" + instead + ")`");
			return false;
		}
		Optional<PoolFacts> facts = this.vocabulary.pool(id);
		if (facts.isEmpty()) {
			unknownPool(at, id);
			return false;
		}
		Metric market = spec.market();
		if (market != null && !facts.get().metrics().contains(market)) {
			String available = facts.get()
				.metrics()
				.stream()
				.filter(m -> m.scope() != Metric.Scope.CHAIN)
				.sorted()
				.map(Metric::ruleName)
				.collect(Collectors.joining(", "));
			this.report.error(at, "`" + id + "` has no `" + spec.name() + "`"
					+ (available.isEmpty() ? ": no data has arrived for it yet" : "; it has " + available));
			return false;
		}
		return true;
	}

	private boolean named(MetricSpec spec, MetricCall call, String name) {
		Position at = this.report.at(call.subject(), call);
		if (spec.subjects().contains(SubjectKind.CHAIN)) {
			Set<String> chains = this.vocabulary.chains();
			if (!chains.contains(name)) {
				this.report.error(at, "unknown chain `" + name + "`"
						+ Report.suggestion(Spelling.closest(name, chains, 1)) + " Chains: " + sorted(chains));
				return false;
			}
			return available(spec, at, name, this.vocabulary.chainMetrics(name));
		}
		if (spec.subjects().contains(SubjectKind.ASSET)) {
			Set<String> assets = this.vocabulary.assets();
			if (!assets.contains(name)) {
				this.report.error(at, "unknown asset `" + name + "`"
						+ Report.suggestion(Spelling.closest(name, assets, 1)) + " Assets: " + sorted(assets));
				return false;
			}
			return spec.market() == null || available(spec, at, name, this.vocabulary.assetMetrics(name));
		}
		List<String> pools = this.vocabulary.similarPools(name, 3).stream().map(PoolId::toString).toList();
		this.report.error(at, "`" + spec.name() + "` is read per pool: write a pool id such as `"
				+ (pools.isEmpty() ? "aave-v3:base:USDC" : pools.get(0)) + "`, not `" + name + "`");
		return false;
	}

	private boolean available(MetricSpec spec, Position at, String subject, Set<Metric> metrics) {
		if (spec.market() != null && !metrics.contains(spec.market())) {
			this.report.error(at, "no `" + spec.name() + "` data has arrived for `" + subject + "`");
			return false;
		}
		return true;
	}

	void unknownPool(Position at, PoolId id) {
		List<String> similar = this.vocabulary.similarPools(id.toString(), 1).stream().map(PoolId::toString).toList();
		this.report.error(at, "unknown pool `" + id + "`" + Report.suggestion(similar));
	}

	private @Nullable Typed window(Window window) {
		Optional<MetricSpec> spec = metric(window.metric());
		Position at = this.report.at(window);
		if (window.period().compareTo(MIN_PERIOD) < 0) {
			this.report.error(at, "a window spans at least 1m, not " + Durations.format(window.period()));
			return null;
		}
		if (spec.isEmpty()) {
			return null;
		}
		if (!spec.get().history()) {
			this.report.error(at, "`" + spec.get().name() + "` keeps no history, so `" + window.function().keyword()
					+ "` cannot look back over it");
			return null;
		}
		ValueType type = (window.function() == WindowFunction.PCTCHANGE) ? ValueType.PERCENT : spec.get().type();
		return new Typed(type, false);
	}

	private @Nullable Typed arithmetic(Arithmetic arithmetic) {
		Typed left = type(arithmetic.left());
		Typed right = type(arithmetic.right());
		if (left == null || right == null) {
			return null;
		}
		Position at = this.report.at(arithmetic);
		return switch (arithmetic.operator()) {
			case PLUS, MINUS -> combine(left, right, arithmetic.left(), arithmetic.right(),
					(arithmetic.operator() == ArithmeticOperator.PLUS) ? "add" : "subtract");
			case TIMES -> times(left, right, arithmetic, at);
			case DIVIDED_BY -> divide(left, right, arithmetic, at);
		};
	}

	private @Nullable Typed times(Typed left, Typed right, Arithmetic arithmetic, Position at) {
		boolean constant = left.constant() && right.constant();
		// a number or a percentage literal scales the other side: 2 * apy, tvl * 30%
		if (left.type() == ValueType.NUMBER) {
			return new Typed(right.type(), constant);
		}
		if (right.type() == ValueType.NUMBER || isPercentLiteral(right)) {
			return new Typed(left.type(), constant);
		}
		if (isPercentLiteral(left)) {
			return new Typed(right.type(), constant);
		}
		this.report.error(at, "cannot multiply " + Report.quote(arithmetic.left()) + " by "
				+ Report.quote(arithmetic.right()) + ": multiply by a plain number or a percentage such as `30%`");
		return null;
	}

	private @Nullable Typed divide(Typed left, Typed right, Arithmetic arithmetic, Position at) {
		if (arithmetic.right() instanceof Literal literal && literal.value().signum() == 0) {
			this.report.error(at, "division by zero");
			return null;
		}
		if (right.type() == ValueType.NUMBER) {
			return new Typed(left.type(), left.constant() && right.constant());
		}
		if (right.type() == left.type()) {
			return new Typed(ValueType.NUMBER, left.constant() && right.constant());
		}
		this.report.error(at,
				"cannot divide " + Report.quote(arithmetic.left()) + " by " + Report.quote(arithmetic.right())
						+ ": divide by a plain number, or by a value in the same unit to get " + "a ratio");
		return null;
	}

	private static boolean isPercentLiteral(Typed typed) {
		return typed.type() == ValueType.PERCENT && typed.constant();
	}

	/**
	 * The type of two values that are compared, added or subtracted, or {@code null}
	 * after reporting why they cannot be.
	 */
	private @Nullable Typed combine(Typed left, Typed right, Expression leftValue, Expression rightValue, String verb) {
		boolean constant = left.constant() && right.constant();
		if (left.type() == right.type()) {
			return new Typed(left.type(), constant);
		}
		// a percentage literal reads as a ratio next to a ratio: utilization > 90% is 0.9
		if (left.type() == ValueType.NUMBER && !left.constant() && isPercentLiteral(right)
				|| right.type() == ValueType.NUMBER && !right.constant() && isPercentLiteral(left)) {
			return new Typed(ValueType.NUMBER, false);
		}
		Position at = this.report.at(rightValue, leftValue);
		if (left.constant() != right.constant()) {
			Expression read = left.constant() ? rightValue : leftValue;
			Expression fixed = left.constant() ? leftValue : rightValue;
			ValueType type = left.constant() ? right.type() : left.type();
			this.report.error(this.report.at(fixed, read), Report.quote(read) + " is " + type.words() + ": write "
					+ instead(fixed, type) + ", not " + Report.quote(fixed));
		}
		else {
			this.report.error(at, "cannot " + verb + " " + Report.quote(leftValue) + " (" + left.type().words()
					+ ") and " + Report.quote(rightValue) + " (" + right.type().words() + ")");
		}
		return null;
	}

	/**
	 * The fixed value rewritten in the unit it should have, or an example of that unit.
	 */
	private static String instead(Expression fixed, ValueType type) {
		if (fixed instanceof Literal literal && literal.unit() == LiteralUnit.NUMBER) {
			BigDecimal value = literal.value();
			return switch (type) {
				case PERCENT -> "`" + Numbers.plain(value) + "%`";
				case GWEI -> "`" + Numbers.plain(value) + " gwei`";
				case USD -> "dollars such as `" + Numbers.dollars(value) + "`";
				case NUMBER -> type.example();
			};
		}
		return "a value such as " + type.example();
	}

	private static String sorted(Set<String> names) {
		return names.stream().sorted().limit(20).collect(Collectors.joining(", ")) + ((names.size() > 20) ? ", …" : "");
	}

}
