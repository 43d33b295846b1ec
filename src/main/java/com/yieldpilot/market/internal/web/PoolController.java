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
import com.yieldpilot.market.PoolInconsistency;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.market.Resolution;
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

/**
 * Pools with their latest metrics, and one metric's history. Public market data: any
 * token may read it.
 */
@RestController
@RequestMapping("/api/v1/pools")
class PoolController {

	private static final int MAX_HISTORY_DAYS = 400;

	private final MarketData market;

	PoolController(MarketData market) {
		this.market = market;
	}

	@GetMapping
	Page list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
		if (offset < 0 || limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("offset must be 0 or more and limit between 1 and 1000.");
		}
		return new Page(this.market.pools(offset, limit).stream().map(PoolView::of).toList(), this.market.count());
	}

	@GetMapping("/{id}")
	ResponseEntity<PoolView> get(@PathVariable String id) {
		return ResponseEntity.of(this.market.pool(PoolId.parse(id)).map(PoolView::of));
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
			return ResponseEntity.notFound().build();
		}
		List<Point> points = this.market.history(pool, m, res, start, end)
			.stream()
			.map(p -> new Point(p.at(), p.value(), p.min(), p.max(), p.samples()))
			.toList();
		return ResponseEntity.ok(new History(pool.toString(), m.ruleName(), m.unit().name(), points));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	record Page(List<PoolView> items, int total) {
	}

	record PoolView(String id, String protocol, String chain, String asset, @Nullable String qualifier, String origin,
			boolean fresh, Map<String, Value> metrics, boolean consistent, @Nullable InconsistencyView inconsistency) {

		static PoolView of(PoolSnapshot snapshot) {
			Map<String, Value> metrics = new TreeMap<>();
			for (Metric metric : Metric.values()) {
				snapshot.value(metric).ifPresent(v -> metrics.put(metric.ruleName(), Value.of(v)));
			}
			PoolId id = snapshot.pool().id();
			return new PoolView(id.toString(), id.protocol(), id.chain(), id.asset(), id.qualifier(),
					snapshot.pool().origin().name(), snapshot.fresh(), metrics, snapshot.consistent(),
					InconsistencyView.of(snapshot.inconsistency()));
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
