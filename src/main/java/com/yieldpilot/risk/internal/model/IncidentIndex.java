package com.yieldpilot.risk.internal.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import static com.yieldpilot.risk.internal.model.FeatureBuilder.set;

/**
 * The incident list by protocol and by day: the market's incidents and losses of the last
 * 30 days and the pool's protocol's own record, as of day t.
 */
final class IncidentIndex {

	private final Map<String, long[]> byProtocol = new HashMap<>();

	private final long[] days;

	private final double[] losses;

	IncidentIndex(List<Incident> incidents) {
		Map<String, List<Long>> grouped = new HashMap<>();
		this.days = new long[incidents.size()];
		this.losses = new double[incidents.size()];
		for (int i = 0; i < incidents.size(); i++) {
			Incident incident = incidents.get(i);
			this.days[i] = incident.date().toEpochDay();
			this.losses[i] = incident.lossUsd();
			grouped.computeIfAbsent(incident.key(), k -> new ArrayList<>()).add(this.days[i]);
		}
		grouped.forEach((k, v) -> this.byProtocol.put(k, v.stream().mapToLong(Long::longValue).sorted().toArray()));
	}

	void fill(@Nullable String protocol, long t, float[] x) {
		if (this.days.length == 0) {
			return;
		}
		int count = 0;
		double loss = 0;
		for (int i = 0; i < this.days.length; i++) {
			if (this.days[i] <= t && this.days[i] > t - 30) {
				count++;
				loss += Double.isNaN(this.losses[i]) ? 0 : this.losses[i];
			}
		}
		set(x, Feature.MARKET_INCIDENTS_30D, count);
		set(x, Feature.MARKET_LOSS_30D, Math.log10(loss + 1));
		if (protocol == null) {
			return;
		}
		long[] own = this.byProtocol.getOrDefault(protocol, new long[0]);
		int year = 0;
		long last = Long.MIN_VALUE;
		for (long d : own) {
			if (d <= t) {
				last = d;
				year += (d > t - 365) ? 1 : 0;
			}
		}
		set(x, Feature.PROTOCOL_INCIDENTS_365D, year);
		set(x, Feature.PROTOCOL_DAYS_SINCE_INCIDENT, (last == Long.MIN_VALUE) ? Double.NaN : t - last);
	}

}
