package com.yieldpilot.market;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.market.internal.store.RegistryStore;
import com.yieldpilot.shared.PoolId;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For admins: the pool registry, and extending it. A pool an admin adds or edits is a
 * registry pool maintained by admins: the registry file never overwrites it again. Edits
 * name the version they read, so two admins cannot overwrite each other unknowingly.
 * Every change is audit-logged with the admin who made it.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class PoolRegistryAdmin {

	private final RegistryStore store;

	private final AuditLog auditLog;

	private final CurrentUser currentUser;

	private final Clock clock;

	PoolRegistryAdmin(RegistryStore store, AuditLog auditLog, CurrentUser currentUser, Clock clock) {
		this.store = store;
		this.auditLog = auditLog;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	/** Every pool, registry or not, ordered by id. */
	@Transactional(readOnly = true)
	public List<RegistryEntry> entries(int offset, int limit) {
		return this.store.page(offset, limit);
	}

	@Transactional(readOnly = true)
	public int count() {
		return this.store.count();
	}

	@Transactional(readOnly = true)
	public Optional<RegistryEntry> entry(PoolId id) {
		return this.store.find(id);
	}

	/**
	 * Adds a pool to the registry.
	 * @throws RegistryConflictException when the id is taken
	 * @throws InvalidRegistryEntryException when its DefiLlama id belongs to another
	 * registry pool
	 */
	@Transactional
	public RegistryEntry add(RegistryEntryData data) {
		if (this.store.find(data.id()).isPresent()) {
			throw new RegistryConflictException(data.id() + " is registered already. Change it with PUT "
					+ "/api/v1/admin/pools/" + data.id() + " and the version you read, or pick another id.");
		}
		claimDefiLlamaId(data);
		this.store.insert(data, RegistryEntry.ManagedBy.ADMIN, null, this.clock.instant());
		this.auditLog.record(this.currentUser.id(), "market.registry.added", data.id().toString(), summary(data));
		return this.store.find(data.id()).orElseThrow();
	}

	/**
	 * Changes a pool, making it a registry pool maintained by admins: a watched pool an
	 * admin reviews becomes part of the registry.
	 * @param version the version the admin read
	 * @throws NoSuchElementException when there is no such pool
	 * @throws RegistryConflictException when it changed since, or is a simulated pool
	 */
	@Transactional
	public RegistryEntry update(PoolId id, long version, RegistryEntryData data) {
		if (!id.equals(data.id())) {
			throw new InvalidRegistryEntryException(id.toString(),
					List.of(new InvalidRegistryEntryException.FieldProblem("id",
							"cannot change from " + id + " to " + data.id() + "; add the new pool instead")));
		}
		RegistryEntry current = this.store.find(id).orElseThrow(() -> new NoSuchElementException("No pool " + id));
		if (!current.editable()) {
			throw new RegistryConflictException(
					id + " is one of local mode's simulated pools; the simulator maintains it, not the registry.");
		}
		claimDefiLlamaId(data);
		if (!this.store.update(id, version, data, RegistryEntry.ManagedBy.ADMIN, null, this.clock.instant())) {
			throw new RegistryConflictException(id + " changed since version " + version + " was read (it is at "
					+ current.version() + " now). Reload it and apply your change again.");
		}
		this.auditLog.record(this.currentUser.id(), "market.registry.changed", id.toString(), summary(data));
		return this.store.find(id).orElseThrow();
	}

	private void claimDefiLlamaId(RegistryEntryData data) {
		if (data.defiLlamaId() == null) {
			return;
		}
		Optional<PoolId> holder = this.store.holderOfDefiLlamaId(data.defiLlamaId()).filter(h -> !h.equals(data.id()));
		if (holder.isEmpty()) {
			return;
		}
		RegistryEntry held = this.store.find(holder.get()).orElseThrow();
		if (held.origin() != PoolDescriptor.Origin.WATCHED) {
			throw new InvalidRegistryEntryException(data.id().toString(),
					List.of(new InvalidRegistryEntryException.FieldProblem("defiLlamaId",
							"belongs to the registry pool " + holder.get() + " already")));
		}
		this.store.clearDefiLlamaId(holder.get());
	}

	private static String summary(RegistryEntryData data) {
		StringBuilder text = new StringBuilder(data.kind().label());
		if (data.contract() != null) {
			text.append(" ").append(data.contract());
		}
		if (data.asset() != null) {
			text.append(", asset ").append(data.asset());
		}
		if (data.priceFeed() != null) {
			text.append(", feed ").append(data.priceFeed());
		}
		if (data.defiLlamaId() != null) {
			text.append(", DefiLlama ").append(data.defiLlamaId());
		}
		return text.toString();
	}

}
