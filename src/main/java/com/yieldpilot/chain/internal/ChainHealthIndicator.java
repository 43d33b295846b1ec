package com.yieldpilot.chain.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.yieldpilot.chain.ChainClients;
import com.yieldpilot.chain.RpcEndpointStatus;
import com.yieldpilot.platform.HealthStatuses;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The production chains' RPC URLs as this node sees them. A URL that fails, whose circuit
 * is open, or that was rejected for serving another chain makes this DEGRADED, never
 * DOWN: the node keeps serving, and a chain with one working URL keeps being read.
 */
// shown as "chains": Boot drops the HealthIndicator suffix
@Component("chainsHealthIndicator")
class ChainHealthIndicator extends AbstractHealthIndicator {

	private final ChainClients clients;

	ChainHealthIndicator(ChainClients clients) {
		super("Chain health check failed");
		this.clients = clients;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.clients.chains().isEmpty()) {
			builder.up().withDetail("chains", "none configured");
			return;
		}
		boolean degraded = false;
		for (String chain : this.clients.chains()) {
			List<RpcEndpointStatus> endpoints = this.clients.endpoints(chain);
			degraded |= endpoints.stream().anyMatch(RpcEndpointStatus::degraded);
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("chainId", this.clients.chainId(chain));
			detail.put("usableUrls", endpoints.stream().filter(RpcEndpointStatus::usable).count());
			List<Map<String, Object>> urls = new ArrayList<>();
			for (RpcEndpointStatus endpoint : endpoints) {
				urls.add(describe(endpoint));
			}
			detail.put("urls", urls);
			builder.withDetail(chain, detail);
		}
		builder.status(degraded ? HealthStatuses.DEGRADED : Status.UP);
	}

	private static Map<String, Object> describe(RpcEndpointStatus endpoint) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("url", endpoint.url());
		detail.put("verification", endpoint.verification().name());
		detail.put("circuit", endpoint.circuit());
		detail.put("successes", endpoint.successes());
		detail.put("failures", endpoint.failures());
		detail.put("consecutiveFailures", endpoint.consecutiveFailures());
		if (endpoint.lastSuccess() != null) {
			detail.put("lastSuccess", endpoint.lastSuccess().toString());
		}
		if (endpoint.lastFailure() != null) {
			detail.put("lastFailure", endpoint.lastFailure().toString());
		}
		if (endpoint.lastError() != null) {
			detail.put("lastError", endpoint.lastError());
		}
		if (endpoint.lastLatency() != null) {
			detail.put("lastLatencyMs", endpoint.lastLatency().toMillis());
		}
		return detail;
	}

}
