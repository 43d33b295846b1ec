package com.yieldpilot.rules.internal.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.internal.store.IntentStore.StoredIntent;
import com.yieldpilot.shared.PoolId;

/**
 * What the firings of one evaluation read from the database, read before the first of
 * them acts with one query per kind instead of one per firing: why each pool of the
 * firing rules may not be acted on, each owner's open intents, and the intent keys
 * already stored. A proposal joins its owner's open intents here, so a later firing of
 * the same owner in the same evaluation waits for it as if it had read it back. A fact
 * asked for that was not read is a bug of the caller, not an empty answer, so it throws.
 * See decision 0019, fifth round.
 */
record FiringFacts(Map<PoolId, Optional<String>> blocks, Map<UserId, List<StoredIntent>> openIntents,
		Set<String> storedKeys) {

	/** Why no action may touch the pool now, or empty when nothing speaks against it. */
	Optional<String> block(PoolId pool) {
		Optional<String> block = this.blocks.get(pool);
		if (block == null) {
			throw new IllegalStateException("Pool " + pool + " was not checked before the firings");
		}
		return block;
	}

	/** The owner's unfinished intents, oldest first, with this evaluation's proposals. */
	List<StoredIntent> open(UserId owner) {
		List<StoredIntent> open = this.openIntents.get(owner);
		if (open == null) {
			throw new IllegalStateException("The open intents of " + owner + " were not read before the firings");
		}
		return open;
	}

	/** Whether an intent with this key is stored already. */
	boolean stored(String key) {
		return this.storedKeys.contains(key);
	}

	/** Records a proposal of this evaluation as its owner's newest open intent. */
	void proposed(StoredIntent intent) {
		open(intent.owner()).add(intent);
		this.storedKeys.add(intent.idempotencyKey());
	}

	/** The facts as read: the lists and the keys are this evaluation's own copies. */
	static FiringFacts of(Map<PoolId, Optional<String>> blocks, Map<UserId, List<StoredIntent>> open,
			Set<String> storedKeys) {
		Map<UserId, List<StoredIntent>> lists = new HashMap<>();
		open.forEach((owner, intents) -> lists.put(owner, new ArrayList<>(intents)));
		return new FiringFacts(Map.copyOf(blocks), lists, new HashSet<>(storedKeys));
	}

}
