package com.yieldpilot.support;

import com.yieldpilot.rules.IntentId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the shared test node stored about an intent's review: its verdicts, its
 * executions, and the event publication registry's row for its delivery to the
 * guardrails' reviewer.
 */
public record ReviewRecords(JdbcClient jdbc) {

	private static final String DELIVERY = "from event_publication where serialized_event like ? "
			+ "and listener_id like '%GuardrailReviewer%'";

	public int reviews(IntentId id) {
		return count("select count(*) from guardrail_review where intent_id = ?", id.value());
	}

	public int executions(IntentId id) {
		return count("select count(*) from execution where intent_id = ?", id.value());
	}

	/** How many of the intent's deliveries to the reviewer match the SQL condition. */
	public int deliveries(IntentId id, String condition) {
		return count("select count(*) " + DELIVERY + " and " + condition, "%" + id + "%");
	}

	/** The registry's status of the intent's one delivery to the reviewer. */
	public String deliveryStatus(IntentId id) {
		return this.jdbc.sql("select status " + DELIVERY).param("%" + id + "%").query(String.class).single();
	}

	/** How often the registry delivered it (the first delivery counts as one). */
	public int deliveryAttempts(IntentId id) {
		return count("select completion_attempts " + DELIVERY, "%" + id + "%");
	}

	private int count(String sql, Object parameter) {
		return this.jdbc.sql(sql).param(parameter).query(Integer.class).single();
	}

}
