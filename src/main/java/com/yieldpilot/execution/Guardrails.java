package com.yieldpilot.execution;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.yieldpilot.execution.internal.GuardrailChecksum;
import com.yieldpilot.execution.internal.GuardrailCompiler;
import com.yieldpilot.execution.internal.GuardrailEngine;
import com.yieldpilot.execution.internal.GuardrailStore;
import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.rules.RuleIntents;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For admins: the guardrails every intent passes, and the kill switch. A version is saved
 * only when it compiles, never changes once saved, and runs only once activated;
 * activation names the version the admin saw active, so two admins cannot overwrite each
 * other unknowingly. Every change is audit-logged with the admin who made it. See
 * docs/decisions/0014-guardrails.md.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class Guardrails {

	/** The most recent intents a dry run reviews. */
	public static final int MAX_DRY_RUN = 200;

	private final GuardrailStore store;

	private final GuardrailCompiler compiler;

	private final GuardrailEngine engine;

	private final RuleIntents intents;

	private final AuditLog auditLog;

	private final CurrentUser currentUser;

	private final Clock clock;

	Guardrails(GuardrailStore store, GuardrailCompiler compiler, GuardrailEngine engine, RuleIntents intents,
			AuditLog auditLog, CurrentUser currentUser, Clock clock) {
		this.store = store;
		this.compiler = compiler;
		this.engine = engine;
		this.intents = intents;
		this.auditLog = auditLog;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public GuardrailStatus status() {
		return this.store.status();
	}

	/** Saved versions, the newest first. */
	@Transactional(readOnly = true)
	public List<GuardrailSet> versions(int offset, int limit) {
		return this.store.page(offset, limit);
	}

	@Transactional(readOnly = true)
	public int count() {
		return this.store.count();
	}

	@Transactional(readOnly = true)
	public Optional<GuardrailSet> version(int version) {
		return this.store.find(version);
	}

	/**
	 * The compile errors of the files, each with its file, line and column; empty when
	 * they compile.
	 * @throws IllegalArgumentException when a file name or size is not accepted
	 */
	public List<GuardrailProblem> check(Map<String, String> files) {
		return this.compiler.check(GuardrailSet.checkFiles(files));
	}

	/**
	 * What the files would decide about the newest intents of all farmers, with today's
	 * market and portfolios and the kill switch aside. Stores and settles nothing.
	 * @throws GuardrailRejectedException when the files do not compile
	 */
	public List<GuardrailDryRun> dryRun(Map<String, String> files, int limit) {
		if (limit < 1 || limit > MAX_DRY_RUN) {
			throw new IllegalArgumentException("A dry run reviews 1 to " + MAX_DRY_RUN + " intents, not " + limit);
		}
		return this.engine.dryRun(this.compiler.compile(GuardrailSet.checkFiles(files)), this.intents.recent(limit));
	}

	/**
	 * Saves the files as a new version, not yet active.
	 * @throws GuardrailRejectedException when they do not compile: nothing is saved
	 */
	@Transactional
	public GuardrailSet save(Map<String, String> files, @Nullable String note) {
		Map<String, String> checked = GuardrailSet.checkFiles(files);
		String trimmed = (note != null && !note.isBlank()) ? note.strip() : null;
		if (trimmed != null && trimmed.length() > GuardrailSet.MAX_NOTE_LENGTH) {
			throw new IllegalArgumentException("A note has at most " + GuardrailSet.MAX_NOTE_LENGTH + " characters");
		}
		this.compiler.compile(checked);
		this.store.lockStatus();
		GuardrailSet set = new GuardrailSet(this.store.nextVersion(), GuardrailSet.Origin.ADMIN,
				GuardrailChecksum.of(checked), trimmed, this.currentUser.id(), this.clock.instant(), checked);
		this.store.insert(set);
		this.auditLog.record(this.currentUser.id(), "execution.guardrails.saved", "guardrails v" + set.version(),
				String.join(", ", checked.keySet()) + ((trimmed != null) ? ": " + trimmed : ""));
		return set;
	}

	/**
	 * Makes a saved version the one every review uses, on every node from its next review
	 * on.
	 * @param version the version to activate
	 * @param expectedActive the version the admin saw active (null when none was)
	 * @throws NoSuchElementException when there is no such version
	 * @throws GuardrailRejectedException when it does not compile (any more)
	 * @throws GuardrailConflictException when another version was activated since
	 */
	@Transactional
	public GuardrailStatus activate(int version, @Nullable Integer expectedActive) {
		GuardrailSet set = this.store.find(version)
			.orElseThrow(() -> new NoSuchElementException("There is no guardrail version " + version));
		this.compiler.compile(set.files());
		GuardrailStatus before = this.store.lockStatus();
		if (!this.store.activate(version, expectedActive, this.currentUser.id(), this.clock.instant())) {
			throw new GuardrailConflictException("Version " + before.activeVersion()
					+ " was activated since you looked (you saw " + expectedActive + "). Check it, then try again.");
		}
		this.auditLog.record(this.currentUser.id(), "execution.guardrails.activated", "guardrails v" + version,
				"was v" + before.activeVersion());
		return this.store.status();
	}

	@Transactional(readOnly = true)
	public KillSwitch killSwitch() {
		return this.store.status().killSwitch();
	}

	/**
	 * Engages or releases the kill switch. While engaged, every intent that moves funds
	 * is blocked.
	 * @param reason why; required to engage it
	 */
	@Transactional
	public KillSwitch setKillSwitch(boolean engaged, @Nullable String reason) {
		String line = (reason != null) ? reason.strip().replaceAll("\\s+", " ") : "";
		if (engaged && line.isEmpty()) {
			throw new IllegalArgumentException("Say why you stop all fund movements: farmers read it.");
		}
		if (line.length() > KillSwitch.MAX_REASON_LENGTH) {
			throw new IllegalArgumentException("A reason has at most " + KillSwitch.MAX_REASON_LENGTH + " characters");
		}
		this.store.lockStatus();
		this.store.killSwitch(engaged, line.isEmpty() ? null : line, this.currentUser.id(), this.clock.instant());
		this.auditLog.record(this.currentUser.id(),
				engaged ? "execution.kill-switch.engaged" : "execution.kill-switch.released", "kill switch",
				line.isEmpty() ? null : line);
		return this.store.status().killSwitch();
	}

}
