package com.yieldpilot.rules;

import java.util.List;
import java.util.Locale;

import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.rules.internal.templates.RuleTemplateStore;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule template library: rules farmers start from. Every signed-in user reads the
 * templates in use; admins add, edit, retire and restore them, and each change is
 * audit-logged with the change it records.
 */
@Service
public class RuleTemplates {

	private final RuleTemplateStore store;

	private final AuditLog audit;

	private final CurrentUser currentUser;

	RuleTemplates(RuleTemplateStore store, AuditLog audit, CurrentUser currentUser) {
		this.store = store;
		this.audit = audit;
		this.currentUser = currentUser;
	}

	/** The templates farmers may start from, by name. */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<RuleTemplate> inUse() {
		return this.store.all().stream().filter(t -> !t.retired()).toList();
	}

	/** Every template, retired ones too, by name. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<RuleTemplate> all() {
		return this.store.all();
	}

	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public RuleTemplate add(RuleTemplateData data) {
		String slug = slug(data.name());
		RuleTemplate added = this.store.insert(RuleTemplateId.random(), slug, data);
		this.audit.record(this.currentUser.id(), "rule-template.added", "rule template " + slug, data.name());
		return added;
	}

	/**
	 * @throws OptimisticLockingFailureException when someone changed it since
	 * {@code version} was read
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public RuleTemplate update(RuleTemplateId id, long version, RuleTemplateData data) {
		RuleTemplate updated = this.store.update(id, version, data);
		this.audit.record(this.currentUser.id(), "rule-template.edited", "rule template " + updated.slug(),
				data.name());
		return updated;
	}

	/** Retires the template (farmers no longer see it) or brings it back. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public RuleTemplate retire(RuleTemplateId id, long version, boolean retired) {
		RuleTemplate changed = this.store.retire(id, version, retired);
		this.audit.record(this.currentUser.id(), retired ? "rule-template.retired" : "rule-template.restored",
				"rule template " + changed.slug(), changed.data().name());
		return changed;
	}

	private static String slug(String name) {
		String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		String prefix = base.isEmpty() ? "template" : base.substring(0, Math.min(base.length(), 60));
		// the seeded templates use their file names: an admin's template never takes one
		return prefix + "-" + RuleTemplateId.random().value().toString().substring(0, 8);
	}

}
