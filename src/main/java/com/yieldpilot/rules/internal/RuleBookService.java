package com.yieldpilot.rules.internal;

import java.time.Clock;
import java.util.List;

import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.Entitlements;
import com.yieldpilot.rules.PlanLimits;
import com.yieldpilot.rules.RuleBook;
import com.yieldpilot.rules.RuleCheck;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleNotFoundException;
import com.yieldpilot.rules.RuleProblem;
import com.yieldpilot.rules.RuleRejectedException;
import com.yieldpilot.rules.RuleStatus;
import com.yieldpilot.rules.RuleSummary;
import com.yieldpilot.rules.RuleVersion;
import com.yieldpilot.rules.internal.store.RuleStore;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.lang.RuleSyntax;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in farmer's rules. Saves check the text and the plan, lock the farmer's
 * shard (so the rule count and the engine's change numbers stay consistent), store a new
 * version and tell the farmer's shard to look now.
 */
@Service
@PreAuthorize("isAuthenticated()")
class RuleBookService implements RuleBook {

	private final RuleStore store;

	private final ShardStore shards;

	private final RuleChecker checker;

	private final Entitlements entitlements;

	private final CurrentUser currentUser;

	private final RuntimeProperties runtime;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RuleBookService(RuleStore store, ShardStore shards, RuleChecker checker, Entitlements entitlements,
			CurrentUser currentUser, RuntimeProperties runtime, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.shards = shards;
		this.checker = checker;
		this.entitlements = entitlements;
		this.currentUser = currentUser;
		this.runtime = runtime;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public RuleVersion create(String text) {
		UserId owner = this.currentUser.id();
		PlanLimits limits = this.entitlements.limits(owner);
		RuleStore.Saved saved = check(text, limits);
		int shard = this.runtime.shardOf(owner);
		this.shards.lockShard(shard);
		requireRoom(owner, limits);
		RuleId id = RuleId.random();
		RuleVersion version = this.store.create(id, owner, shard, saved, this.clock.instant());
		this.events.publishEvent(new RuleChanged(id, shard));
		return version;
	}

	@Override
	@Transactional
	public RuleVersion update(RuleId id, String text) {
		return save(id, text, null);
	}

	@Override
	@Transactional
	public RuleVersion rollback(RuleId id, int version) {
		RuleVersion earlier = version(id, version);
		return save(id, earlier.text(), "rolled back to version " + version);
	}

	private RuleVersion save(RuleId id, String text, @Nullable String note) {
		UserId owner = this.currentUser.id();
		int shard = this.store.shardOf(owner, id).orElseThrow(() -> new RuleNotFoundException(id));
		RuleStore.Saved saved = check(text, this.entitlements.limits(owner));
		this.shards.lockShard(shard);
		RuleSummary summary = summary(id);
		RuleVersion current = this.store.version(id, summary.version()).orElseThrow();
		if (current.text().equals(saved.body())) {
			// nothing changed: no new version, and the engine keeps its state
			return current;
		}
		RuleVersion next = this.store.addVersion(id, summary.version() + 1, saved, note, this.clock.instant());
		this.events.publishEvent(new RuleChanged(id, shard));
		return next;
	}

	@Override
	public List<RuleSummary> list() {
		return this.store.list(this.currentUser.id());
	}

	@Override
	public RuleSummary summary(RuleId id) {
		return this.store.summary(this.currentUser.id(), id).orElseThrow(() -> new RuleNotFoundException(id));
	}

	@Override
	public RuleVersion current(RuleId id) {
		return version(id, summary(id).version());
	}

	@Override
	public List<RuleVersion> versions(RuleId id) {
		summary(id);
		return this.store.versions(id);
	}

	@Override
	public RuleVersion version(RuleId id, int version) {
		summary(id);
		return this.store.version(id, version).orElseThrow(() -> new RuleNotFoundException(id, version));
	}

	@Override
	@Transactional
	public RuleSummary disable(RuleId id) {
		return setStatus(id, RuleStatus.DISABLED);
	}

	@Override
	@Transactional
	public RuleSummary enable(RuleId id) {
		return setStatus(id, RuleStatus.ENABLED);
	}

	private RuleSummary setStatus(RuleId id, RuleStatus status) {
		UserId owner = this.currentUser.id();
		int shard = this.store.shardOf(owner, id).orElseThrow(() -> new RuleNotFoundException(id));
		this.shards.lockShard(shard);
		if (status == RuleStatus.ENABLED && summary(id).status() != RuleStatus.ENABLED) {
			requireRoom(owner, this.entitlements.limits(owner));
		}
		if (this.store.setStatus(id, status)) {
			this.events.publishEvent(new RuleChanged(id, shard));
		}
		return summary(id);
	}

	private RuleStore.Saved check(String text, PlanLimits limits) {
		RuleChecker.Checked checked = this.checker.check(text, limits);
		RuleSyntax rule = checked.rule();
		if (rule == null) {
			throw new RuleRejectedException(checked.check());
		}
		return new RuleStore.Saved(rule.name(), rule.options().effectiveMode(),
				(rule.schedule() != null) ? rule.schedule().cron() : null, checked.check().canonical());
	}

	/** The plan limits enabled rules; the caller holds the farmer's shard lock. */
	private void requireRoom(UserId owner, PlanLimits limits) {
		long enabled = this.store.list(owner).stream().filter(r -> r.status() == RuleStatus.ENABLED).count();
		if (enabled >= limits.maxRules()) {
			throw new RuleRejectedException(
					new RuleCheck(
							false, null, null, List.of(
									new RuleProblem(1, 1,
											"your plan allows " + limits.maxRules() + " enabled rules and you have "
													+ enabled + ": disable one first, or upgrade your plan")),
							List.of()));
		}
	}

}
