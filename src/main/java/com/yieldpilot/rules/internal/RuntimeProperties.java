package com.yieldpilot.rules.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the rules are evaluated, {@code yieldpilot.rules.*}.
 *
 * @param shards how many shards farmers are hashed into, each evaluated by one clustered
 * Quartz job; fixed for an installation (a rule keeps the shard it was saved in)
 * @param tick how often each shard is evaluated when no market update triggers it (held
 * parts come due and values go stale between updates)
 * @param traceRetention how long traces are kept
 * @param blockedRunRetry how soon a scheduled run that waits for its data (stale or
 * disagreeing numbers on a pool it would touch, conditions that cannot be evaluated) is
 * tried again, until it goes ahead or its rule's next run is due
 */
@ConfigurationProperties("yieldpilot.rules")
public record RuntimeProperties(@DefaultValue("4") int shards, @DefaultValue("30s") Duration tick,
		@DefaultValue("90d") Duration traceRetention, @DefaultValue("15s") Duration blockedRunRetry) {

	public RuntimeProperties {
		if (shards < 1 || shards > 256) {
			throw new IllegalArgumentException("yieldpilot.rules.shards is from 1 to 256, not " + shards);
		}
		if (tick.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("yieldpilot.rules.tick is at least 1s, not " + tick);
		}
		if (blockedRunRetry.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException(
					"yieldpilot.rules.blocked-run-retry is at least 1s, not " + blockedRunRetry);
		}
		if (traceRetention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException(
					"yieldpilot.rules.trace-retention is at least 1d, not " + traceRetention);
		}
	}

	/** The shard of a farmer: stable for the installation. */
	public int shardOf(com.yieldpilot.identity.UserId owner) {
		return Math.floorMod(owner.value().hashCode(), this.shards);
	}

}
