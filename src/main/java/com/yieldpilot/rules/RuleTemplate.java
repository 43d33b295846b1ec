package com.yieldpilot.rules;

import java.util.Objects;

/**
 * A template in the library.
 *
 * @param id the template
 * @param slug a stable key; the seeded templates use their example file's name
 * @param data what it says and holds
 * @param retired whether farmers still see it
 * @param version increases with each change, for optimistic locking
 */
public record RuleTemplate(RuleTemplateId id, String slug, RuleTemplateData data, boolean retired, long version) {

	public RuleTemplate {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(data, "data");
	}

}
