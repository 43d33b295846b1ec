package com.yieldpilot.rules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.yieldpilot.rules.RuleCheck;
import com.yieldpilot.rules.RuleProblem;
import com.yieldpilot.rules.RuleValidation;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule checks for editors and scripts: the rule's text in, the verdict out (200 with the
 * canonical text, or 422 with positioned errors). The body is read up to a fixed size and
 * must be UTF-8.
 */
@RestController
@RequestMapping("/api/v1/rules")
class RuleController {

	/** The largest body read, in bytes: far above any rule (10,000 characters). */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private final RuleValidation validation;

	RuleController(RuleValidation validation) {
		this.validation = validation;
	}

	@PostMapping(path = "/validate", consumes = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<?> validate(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return tooLarge();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			return tooLarge();
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return ResponseEntity.badRequest()
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Send the rule as UTF-8 text."));
		}
		RuleCheck check = this.validation.validate(text);
		if (check.valid()) {
			return ResponseEntity.ok(new Valid(true, check.name(), check.canonical(), problems(check.warnings())));
		}
		return ResponseEntity.unprocessableContent().body(new Invalid(false, problems(check.errors())));
	}

	private static ResponseEntity<ProblemDetail> tooLarge() {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"A rule's text is at most " + MAX_BODY_BYTES / 1024 + " KB."));
	}

	private static List<Problem> problems(List<RuleProblem> problems) {
		return problems.stream().map(p -> new Problem(p.line(), p.column(), p.message())).toList();
	}

	record Valid(boolean valid, String name, String canonical, List<Problem> warnings) {
	}

	record Invalid(boolean valid, List<Problem> errors) {
	}

	record Problem(int line, int column, String message) {
	}

}
