package com.yieldpilot.risk.internal;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import com.yieldpilot.risk.KnownIncidents;
import com.yieldpilot.risk.internal.model.Incident;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.risk.internal.db.Tables.RISK_INCIDENT;

/** The imported incident list in {@code risk_incident}: added to, never rewritten. */
@Repository
class IncidentStore {

	private final DSLContext db;

	private final Clock clock;

	IncidentStore(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/** Stores the incidents not stored yet; returns how many were new. */
	@Transactional(propagation = Propagation.MANDATORY)
	int addAll(List<Incident> incidents) {
		if (incidents.isEmpty()) {
			return 0;
		}
		var now = this.clock.instant().atOffset(ZoneOffset.UTC);
		int added = 0;
		for (int from = 0; from < incidents.size(); from += 1_000) {
			var step = this.db.insertInto(RISK_INCIDENT, RISK_INCIDENT.DAY, RISK_INCIDENT.NAME, RISK_INCIDENT.TYPE,
					RISK_INCIDENT.LOSS_USD, RISK_INCIDENT.CHAIN, RISK_INCIDENT.IMPORTED_AT);
			for (Incident i : incidents.subList(from, Math.min(incidents.size(), from + 1_000))) {
				step = step.values(i.date(), JooqRiskRepository.abbreviate(i.name(), 200),
						JooqRiskRepository.abbreviate(i.type(), 200), Double.isNaN(i.lossUsd()) ? null : i.lossUsd(),
						JooqRiskRepository.abbreviate(i.chain(), 100), now);
			}
			added += step.onConflictDoNothing().execute();
		}
		return added;
	}

	/**
	 * The stored list's size and newest id: rows are only ever added, so they change when
	 * the list does (the size too when an import with lower ids commits after one with
	 * higher).
	 */
	Stamp stamp() {
		var row = this.db.select(DSL.count(), DSL.max(RISK_INCIDENT.ID)).from(RISK_INCIDENT).fetchSingle();
		return new Stamp(row.value1(), (row.value2() == null) ? 0 : row.value2());
	}

	record Stamp(long count, long newest) {
	}

	long count() {
		return this.db.fetchCount(RISK_INCIDENT);
	}

	KnownIncidents known() {
		var newest = this.db.select(RISK_INCIDENT.DAY, RISK_INCIDENT.NAME)
			.from(RISK_INCIDENT)
			.orderBy(RISK_INCIDENT.DAY.desc(), RISK_INCIDENT.ID.desc())
			.limit(1)
			.fetchOptional();
		return new KnownIncidents(count(), newest.map(r -> r.value1()).orElse(null),
				newest.map(r -> r.value2()).orElse(null));
	}

	/** Every stored incident, oldest first. */
	List<Incident> all() {
		return this.db.selectFrom(RISK_INCIDENT)
			.orderBy(RISK_INCIDENT.DAY, RISK_INCIDENT.NAME, RISK_INCIDENT.ID)
			.fetch(r -> new Incident(r.getDay(), r.getName(), r.getType(),
					(r.getLossUsd() == null) ? Double.NaN : r.getLossUsd(), r.getChain()));
	}

}
