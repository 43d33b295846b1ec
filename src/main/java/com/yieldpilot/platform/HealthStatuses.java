package com.yieldpilot.platform;

import org.springframework.boot.health.contributor.Status;

/**
 * Health statuses beyond Spring Boot's own. {@link #DEGRADED} is for parts the
 * application can live without for a while (a market source, one RPC URL): it shows in
 * {@code /actuator/health} but answers HTTP 200, so a load balancer keeps the node;
 * application.yaml orders it between DOWN and UP and maps it to 200. Only the node's own
 * essentials (database, scheduler) report DOWN.
 */
public final class HealthStatuses {

	/** Working, with a part that is failing or falling back. */
	public static final Status DEGRADED = new Status("DEGRADED",
			"Running; a data source or an RPC URL is failing or falling back");

	private HealthStatuses() {
	}

}
