package com.yieldpilot.risk.internal;

import java.util.List;

import com.yieldpilot.risk.internal.model.Incident;

import org.springframework.stereotype.Component;

/**
 * The incident list the risk model trains and scores with ({@link IncidentImporter}
 * stores it), held on each node as one list object while it does not change, so scoring's
 * kept features stay valid until an import on any node adds an incident (one indexed read
 * per scoring pass tells).
 */
@Component
class Incidents {

	private final IncidentStore store;

	private volatile Held held = new Held(new IncidentStore.Stamp(0, 0), List.of());

	Incidents(IncidentStore store) {
		this.store = store;
	}

	/**
	 * The stored incidents, oldest first; the same list object until the stored list
	 * changes.
	 */
	List<Incident> current() {
		IncidentStore.Stamp stamp = this.store.stamp();
		Held held = this.held;
		if (!held.stamp().equals(stamp)) {
			held = new Held(stamp, List.copyOf(this.store.all()));
			this.held = held;
		}
		return held.incidents();
	}

	private record Held(IncidentStore.Stamp stamp, List<Incident> incidents) {
	}

}
