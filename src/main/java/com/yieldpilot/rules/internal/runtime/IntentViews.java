package com.yieldpilot.rules.internal.runtime;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleVersion;
import com.yieldpilot.rules.internal.store.IntentStore.StoredIntent;
import com.yieldpilot.rules.internal.store.RuleStore;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;

import org.springframework.stereotype.Component;

/**
 * Reads a stored intent as the other modules see it: with the actions of the rule version
 * that proposed it. A version's text never changes once saved, so its actions are kept
 * once parsed: an intent is read several times on its way (review, each execution step),
 * and parsing its rule's text each time showed in the pipeline's profile.
 */
@Component
class IntentViews {

	private final RuleStore rules;

	/** The actions of recently read rule versions, the least recently used dropped. */
	private final Map<VersionKey, List<Action>> actions = Collections
		.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<VersionKey, List<Action>> eldest) {
				return size() > 2_000;
			}
		});

	IntentViews(RuleStore rules) {
		this.rules = rules;
	}

	/** The intent with its rule version's actions, read and parsed if not kept yet. */
	ActionIntent view(StoredIntent intent) {
		VersionKey key = new VersionKey(intent.rule(), intent.ruleVersion());
		List<Action> actions = this.actions.get(key);
		if (actions == null) {
			actions = this.rules.version(intent.rule(), intent.ruleVersion())
				.flatMap(IntentViews::actionsOf)
				.orElseThrow(() -> new IllegalStateException("Intent " + intent.id() + " lost its rule version"));
			this.actions.put(key, actions);
		}
		return view(intent, actions);
	}

	/** The intent with the given actions, those of its rule version. */
	static ActionIntent view(StoredIntent intent, List<Action> actions) {
		return new ActionIntent(intent.id(), intent.owner(), intent.rule(), intent.ruleVersion(), intent.ruleName(),
				intent.idempotencyKey(), intent.mode(), intent.approvalRequired(), intent.priority(),
				intent.maxGasGwei(), actions, intent.proposedAt(), intent.status(), intent.reason());
	}

	/**
	 * Keeps the actions of a just proposed intent's version: the review reads it back at
	 * once.
	 */
	void remember(StoredIntent intent, List<Action> actions) {
		this.actions.putIfAbsent(new VersionKey(intent.rule(), intent.ruleVersion()), actions);
	}

	/**
	 * Reads the rule versions of the intents whose actions are not kept yet, in one
	 * query: a batch of intents costs one read of versions, not one per intent.
	 */
	void cacheVersions(Collection<StoredIntent> intents) {
		Set<Map.Entry<RuleId, Integer>> missing = new LinkedHashSet<>();
		for (StoredIntent intent : intents) {
			if (!this.actions.containsKey(new VersionKey(intent.rule(), intent.ruleVersion()))) {
				missing.add(Map.entry(intent.rule(), intent.ruleVersion()));
			}
		}
		if (missing.size() < 2) {
			return; // one is read by view
		}
		for (RuleVersion version : this.rules.versions(missing)) {
			actionsOf(version).ifPresent(
					(actions) -> this.actions.putIfAbsent(new VersionKey(version.rule(), version.version()), actions));
		}
	}

	private static Optional<List<Action>> actionsOf(RuleVersion version) {
		return Optional.of(RuleParser.parse(version.text()))
			.filter(ParseResult.Parsed.class::isInstance)
			.map(p -> ((ParseResult.Parsed) p).rule().actions());
	}

	/** A rule version: its text, and so its actions, never change once saved. */
	private record VersionKey(RuleId rule, int version) {
	}

}
