package com.yieldpilot.rules.internal;

import java.util.UUID;

import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.rules.Entitlements;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleNotFoundException;
import com.yieldpilot.rules.RulePreviews;
import com.yieldpilot.rules.RuleRejectedException;
import com.yieldpilot.rules.internal.compile.ConditionCompiler;
import com.yieldpilot.rules.internal.compile.DrlPreview;
import com.yieldpilot.rules.internal.store.ShardStore;
import com.yieldpilot.rules.internal.store.StoredRule;
import com.yieldpilot.rules.lang.ParseResult;
import com.yieldpilot.rules.lang.RuleParser;
import com.yieldpilot.rules.lang.RuleSyntax;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Admins' DRL previews, printed from the validated tree by {@link DrlPreview}. */
@Service
@PreAuthorize("hasRole('ADMIN')")
class RulePreviewService implements RulePreviews {

	/** The id an unsaved text is previewed under. */
	private static final UUID UNSAVED = new UUID(0, 0);

	private final ShardStore store;

	private final RuleChecker checker;

	private final Entitlements entitlements;

	private final CurrentUser currentUser;

	RulePreviewService(ShardStore store, RuleChecker checker, Entitlements entitlements, CurrentUser currentUser) {
		this.store = store;
		this.checker = checker;
		this.entitlements = entitlements;
		this.currentUser = currentUser;
	}

	@Override
	public String drl(RuleId rule) {
		StoredRule stored = this.store.stored(rule).orElseThrow(() -> new RuleNotFoundException(rule));
		if (!(RuleParser.parse(stored.body()) instanceof ParseResult.Parsed parsed)) {
			throw new IllegalStateException("Stored rule " + rule + " does not parse");
		}
		return print(rule.value(), stored.version(), parsed.rule());
	}

	@Override
	public String drl(String text) {
		RuleChecker.Checked checked = this.checker.check(text, this.entitlements.limits(this.currentUser.id()));
		if (checked.rule() == null) {
			throw new RuleRejectedException(checked.check());
		}
		return print(UNSAVED, 0, checked.rule());
	}

	private static String print(UUID id, int version, RuleSyntax rule) {
		return DrlPreview.print(id, version, (rule.when() != null) ? ConditionCompiler.compile(rule.when()) : null);
	}

}
