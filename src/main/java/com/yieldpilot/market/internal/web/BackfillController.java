package com.yieldpilot.market.internal.web;

import java.time.Instant;

import com.yieldpilot.market.BackfillStatus;
import com.yieldpilot.market.MarketHistory;
import com.yieldpilot.market.UnknownPoolException;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins: a pool's history backfill from DefiLlama. {@code POST} queues it ahead of
 * the others and starts the job (202, the chart is fetched in the background);
 * {@code GET} shows where it stands.
 */
@RestController
@RequestMapping("/api/v1/admin/pools/{id}/backfill")
class BackfillController {

	private final MarketHistory history;

	BackfillController(MarketHistory history) {
		this.history = history;
	}

	@PostMapping
	ResponseEntity<StatusView> request(@PathVariable String id) {
		return ResponseEntity.accepted().body(StatusView.of(this.history.requestBackfill(PoolId.parse(id))));
	}

	@GetMapping
	ResponseEntity<StatusView> status(@PathVariable String id) {
		return ResponseEntity.of(this.history.backfill(PoolId.parse(id)).map(StatusView::of));
	}

	@ExceptionHandler(UnknownPoolException.class)
	ProblemDetail unknownPool(UnknownPoolException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(IllegalStateException.class)
	ProblemDetail conflict(IllegalStateException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	record StatusView(String pool, String state, Instant requestedAt, int attempts, @Nullable Instant nextAttemptAt,
			@Nullable Instant lastAttemptAt, @Nullable String lastError, @Nullable Instant backfilledAt,
			@Nullable Integer points, @Nullable Integer pointsSkipped, @Nullable Integer samplesStored,
			@Nullable Instant firstPointAt, @Nullable Instant lastPointAt) {

		static StatusView of(BackfillStatus s) {
			return new StatusView(s.pool().toString(), s.state().name(), s.requestedAt(), s.attempts(),
					s.nextAttemptAt(), s.lastAttemptAt(), s.lastError(), s.backfilledAt(), s.points(),
					s.pointsSkipped(), s.samplesStored(), s.firstPointAt(), s.lastPointAt());
		}

	}

}
