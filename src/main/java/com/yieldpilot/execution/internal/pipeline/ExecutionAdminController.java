package com.yieldpilot.execution.internal.pipeline;

import java.util.List;

import com.yieldpilot.execution.DeferredExecution;
import com.yieldpilot.execution.ExecutionAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins: all farmers' executions that wait to be tried again.
 * {@code /api/v1/admin/**} is for admins only, and {@link ExecutionAdmin} checks the role
 * again.
 */
@RestController
@RequestMapping("/api/v1/admin/executions")
@Tag(name = "Execution admin", description = "What admins watch of the execution pipeline")
class ExecutionAdminController {

	private final ExecutionAdmin admin;

	ExecutionAdminController(ExecutionAdmin admin) {
		this.admin = admin;
	}

	@Operation(summary = "All farmers' deferred executions, newest first",
			description = "Each with its farmer, rule, why it waits (fees above the cap, the kill switch, a chain "
					+ "that could not be read) and when it is tried again; limit is 1 to 500.")
	@GetMapping("/deferred")
	List<DeferredExecution> deferred(@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > ExecutionService.MAX_LIMIT) {
			throw new IllegalArgumentException("limit is from 1 to " + ExecutionService.MAX_LIMIT + ", not " + limit);
		}
		return this.admin.deferred(limit);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest()
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage()));
	}

}
