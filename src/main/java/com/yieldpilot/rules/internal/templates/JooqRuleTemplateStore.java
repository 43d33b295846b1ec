package com.yieldpilot.rules.internal.templates;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.yieldpilot.rules.RuleTemplate;
import com.yieldpilot.rules.RuleTemplateData;
import com.yieldpilot.rules.RuleTemplateId;
import com.yieldpilot.rules.internal.db.tables.records.RuleTemplateRecord;
import org.jooq.DSLContext;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static com.yieldpilot.rules.internal.db.Tables.RULE_TEMPLATE;

@Repository
class JooqRuleTemplateStore implements RuleTemplateStore {

	private final DSLContext db;

	private final Clock clock;

	JooqRuleTemplateStore(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	@Override
	public List<RuleTemplate> all() {
		return this.db.selectFrom(RULE_TEMPLATE)
			.orderBy(RULE_TEMPLATE.NAME, RULE_TEMPLATE.SLUG)
			.fetch(JooqRuleTemplateStore::template);
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public RuleTemplate insert(RuleTemplateId id, String slug, RuleTemplateData data) {
		OffsetDateTime now = now();
		return this.db.insertInto(RULE_TEMPLATE)
			.set(RULE_TEMPLATE.ID, id)
			.set(RULE_TEMPLATE.SLUG, slug)
			.set(RULE_TEMPLATE.NAME, data.name())
			.set(RULE_TEMPLATE.DESCRIPTION, data.description())
			.set(RULE_TEMPLATE.RULE_TEXT, data.text())
			.set(RULE_TEMPLATE.CREATED_AT, now)
			.set(RULE_TEMPLATE.UPDATED_AT, now)
			.returning()
			.fetchOne(JooqRuleTemplateStore::template);
	}

	@Override
	public boolean insertIfAbsent(String slug, RuleTemplateData data) {
		OffsetDateTime now = now();
		return this.db.insertInto(RULE_TEMPLATE)
			.set(RULE_TEMPLATE.ID, RuleTemplateId.random())
			.set(RULE_TEMPLATE.SLUG, slug)
			.set(RULE_TEMPLATE.NAME, data.name())
			.set(RULE_TEMPLATE.DESCRIPTION, data.description())
			.set(RULE_TEMPLATE.RULE_TEXT, data.text())
			.set(RULE_TEMPLATE.CREATED_AT, now)
			.set(RULE_TEMPLATE.UPDATED_AT, now)
			.onConflict(RULE_TEMPLATE.SLUG)
			.doNothing()
			.execute() == 1;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public RuleTemplate update(RuleTemplateId id, long version, RuleTemplateData data) {
		return changed(id, version,
				this.db.update(RULE_TEMPLATE)
					.set(RULE_TEMPLATE.NAME, data.name())
					.set(RULE_TEMPLATE.DESCRIPTION, data.description())
					.set(RULE_TEMPLATE.RULE_TEXT, data.text())
					.set(RULE_TEMPLATE.UPDATED_AT, now())
					.set(RULE_TEMPLATE.VERSION, RULE_TEMPLATE.VERSION.plus(1))
					.where(RULE_TEMPLATE.ID.eq(id).and(RULE_TEMPLATE.VERSION.eq(version)))
					.returning()
					.fetchOne());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public RuleTemplate retire(RuleTemplateId id, long version, boolean retired) {
		return changed(id, version,
				this.db.update(RULE_TEMPLATE)
					.set(RULE_TEMPLATE.RETIRED, retired)
					.set(RULE_TEMPLATE.UPDATED_AT, now())
					.set(RULE_TEMPLATE.VERSION, RULE_TEMPLATE.VERSION.plus(1))
					.where(RULE_TEMPLATE.ID.eq(id).and(RULE_TEMPLATE.VERSION.eq(version)))
					.returning()
					.fetchOne());
	}

	private static RuleTemplate changed(RuleTemplateId id, long version, RuleTemplateRecord record) {
		if (record == null) {
			throw new OptimisticLockingFailureException(
					"Template " + id + " was changed or removed since version " + version + " was read");
		}
		return template(record);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	private static RuleTemplate template(RuleTemplateRecord r) {
		return new RuleTemplate(r.getId(), r.getSlug(),
				new RuleTemplateData(r.getName(), r.getDescription(), r.getRuleText()), r.getRetired(), r.getVersion());
	}

}
