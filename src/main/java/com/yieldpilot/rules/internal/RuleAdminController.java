package com.yieldpilot.rules.internal;

import java.util.UUID;

import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleNotFoundException;
import com.yieldpilot.rules.RulePreviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins' view of any farmer's rule: its DRL preview. */
@RestController
@RequestMapping("/api/v1/admin/rules")
@Tag(name = "Rules (admin)")
class RuleAdminController {

	private final RulePreviews previews;

	RuleAdminController(RulePreviews previews) {
		this.previews = previews;
	}

	@Operation(summary = "The DRL preview of a rule's current version")
	@GetMapping(path = "/{id}/drl", produces = MediaType.TEXT_PLAIN_VALUE)
	String drl(@PathVariable UUID id) {
		return this.previews.drl(new RuleId(id));
	}

	@ExceptionHandler(RuleNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(RuleNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage() + "."));
	}

}
