package com.yieldpilot.risk.internal;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;

import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.risk.IncidentImport;
import com.yieldpilot.risk.KnownIncidents;
import com.yieldpilot.risk.internal.model.Incident;
import com.yieldpilot.risk.internal.model.IncidentList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports incident lists in DeFiHackLabs' format into the stored list, audited. */
@Service
class IncidentImporter {

	private static final Logger log = LoggerFactory.getLogger(IncidentImporter.class);

	private final IncidentStore store;

	private final AuditLog auditLog;

	IncidentImporter(IncidentStore store, AuditLog auditLog) {
		this.store = store;
		this.auditLog = auditLog;
	}

	/**
	 * Reads a list in DeFiHackLabs' {@code incidents.json} format and stores what is new,
	 * with an audit entry; a list that cannot be read stores nothing and throws
	 * {@link com.yieldpilot.risk.internal.model.HistoryFormatException} with every
	 * problem.
	 */
	@Transactional
	IncidentImport importList(byte[] json, UserId actor) {
		List<Incident> read = IncidentList.read(new ByteArrayInputStream(json));
		int added = this.store.addAll(read);
		long known = this.store.count();
		String detail = String.format(Locale.ROOT, "%d read, %d new, %d known", read.size(), added, known);
		this.auditLog.record(actor, "risk.incidents.imported", "incident list", detail);
		log.info("Incident list imported: {}", detail);
		return new IncidentImport(read.size(), added, known);
	}

	KnownIncidents known() {
		return this.store.known();
	}

}
