package com.yieldpilot.market.internal.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.yieldpilot.market.InvalidRegistryEntryException;
import com.yieldpilot.market.PoolRegistryAdmin;
import com.yieldpilot.market.RegistryConflictException;
import com.yieldpilot.market.RegistryEntry;
import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * For admins: the pool registry over REST. {@code /api/v1/admin/**} is for admins only
 * (the API security chain), and the service checks the role again. Validation errors come
 * back as a problem document with one entry per field to fix.
 */
@RestController
@RequestMapping("/api/v1/admin/pools")
class AdminPoolController {

	private final PoolRegistryAdmin registry;

	AdminPoolController(PoolRegistryAdmin registry) {
		this.registry = registry;
	}

	@GetMapping
	Page list(@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit) {
		if (offset < 0 || limit < 1 || limit > 1000) {
			throw new IllegalArgumentException("offset must be 0 or more and limit between 1 and 1000.");
		}
		return new Page(this.registry.entries(offset, limit).stream().map(EntryView::of).toList(),
				this.registry.count());
	}

	@GetMapping("/{id}")
	ResponseEntity<EntryView> get(@PathVariable String id) {
		return ResponseEntity.of(this.registry.entry(PoolId.parse(id)).map(EntryView::of));
	}

	@PostMapping
	ResponseEntity<EntryView> add(@RequestBody EntryRequest request) {
		RegistryEntry added = this.registry.add(request.toData(request.id()));
		return ResponseEntity.created(URI.create("/api/v1/admin/pools/" + added.id())).body(EntryView.of(added));
	}

	@PutMapping("/{id}")
	EntryView update(@PathVariable String id, @RequestBody EntryRequest request) {
		PoolId pool = PoolId.parse(id);
		if (request.version() == null) {
			throw new InvalidRegistryEntryException(pool.toString(),
					List.of(new InvalidRegistryEntryException.FieldProblem("version",
							"is required: send the version you read with GET /api/v1/admin/pools/" + pool)));
		}
		String bodyId = (request.id() != null) ? request.id() : pool.toString();
		return EntryView.of(this.registry.update(pool, request.version(), request.toData(bodyId)));
	}

	@ExceptionHandler(InvalidRegistryEntryException.class)
	ProblemDetail invalid(InvalidRegistryEntryException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The pool was not saved. Fix the fields listed in errors.");
		problem.setTitle("Invalid registry entry");
		problem.setProperty("errors",
				ex.problems().stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
		return problem;
	}

	@ExceptionHandler(RegistryConflictException.class)
	ProblemDetail conflict(RegistryConflictException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	@ExceptionHandler(NoSuchElementException.class)
	ProblemDetail notFound(NoSuchElementException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * A pool as an admin sends it; {@code kind} is {@code none}, {@code erc4626},
	 * {@code aave-v3} or {@code compound-v3}.
	 */
	record EntryRequest(@Nullable String id, @Nullable String name, @Nullable String kind, @Nullable String contract,
			@Nullable String asset, @Nullable Integer assetDecimals, @Nullable String priceFeed,
			@Nullable String defiLlamaId, @Nullable Boolean stablecoin, @Nullable Long version) {

		RegistryEntryData toData(@Nullable String poolId) {
			return RegistryEntryData.of(poolId, this.name, this.kind, this.contract, this.asset, this.assetDecimals,
					this.priceFeed, this.defiLlamaId, Boolean.TRUE.equals(this.stablecoin));
		}

	}

	record EntryView(String id, @Nullable String name, String kind, @Nullable String contract, @Nullable String asset,
			@Nullable Integer assetDecimals, @Nullable String priceFeed, @Nullable String defiLlamaId,
			boolean stablecoin, String origin, @Nullable String managedBy, long version, @Nullable Instant updatedAt) {

		static EntryView of(RegistryEntry entry) {
			RegistryEntryData d = entry.data();
			return new EntryView(d.id().toString(), d.name(), d.kind().label(), d.contract(), d.asset(),
					d.assetDecimals(), d.priceFeed(), d.defiLlamaId(), d.stablecoin(), entry.origin().name(),
					(entry.managedBy() != null) ? entry.managedBy().name() : null, entry.version(), entry.updatedAt());
		}

	}

	record Page(List<EntryView> items, int total) {
	}

}
