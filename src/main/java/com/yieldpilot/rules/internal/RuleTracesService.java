package com.yieldpilot.rules.internal;

import java.util.List;

import com.yieldpilot.identity.CurrentUser;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.RuleNotFoundException;
import com.yieldpilot.rules.RuleTrace;
import com.yieldpilot.rules.RuleTraces;
import com.yieldpilot.rules.internal.store.RuleStore;
import com.yieldpilot.rules.internal.store.TraceStore;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The signed-in farmer's traces: only of their own rules. */
@Service
@PreAuthorize("isAuthenticated()")
class RuleTracesService implements RuleTraces {

	private final RuleStore rules;

	private final TraceStore traces;

	private final CurrentUser currentUser;

	RuleTracesService(RuleStore rules, TraceStore traces, CurrentUser currentUser) {
		this.rules = rules;
		this.traces = traces;
		this.currentUser = currentUser;
	}

	@Override
	public List<RuleTrace> traces(RuleId rule, int limit, @Nullable Long before) {
		UserId owner = this.currentUser.id();
		this.rules.summary(owner, rule).orElseThrow(() -> new RuleNotFoundException(rule));
		return this.traces.page(owner, rule, Math.clamp(limit, 1, 500), before);
	}

}
