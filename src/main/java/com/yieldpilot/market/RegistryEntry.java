package com.yieldpilot.market;

import java.time.Instant;

import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * A pool as the registry keeps it: its data, how it came in, who maintains it, and its
 * version for optimistic locking (an edit names the version it read).
 *
 * @param managedBy who maintains a registry pool; null for pools outside the registry
 * @param registryFile the file that owns it, when {@code managedBy} is FILE
 */
public record RegistryEntry(RegistryEntryData data, PoolDescriptor.Origin origin, @Nullable ManagedBy managedBy,
		@Nullable String registryFile, long version, @Nullable Instant updatedAt) {

	/** Who maintains a registry pool's row. */
	public enum ManagedBy {

		/** The reviewed registry file: an edited file updates the row. */
		FILE,
		/** An admin: the file never overwrites the row again. */
		ADMIN

	}

	public PoolId id() {
		return this.data.id();
	}

	/**
	 * Whether an admin may edit it: local mode's simulated pools belong to the simulator.
	 */
	public boolean editable() {
		return this.origin != PoolDescriptor.Origin.SIMULATED;
	}

}
