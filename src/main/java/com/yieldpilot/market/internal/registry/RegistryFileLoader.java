package com.yieldpilot.market.internal.registry;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.RegistryEntry;
import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.market.internal.store.RegistryStore;
import com.yieldpilot.shared.PoolId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a registry file to the pool registry, once per version of the file: its SHA-256
 * is recorded, and a file with the recorded checksum changes nothing. A changed file adds
 * its new pools, updates the pools it owns, promotes watched pools it lists, and retires
 * the pools it no longer lists to watched. Pools an admin added or edited are never
 * overwritten, and local mode's simulated pools are left alone. One transaction, so a
 * file that fails half way changes nothing, under a database lock, so nodes starting
 * together apply it once (docs/decisions/0007-production-chain-reads.md).
 */
@Component
public class RegistryFileLoader {

	private static final Logger log = LoggerFactory.getLogger(RegistryFileLoader.class);

	private final RegistryStore store;

	private final Clock clock;

	RegistryFileLoader(RegistryStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** What applying a file did. */
	public record Report(String file, boolean unchanged, List<PoolId> added, List<PoolId> updated,
			List<PoolId> keptAdminEdits, List<PoolId> retired, List<PoolId> skipped) {
	}

	/**
	 * Applies the file's content unless this version of it was applied already.
	 * @param file the file's name, as it is recorded (its configured location)
	 * @throws RegistryFileException when the file is not valid; nothing is stored
	 */
	@Transactional
	public Report load(String file, byte[] content) {
		String checksum = sha256(content);
		this.store.lockFiles();
		if (checksum.equals(this.store.fileChecksum(file).orElse(null))) {
			log.debug("Registry file {} unchanged (sha256 {})", file, checksum);
			return new Report(file, true, List.of(), List.of(), List.of(), List.of(), List.of());
		}
		List<RegistryEntryData> entries = RegistryFile.parse(file, content);
		Instant now = this.clock.instant();
		Report report = apply(file, entries, now);
		this.store.recordFile(file, checksum, entries.size(), now);
		log.info(
				"Registry file {} (sha256 {}) applied: {} added, {} updated, {} admin edits kept, {} retired, "
						+ "{} skipped",
				file, checksum.substring(0, 12), report.added().size(), report.updated().size(),
				report.keptAdminEdits().size(), report.retired().size(), report.skipped().size());
		return report;
	}

	private Report apply(String file, List<RegistryEntryData> entries, Instant now) {
		Report report = new Report(file, false, new java.util.ArrayList<>(), new java.util.ArrayList<>(),
				new java.util.ArrayList<>(), new java.util.ArrayList<>(), new java.util.ArrayList<>());
		for (RegistryEntryData data : entries) {
			Optional<RegistryEntry> existing = this.store.find(data.id());
			if (existing.isEmpty()) {
				if (!claimDefiLlamaId(file, data)) {
					report.skipped().add(data.id());
					continue;
				}
				this.store.insert(data, RegistryEntry.ManagedBy.FILE, file, now);
				report.added().add(data.id());
				continue;
			}
			RegistryEntry current = existing.get();
			if (current.origin() == PoolDescriptor.Origin.SIMULATED) {
				log.warn("Registry file {}: {} is one of local mode's simulated pools; left as it is", file, data.id());
				report.skipped().add(data.id());
			}
			else if (current.managedBy() == RegistryEntry.ManagedBy.ADMIN) {
				report.keptAdminEdits().add(data.id());
			}
			else if (current.managedBy() == RegistryEntry.ManagedBy.FILE && !file.equals(current.registryFile())) {
				log.warn("Registry file {}: {} belongs to the registry file {}; left as it is", file, data.id(),
						current.registryFile());
				report.skipped().add(data.id());
			}
			else if (!data.equals(current.data()) || current.origin() != PoolDescriptor.Origin.REGISTRY) {
				if (!claimDefiLlamaId(file, data)) {
					report.skipped().add(data.id());
					continue;
				}
				this.store.update(data.id(), current.version(), data, RegistryEntry.ManagedBy.FILE, file, now);
				report.updated().add(data.id());
			}
		}
		Set<PoolId> listed = entries.stream().map(RegistryEntryData::id).collect(Collectors.toSet());
		for (RegistryEntry owned : this.store.ownedBy(file)) {
			if (!listed.contains(owned.id()) && this.store.retire(owned.id(), file, now)) {
				report.retired().add(owned.id());
			}
		}
		return report;
	}

	/**
	 * Frees the entry's DefiLlama id for it: a watched pool that DefiLlama registered
	 * first gives it up; a registry pool keeps it, and the entry is skipped.
	 */
	private boolean claimDefiLlamaId(String file, RegistryEntryData data) {
		if (data.defiLlamaId() == null) {
			return true;
		}
		Optional<PoolId> holder = this.store.holderOfDefiLlamaId(data.defiLlamaId()).filter(h -> !h.equals(data.id()));
		if (holder.isEmpty()) {
			return true;
		}
		Optional<RegistryEntry> held = this.store.find(holder.get());
		if (held.isPresent() && held.get().origin() == PoolDescriptor.Origin.WATCHED) {
			log.info("DefiLlama pool {} moves from the watched pool {} to the registry's {}", data.defiLlamaId(),
					holder.get(), data.id());
			this.store.clearDefiLlamaId(holder.get());
			return true;
		}
		log.warn("Registry file {}: {} is skipped: its DefiLlama id {} belongs to the registry pool {}", file,
				data.id(), data.defiLlamaId(), holder.get());
		return false;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

}
