package com.yieldpilot.risk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import com.yieldpilot.market.MetricCatalog;
import com.yieldpilot.market.UnknownPoolException;
import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.RiskAssessment;
import com.yieldpilot.risk.RiskModels;
import com.yieldpilot.risk.RiskScores;
import com.yieldpilot.risk.TrainingProgress;
import com.yieldpilot.risk.internal.model.HistoryFormatException;
import com.yieldpilot.shared.PoolId;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/pools/{id}/risk}: a pool's risk score with its explanation; and for
 * admins the model registry, drift, retraining and the incident list's import under
 * {@code /api/v1/admin/risk}.
 */
@RestController
@RequestMapping("/api/v1")
class RiskController {

	static final int MAX_INCIDENT_BYTES = 20 << 20;

	private final RiskScores scores;

	private final RiskModels models;

	private final MetricCatalog catalog;

	RiskController(RiskScores scores, RiskModels models, MetricCatalog catalog) {
		this.scores = scores;
		this.models = models;
		this.catalog = catalog;
	}

	@GetMapping("/pools/{id}/risk")
	RiskView risk(@PathVariable String id) {
		return this.scores.assessment(PoolId.parse(id))
			.map(RiskView::of)
			.orElseThrow(() -> new UnknownPoolException(id, this.catalog.suggestions(id, 3)));
	}

	@GetMapping("/admin/risk/models")
	List<ModelVersion> models() {
		return this.models.versions();
	}

	@GetMapping("/admin/risk/drift")
	RiskModels.Drift drift() {
		return this.models.drift();
	}

	@GetMapping("/admin/risk/training")
	TrainingProgress training() {
		return this.models.progress();
	}

	@PostMapping("/admin/risk/training")
	ResponseEntity<TrainingProgress> retrain() {
		boolean started = this.models.retrain();
		return ResponseEntity.status(started ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(this.models.progress());
	}

	/**
	 * Imports an incident list; the body is read up to {@link #MAX_INCIDENT_BYTES} (the
	 * whole DeFiHackLabs list is about 0.2 MB), so an oversized one is refused before it
	 * fills the heap.
	 */
	@PostMapping(path = "/admin/risk/incidents", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> importIncidents(HttpServletRequest request) throws IOException {
		byte[] json;
		if (request.getContentLengthLong() > MAX_INCIDENT_BYTES) {
			return tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			json = in.readNBytes(MAX_INCIDENT_BYTES + 1);
		}
		if (json.length > MAX_INCIDENT_BYTES) {
			return tooLarge();
		}
		return ResponseEntity.ok(this.models.importIncidents(json));
	}

	private static ResponseEntity<ProblemDetail> tooLarge() {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"An incident list is at most " + (MAX_INCIDENT_BYTES >> 20) + " MB."));
	}

	@ExceptionHandler(HistoryFormatException.class)
	ProblemDetail unreadable(HistoryFormatException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The incident list was not imported: " + String.join(" ", ex.problems()));
		problem.setProperty("problems", ex.problems());
		return problem;
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

	record RiskView(double score, String label, String modelVersion, boolean heuristic, List<FactorView> explanation,
			Instant scoredAt, Instant checkedAt) {

		static RiskView of(RiskAssessment a) {
			return new RiskView(a.score(), a.label(), a.modelLabel(), a.heuristic(),
					a.explanation()
						.stream()
						.map(f -> new FactorView(f.feature(), f.value(), f.contribution(), f.text()))
						.toList(),
					a.scoredAt(), a.checkedAt());
		}

	}

	record FactorView(String feature, double value, double contribution, String text) {
	}

}
