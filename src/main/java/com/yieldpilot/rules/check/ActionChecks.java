package com.yieldpilot.rules.check;

import java.util.Optional;

import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Position;
import com.yieldpilot.rules.lang.RulePrinter;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * Actions only on pools rules may act on (registry and simulated pools, never watched
 * ones), amounts in the pool's own asset, and moves that the vault can make: between two
 * different pools of one asset on one chain, since the vault neither bridges nor swaps.
 * See docs/decisions/0004-rule-language.md.
 */
final class ActionChecks {

	private final ValueChecks values;

	private final RuleVocabulary vocabulary;

	private final Report report;

	ActionChecks(ValueChecks values, RuleVocabulary vocabulary, Report report) {
		this.values = values;
		this.vocabulary = vocabulary;
		this.report = report;
	}

	void check(Action action) {
		switch (action) {
			case Move move -> move(move);
			case Withdraw withdraw -> {
				PoolFacts from = actionable(withdraw.from(), withdraw);
				amount(withdraw.amount(), from, withdraw);
			}
			case Deposit deposit -> {
				PoolFacts into = actionable(deposit.into(), deposit);
				amount(deposit.amount(), into, deposit);
			}
			case Notify notify -> {
				// plain text, checked by its record
			}
		}
	}

	private void move(Move move) {
		PoolFacts from = actionable(move.from(), move);
		PoolFacts to = actionable(move.to(), move);
		amount(move.amount(), from, move);
		if (move.limit() != null) {
			amount(move.limit(), from, move);
		}
		Position at = this.report.at(move.to(), move);
		if (move.from().equals(move.to())) {
			this.report.error(at, "a move needs two different pools: `" + move.from() + "` is both source and target");
		}
		else if (!move.from().chain().equals(move.to().chain())) {
			this.report.error(at, "`" + move.from() + "` is on " + move.from().chain() + " and `" + move.to() + "` on "
					+ move.to().chain() + ": a move stays on one chain (bridging is not supported)");
		}
		else if (from != null && to != null && !from.asset().equalsIgnoreCase(to.asset())) {
			this.report.error(at, "`" + move.from() + "` holds " + from.asset() + " and `" + move.to() + "` holds "
					+ to.asset() + ": a move stays within one asset (the vault does not swap)");
		}
	}

	/** The pool, if it exists and rules may act on it; otherwise reports why not. */
	private @Nullable PoolFacts actionable(PoolId id, Action action) {
		Position at = this.report.at(id, action);
		Optional<PoolFacts> facts = this.vocabulary.pool(id);
		if (facts.isEmpty()) {
			this.values.unknownPool(at, id);
			return null;
		}
		if (!facts.get().actionable()) {
			this.report.error(at, "`" + id + "` is watched read-only: rules can read its numbers but cannot move "
					+ "funds into or out of it");
			return null;
		}
		return facts.get();
	}

	private void amount(Amount amount, @Nullable PoolFacts pool, Action action) {
		if (amount instanceof Amount.Tokens tokens && pool != null && !tokens.symbol().equalsIgnoreCase(pool.asset())) {
			this.report.error(this.report.at(amount, action),
					"`" + pool.id() + "` holds " + pool.asset() + ": write the amount in " + pool.asset()
							+ ", in dollars or as a share, not `" + RulePrinter.print(amount) + "`");
		}
	}

}
