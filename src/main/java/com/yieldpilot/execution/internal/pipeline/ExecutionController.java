package com.yieldpilot.execution.internal.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;

import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.Executions;
import com.yieldpilot.identity.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token owner's executions: each with every state it passed, its transaction, gas and
 * cost; and the approvals inbox. Another farmer's execution is a 404, like a missing one.
 */
@RestController
@RequestMapping("/api/v1/executions")
@Tag(name = "Executions", description = "What happened to each fund-moving action of a rule's intent")
class ExecutionController {

	private final Executions executions;

	private final CurrentUser user;

	ExecutionController(Executions executions, CurrentUser user) {
		this.executions = executions;
		this.user = user;
	}

	@Operation(summary = "List your executions, newest first",
			description = "state filters by one state (e.g. CONFIRMED, AWAITING_APPROVAL); limit is 1 to 500.")
	@GetMapping
	List<Execution> list(@RequestParam(required = false) @Nullable String state,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > ExecutionService.MAX_LIMIT) {
			throw new IllegalArgumentException("limit is from 1 to " + ExecutionService.MAX_LIMIT + ", not " + limit);
		}
		return this.executions.list(this.user.id(), (state != null) ? state(state) : null, limit);
	}

	@Operation(summary = "One of your executions, with every state it passed")
	@GetMapping("/{id}")
	Execution get(@PathVariable UUID id) {
		return this.executions.find(this.user.id(), new ExecutionId(id)).orElseThrow(NoSuchElementException::new);
	}

	@Operation(summary = "Approve an execution waiting in your inbox; it runs at once",
			description = "The guardrails look at its intent again first: what they would block now is a 409 whose "
					+ "detail gives their reasons, and it keeps waiting until it expires. A 409 also answers one that "
					+ "no longer waits (expired, or decided already).")
	@PostMapping("/{id}/approve")
	Execution approve(@PathVariable UUID id) {
		return this.executions.approve(this.user.id(), new ExecutionId(id));
	}

	@Operation(summary = "Reject an execution waiting in your inbox; nothing moves")
	@PostMapping("/{id}/reject")
	Execution reject(@PathVariable UUID id) {
		return this.executions.reject(this.user.id(), new ExecutionId(id));
	}

	private static ExecutionState state(String text) {
		try {
			return ExecutionState.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"state is one of " + Arrays.toString(ExecutionState.values()) + ", not '" + text.strip() + "'");
		}
	}

	@ExceptionHandler(NoSuchElementException.class)
	ResponseEntity<ProblemDetail> notFound() {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such execution of yours."));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

	@ExceptionHandler(IllegalStateException.class)
	ResponseEntity<ProblemDetail> conflict(IllegalStateException ex) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage()));
	}

}
