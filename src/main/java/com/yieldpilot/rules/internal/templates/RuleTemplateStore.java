package com.yieldpilot.rules.internal.templates;

import java.util.List;

import com.yieldpilot.rules.RuleTemplate;
import com.yieldpilot.rules.RuleTemplateData;
import com.yieldpilot.rules.RuleTemplateId;

/** Where rule templates are kept. Writes join the caller's transaction. */
public interface RuleTemplateStore {

	/** Every template, by name. */
	List<RuleTemplate> all();

	RuleTemplate insert(RuleTemplateId id, String slug, RuleTemplateData data);

	/** Adds the template unless one with the slug exists; true when it was added. */
	boolean insertIfAbsent(String slug, RuleTemplateData data);

	/**
	 * @throws org.springframework.dao.OptimisticLockingFailureException on a stale
	 * version
	 */
	RuleTemplate update(RuleTemplateId id, long version, RuleTemplateData data);

	/**
	 * @throws org.springframework.dao.OptimisticLockingFailureException on a stale
	 * version
	 */
	RuleTemplate retire(RuleTemplateId id, long version, boolean retired);

}
