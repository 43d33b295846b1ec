package com.yieldpilot.market.internal.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.yieldpilot.market.Disagreement;
import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.MarketData;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.market.PoolInconsistency;
import com.yieldpilot.market.PoolFilter;
import com.yieldpilot.market.PoolPage;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.market.PoolSort;
import com.yieldpilot.market.Resolution;
import com.yieldpilot.market.UnknownPoolException;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pools with their latest metrics, and one metric's history. Public market data: any
 * token may read it.
 */
@RestController
@RequestMapping("/api/v1/pools")
class PoolController {

	private static final int MAX_HISTORY_DAYS = 400;

	private final MarketData market;

	private final MetricCatalog catalog;

	PoolController(MarketData market, MetricCatalog catalog) {
		this.market = market;
		this.catalog = catalog;
	}

	/**
	 * The pools explorer: every criterion is optional; see {@link PoolFilter} for what
	 * each means. {@code sort} is {@code id}, {@code apy} or {@code tvl}, with a leading
	 * {@code -} for descending.
	 */
	@GetMapping
	Page list(@RequestParam(required = false) @Nullable String chain,
			@RequestParam(required = false) @Nullable String protocol,
			@RequestParam(required = false) @Nullable String asset,
			@RequestParam(required = false) @Nullable Double minApy,
			@RequestParam(required = false) @Nullable Double maxApy,
			@RequestParam(required = false) @Nullable Double minTvl,
			@RequestParam(required = false) @Nullable Double maxRisk,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "id") String sort,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
		if (offset < 0 || limit < 1 || limit > MarketData.MAX_PAGE) {
			throw new IllegalArgumentException(
					"offset must be 0 or more and limit between 1 and " + MarketData.MAX_PAGE + ".");
		}
		PoolFilter filter = new PoolFilter(chain, protocol, asset, minApy, maxApy, minTvl, maxRisk, q);
		PoolPage page = this.market.page(filter, sort(sort), offset, limit);
		return new Page(page.items().stream().map(PoolView::of).toList(), page.total());
	}

	private static PoolSort sort(String text) {
		boolean descending = text.startsWith("-");
		String key = descending ? text.substring(1) : text;
		return switch (key.toLowerCase(java.util.Locale.ROOT)) {
			case "id" -> new PoolSort(PoolSort.Key.ID, descending);
			case "apy" -> new PoolSort(PoolSort.Key.APY, descending);
			case "tvl" -> new PoolSort(PoolSort.Key.TVL, descending);
			default -> throw new IllegalArgumentException(
					"sort is id, apy or tvl, with a leading - for descending (e.g. -apy), not '" + abbreviate(text)
							+ "'.");
		};
	}

	@GetMapping("/{id}")
	PoolView get(@PathVariable String id) {
		return this.market.pool(PoolId.parse(id)).map(PoolView::of).orElseThrow(() -> unknown(id));
	}

	@GetMapping("/{id}/history")
	ResponseEntity<History> history(@PathVariable String id, @RequestParam(defaultValue = "apy") String metric,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to,
			@RequestParam(defaultValue = "raw") String resolution) {
		PoolId pool = PoolId.parse(id);
		Metric m = Metric.byRuleName(metric)
			.orElseThrow(() -> new IllegalArgumentException("Unknown metric '" + metric + "'. Known: "
					+ java.util.Arrays.stream(Metric.values()).map(Metric::ruleName).toList()));
		Resolution res = switch (resolution.toLowerCase(java.util.Locale.ROOT)) {
			case "raw" -> Resolution.RAW;
			case "hour" -> Resolution.HOUR;
			case "day" -> Resolution.DAY;
			default -> throw new IllegalArgumentException("resolution is raw, hour or day, not '" + resolution + "'");
		};
		Instant end = (to != null) ? to : Instant.now();
		Instant start = (from != null) ? from : end.minus(30, ChronoUnit.DAYS);
		long maxDays = (res == Resolution.DAY) ? 10 * 366 : MAX_HISTORY_DAYS;
		if (!start.isBefore(end) || start.isBefore(end.minus(maxDays, ChronoUnit.DAYS))) {
			throw new IllegalArgumentException("from must be before to, and at most " + maxDays + " days before it.");
		}
		if (this.market.pool(pool).isEmpty()) {
			throw unknown(id);
		}
		List<Point> points = this.market.history(pool, m, res, start, end)
			.stream()
			.map(p -> new Point(p.at(), p.value(), p.min(), p.max(), p.samples()))
			.toList();
		return ResponseEntity.ok(new History(pool.toString(), m.ruleName(), m.unit().name(), points));
	}

	private UnknownPoolException unknown(String id) {
		return new UnknownPoolException(id, this.catalog.suggestions(id, 3));
	}

	/** A well-formed id of no known pool: 404, with the closest known ids. */
	@ExceptionHandler(UnknownPoolException.class)
	ProblemDetail unknownPool(UnknownPoolException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * A parameter that is not of its type, e.g. {@code minApy=high}: say what it takes.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail badParameter(MethodArgumentTypeMismatchException ex) {
		Class<?> type = ex.getRequiredType();
		String expected = (type == Double.class || type == double.class) ? "a number, e.g. 4.5"
				: (type == Integer.class || type == int.class) ? "a whole number"
						: (type == Instant.class) ? "an instant, e.g. 2026-01-01T00:00:00Z" : "a valid value";
		String value = (ex.getValue() != null) ? abbreviate(String.valueOf(ex.getValue())) : "";
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.getName() + " must be " + expected + ", not '" + value + "'.");
	}

	/** Request text echoed in an error: printable and short. */
	private static String abbreviate(String text) {
		String printable = text.replaceAll("\\p{Cntrl}", "?");
		return (printable.length() <= 40) ? printable : printable.substring(0, 37) + "...";
	}

	record Page(List<PoolView> items, int total) {
	}

	record PoolView(String id, String protocol, String chain, String asset, @Nullable String qualifier, String origin,
			boolean stablecoin, boolean fresh, Map<String, Value> metrics, boolean consistent,
			@Nullable InconsistencyView inconsistency) {

		static PoolView of(PoolSnapshot snapshot) {
			Map<String, Value> metrics = new TreeMap<>();
			for (Metric metric : Metric.values()) {
				snapshot.value(metric).ifPresent(v -> metrics.put(metric.ruleName(), Value.of(v)));
			}
			PoolId id = snapshot.pool().id();
			return new PoolView(id.toString(), id.protocol(), id.chain(), id.asset(), id.qualifier(),
					snapshot.pool().origin().name(), snapshot.pool().stablecoin(), snapshot.fresh(), metrics,
					snapshot.consistent(), InconsistencyView.of(snapshot.inconsistency()));
		}

	}

	/** Why the pool's sources disagree: no action may touch it meanwhile. */
	record InconsistencyView(Instant since, String reason, List<DisagreementView> disagreements) {

		static @Nullable InconsistencyView of(@Nullable PoolInconsistency inconsistency) {
			return (inconsistency == null) ? null : new InconsistencyView(inconsistency.since(), inconsistency.reason(),
					inconsistency.disagreements().stream().map(DisagreementView::of).toList());
		}

	}

	record DisagreementView(String metric, String reference, double referenceValue, Instant referenceAt,
			double chainValue, Instant chainAt, double difference, double tolerance, String comparedAs, Instant since) {

		static DisagreementView of(Disagreement d) {
			return new DisagreementView(d.metric().ruleName(), d.reference().name(), d.referenceValue(),
					d.referenceAt(), d.chainValue(), d.chainAt(), d.difference(), d.tolerance(),
					Disagreement.comparedRelatively(d.metric()) ? "relative" : "points", d.since());
		}

	}

	record Value(double value, String unit, Instant observedAt, String source, @Nullable Long block, boolean stale) {

		static Value of(LatestValue v) {
			return new Value(v.value(), v.metric().unit().name(), v.observedAt(), v.source().name(), v.blockNumber(),
					v.stale());
		}

	}

	record Point(Instant at, double value, double min, double max, int samples) {
	}

	record History(String pool, String metric, String unit, List<Point> points) {
	}

}
