package com.yieldpilot.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.rules.RuleBook;
import com.yieldpilot.rules.RuleCheck;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleNotFoundException;
import com.yieldpilot.rules.RuleProblem;
import com.yieldpilot.rules.RuleRejectedException;
import com.yieldpilot.rules.RuleStatus;
import com.yieldpilot.rules.RuleSummary;
import com.yieldpilot.rules.RuleTrace;
import com.yieldpilot.rules.RuleTraces;
import com.yieldpilot.rules.RuleValidation;
import com.yieldpilot.rules.RuleVersion;
import com.yieldpilot.rules.lang.Mode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rules over REST for editors and scripts, all for the token's owner: check a text (200
 * with the canonical text, or 422 with positioned errors), save it as a new rule or a new
 * version, read, list, disable and enable, versions and rollback, traces. Bodies are
 * UTF-8 text read up to a fixed size. Another farmer's rule is a 404, like a missing one.
 */
@RestController
@RequestMapping("/api/v1/rules")
@Tag(name = "Rules", description = "Farmers' automation rules, their versions and traces")
class RuleController {

	/** The largest body read, in bytes: far above any rule (10,000 characters). */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private static final int MAX_TRACES = 200;

	private final RuleValidation validation;

	private final RuleBook rules;

	private final RuleTraces traces;

	RuleController(RuleValidation validation, RuleBook rules, RuleTraces traces) {
		this.validation = validation;
		this.rules = rules;
		this.traces = traces;
	}

	@Operation(summary = "Check a rule's text without saving it",
			description = "200 with the rule's name and canonical text, or 422 with errors by line and column.")
	@PostMapping(path = "/validate", consumes = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<?> validate(HttpServletRequest request) throws IOException {
		RuleCheck check = this.validation.validate(read(request));
		if (check.valid()) {
			return ResponseEntity.ok(new Valid(true, check.name(), check.canonical(), problems(check.warnings())));
		}
		return ResponseEntity.unprocessableContent().body(new Invalid(false, problems(check.errors())));
	}

	@Operation(summary = "Save a new rule", description = "201 with the rule's id and version 1, or 422 with errors.")
	@PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<Saved> create(HttpServletRequest request) throws IOException {
		RuleVersion version = this.rules.create(read(request));
		return ResponseEntity.created(URI.create("/api/v1/rules/" + version.rule()))
			.body(Saved.of(version, this.rules.summary(version.rule())));
	}

	@Operation(summary = "The caller's rules, newest first")
	@GetMapping
	List<RuleSummary> list() {
		return this.rules.list();
	}

	@Operation(summary = "One rule with its current text")
	@GetMapping("/{id}")
	Detail get(@PathVariable UUID id) {
		RuleId rule = new RuleId(id);
		return Detail.of(this.rules.summary(rule), this.rules.current(rule));
	}

	@Operation(summary = "Save a new version of a rule",
			description = "200 with the new version (the current one when the text is unchanged), or 422 with errors.")
	@PutMapping(path = "/{id}", consumes = MediaType.TEXT_PLAIN_VALUE)
	Saved update(@PathVariable UUID id, HttpServletRequest request) throws IOException {
		RuleVersion version = this.rules.update(new RuleId(id), read(request));
		return Saved.of(version, this.rules.summary(version.rule()));
	}

	@Operation(summary = "Stop evaluating a rule (idempotent)")
	@PostMapping("/{id}/disable")
	RuleSummary disable(@PathVariable UUID id) {
		return this.rules.disable(new RuleId(id));
	}

	@Operation(summary = "Evaluate a rule again (idempotent; the plan's rule count applies)")
	@PostMapping("/{id}/enable")
	RuleSummary enable(@PathVariable UUID id) {
		return this.rules.enable(new RuleId(id));
	}

	@Operation(summary = "A rule's versions, newest first")
	@GetMapping("/{id}/versions")
	List<RuleVersion> versions(@PathVariable UUID id) {
		return this.rules.versions(new RuleId(id));
	}

	@Operation(summary = "One version of a rule")
	@GetMapping("/{id}/versions/{version}")
	RuleVersion version(@PathVariable UUID id, @PathVariable int version) {
		return this.rules.version(new RuleId(id), version);
	}

	@Operation(summary = "Save an earlier version's text as the next version")
	@PostMapping("/{id}/versions/{version}/rollback")
	Saved rollback(@PathVariable UUID id, @PathVariable int version) {
		RuleVersion saved = this.rules.rollback(new RuleId(id), version);
		return Saved.of(saved, this.rules.summary(saved.rule()));
	}

	@Operation(summary = "A rule's traces, newest first: why it fired or did not",
			description = "Page with before=<the last trace id seen>; limit is at most 200.")
	@GetMapping("/{id}/traces")
	List<RuleTrace> traces(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit,
			@RequestParam(required = false) @Nullable Long before) {
		if (limit < 1 || limit > MAX_TRACES) {
			throw new BadBody(HttpStatus.BAD_REQUEST, "limit is from 1 to " + MAX_TRACES + ", not " + limit + ".");
		}
		return this.traces.traces(new RuleId(id), limit, before);
	}

	@ExceptionHandler(RuleRejectedException.class)
	ResponseEntity<Invalid> rejected(RuleRejectedException ex) {
		return ResponseEntity.unprocessableContent().body(new Invalid(false, problems(ex.check().errors())));
	}

	@ExceptionHandler(RuleNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(RuleNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage() + "."));
	}

	@ExceptionHandler(BadBody.class)
	ResponseEntity<ProblemDetail> badBody(BadBody ex) {
		return ResponseEntity.status(ex.status).body(ProblemDetail.forStatusAndDetail(ex.status, ex.getMessage()));
	}

	private static String read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw tooLarge();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			throw tooLarge();
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new BadBody(HttpStatus.BAD_REQUEST, "Send the rule as UTF-8 text.");
		}
	}

	private static BadBody tooLarge() {
		return new BadBody(HttpStatus.CONTENT_TOO_LARGE, "A rule's text is at most " + MAX_BODY_BYTES / 1024 + " KB.");
	}

	private static List<Problem> problems(List<RuleProblem> problems) {
		return problems.stream().map(p -> new Problem(p.line(), p.column(), p.message())).toList();
	}

	/** A request this controller answers with a problem detail. */
	static final class BadBody extends RuntimeException {

		private final HttpStatus status;

		BadBody(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

	}

	record Valid(boolean valid, String name, String canonical, List<Problem> warnings) {
	}

	record Invalid(boolean valid, List<Problem> errors) {
	}

	record Problem(int line, int column, String message) {
	}

	/** A saved version: the rule's id, the version and what the list shows. */
	record Saved(RuleId id, int version, String name, RuleStatus status, Mode mode, String text) {

		static Saved of(RuleVersion version, RuleSummary summary) {
			return new Saved(version.rule(), version.version(), summary.name(), summary.status(), summary.mode(),
					version.text());
		}

	}

	/** A rule with its current text. */
	record Detail(RuleId id, String name, int version, RuleStatus status, Mode mode, Instant updatedAt,
			@Nullable Instant lastEvaluated, @Nullable Instant lastFired, String text) {

		static Detail of(RuleSummary summary, RuleVersion current) {
			return new Detail(summary.id(), summary.name(), summary.version(), summary.status(), summary.mode(),
					summary.updatedAt(), summary.lastEvaluated(), summary.lastFired(), current.text());
		}

	}

}
