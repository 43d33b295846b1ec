package com.yieldpilot.rules.check;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import com.yieldpilot.market.Metric;
import org.jspecify.annotations.Nullable;

/**
 * A metric a rule may read: the market's metrics from the catalog, and the vault's own
 * {@code balance(<asset>)} (idle funds, US dollars) and {@code position(<pool>)} (the
 * value of the vault's position, US dollars).
 *
 * @param name the name rules use
 * @param type the kind of value it reads as
 * @param subjects what it may be read for
 * @param market the market metric, or {@code null} for the vault's own metrics
 * @param history whether windows ({@code avg}, {@code change}, …) can read its past
 */
public record MetricSpec(String name, ValueType type, Set<SubjectKind> subjects, @Nullable Metric market,
		boolean history) {

	/** The vault's idle funds of an asset, in US dollars. */
	public static final MetricSpec BALANCE = new MetricSpec("balance", ValueType.USD, Set.of(SubjectKind.ASSET), null,
			false);

	/** The value of the vault's position in a pool, in US dollars. */
	public static final MetricSpec POSITION = new MetricSpec("position", ValueType.USD, Set.of(SubjectKind.POOL), null,
			false);

	private static final List<MetricSpec> ALL = Stream
		.concat(Arrays.stream(Metric.values()).map(MetricSpec::of), Stream.of(BALANCE, POSITION))
		.toList();

	public MetricSpec {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		subjects = Set.copyOf(subjects);
	}

	/**
	 * The metric a rule names, if there is one by that name: the catalog's
	 * ({@link Metric#byRuleName}) or the vault's.
	 */
	public static Optional<MetricSpec> byName(String name) {
		return Metric.byRuleName(name)
			.map(MetricSpec::of)
			.or(() -> Stream.of(BALANCE, POSITION).filter(m -> m.name.equals(name)).findFirst());
	}

	/** Every metric a rule may name, market metrics first. */
	public static List<MetricSpec> all() {
		return ALL;
	}

	private static MetricSpec of(Metric metric) {
		Set<SubjectKind> subjects = switch (metric.scope()) {
			case POOL -> Set.of(SubjectKind.POOL);
			case ASSET -> Set.of(SubjectKind.POOL, SubjectKind.ASSET);
			case CHAIN -> Set.of(SubjectKind.CHAIN);
		};
		return new MetricSpec(metric.ruleName(), ValueType.of(metric.unit()), subjects, metric, true);
	}

}
