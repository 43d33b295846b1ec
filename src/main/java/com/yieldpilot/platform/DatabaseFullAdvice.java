package com.yieldpilot.platform;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A REST request that failed because the database ran out of disk space answers 503 with
 * what happened and what to do ({@link DatabaseFull#EXPLANATION}) and a
 * {@code Retry-After}, instead of a bare 500: its transaction rolled back, so a client
 * may send it again once there is space. Only data-access and transaction failures are
 * looked at, and any other one is passed on unchanged to Spring's own handling.
 */
@RestControllerAdvice
class DatabaseFullAdvice {

	private static final String RETRY_AFTER_SECONDS = "60";

	private final DatabaseFull databaseFull;

	DatabaseFullAdvice(DatabaseFull databaseFull) {
		this.databaseFull = databaseFull;
	}

	@ExceptionHandler({ DataAccessException.class, TransactionException.class,
			org.jooq.exception.DataAccessException.class })
	ResponseEntity<ProblemDetail> databaseFull(RuntimeException ex) {
		if (!this.databaseFull.raised(ex)) {
			// declined: Spring resolves the same exception as if this handler were
			// not here
			throw ex;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				DatabaseFull.EXPLANATION);
		problem.setTitle("Database out of disk space");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
			.body(problem);
	}

}
