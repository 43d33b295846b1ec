package com.yieldpilot.execution.internal;

import java.time.Clock;
import java.util.Map;

import com.yieldpilot.execution.GuardrailSet;
import com.yieldpilot.execution.GuardrailStatus;
import com.yieldpilot.identity.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the guardrails shipped in {@code rules/guardrails} at start, once per version of
 * the files (their checksum). On the first start they become version 1 and active. When a
 * release ships changed files, they become a new version, activated only if no admin ever
 * saved guardrails: an admin's edits are never replaced by a deployment, and the admin
 * decides about the new files. The status row is locked meanwhile, so nodes starting
 * together load once.
 */
@Component
class ShippedGuardrailLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ShippedGuardrailLoader.class);

	private final GuardrailStore store;

	private final GuardrailCompiler compiler;

	private final AuditLog auditLog;

	private final Clock clock;

	ShippedGuardrailLoader(GuardrailStore store, GuardrailCompiler compiler, AuditLog auditLog, Clock clock) {
		this.store = store;
		this.compiler = compiler;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Map<String, String> files = ShippedGuardrails.read();
		String checksum = GuardrailChecksum.of(files);
		GuardrailStatus status = this.store.lockStatus();
		if (checksum.equals(this.store.shippedChecksum())) {
			return;
		}
		this.compiler.compile(files);
		GuardrailSet set = new GuardrailSet(this.store.nextVersion(), GuardrailSet.Origin.FILE, checksum,
				"shipped in rules/guardrails", null, this.clock.instant(), files);
		this.store.insert(set);
		this.store.shippedChecksum(checksum);
		this.auditLog.record(null, "execution.guardrails.loaded", "guardrails v" + set.version(),
				String.join(", ", files.keySet()));
		if (status.activeVersion() == null || !this.store.anyAdminVersion()) {
			this.store.activate(set.version(), status.activeVersion(), null, this.clock.instant());
			this.auditLog.record(null, "execution.guardrails.activated", "guardrails v" + set.version(),
					"was v" + status.activeVersion());
			log.info("Guardrails: the shipped files are version {} and active", set.version());
		}
		else {
			log.warn("Guardrails: the shipped files changed and are saved as version {}, not activated: admins "
					+ "edited the guardrails, so an admin reviews and activates it", set.version());
		}
	}

}
