package com.yieldpilot.rules.ui;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Notify;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * An action as the builder edits it: its kind and the fields that kind uses. An amount is
 * a value and a unit: {@code %} for a share, {@code USD} for dollars, or a token symbol
 * such as {@code USDC}. Fields a kind does not use are kept while the farmer switches
 * kinds, and ignored.
 */
final class ActionDraft {

	/** The unit of a share of the position or balance. */
	static final String SHARE = "%";

	/** The unit of dollar amounts. */
	static final String USD = "USD";

	enum Kind {

		MOVE, WITHDRAW, DEPOSIT, NOTIFY;

		String keyword() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	Kind kind;

	@Nullable BigDecimal amount;

	String unit = SHARE;

	String pool = "";

	String to = "";

	@Nullable BigDecimal limit;

	String limitUnit = "";

	String message = "";

	final List<String> comments;

	ActionDraft(Kind kind, List<String> comments) {
		this.kind = Objects.requireNonNull(kind, "kind");
		this.comments = List.copyOf(comments);
	}

	/** A new action: move everything from one pool to another, to fill in. */
	static ActionDraft newMove(String from) {
		ActionDraft draft = new ActionDraft(Kind.MOVE, List.of());
		draft.amount = BigDecimal.valueOf(100);
		draft.pool = from;
		return draft;
	}

	static ActionDraft of(Action action) {
		ActionDraft draft = new ActionDraft(kind(action), action.comments());
		switch (action) {
			case Move move -> {
				draft.amount(move.amount());
				draft.pool = move.from().toString();
				draft.to = move.to().toString();
				if (move.limit() != null) {
					draft.limit = value(move.limit());
					draft.limitUnit = unit(move.limit());
				}
			}
			case Withdraw withdraw -> {
				draft.amount(withdraw.amount());
				draft.pool = withdraw.from().toString();
			}
			case Deposit deposit -> {
				draft.amount(deposit.amount());
				draft.pool = deposit.into().toString();
			}
			case Notify notify -> draft.message = notify.text();
		}
		return draft;
	}

	/**
	 * The action in the syntax tree.
	 * @throws IllegalArgumentException saying which field to fix
	 */
	Action toAction() {
		return switch (this.kind) {
			case MOVE ->
				new Move(amount(this.amount, this.unit, "amount"), pool(this.pool, "from"), pool(this.to, "to"),
						(this.limit != null) ? amount(this.limit, this.limitUnit, "limit") : null, this.comments);
			case WITHDRAW ->
				new Withdraw(amount(this.amount, this.unit, "amount"), pool(this.pool, "from"), this.comments);
			case DEPOSIT ->
				new Deposit(amount(this.amount, this.unit, "amount"), pool(this.pool, "into"), this.comments);
			case NOTIFY -> new Notify(this.message, this.comments);
		};
	}

	private void amount(Amount amount) {
		this.amount = value(amount);
		this.unit = unit(amount);
	}

	private static Kind kind(Action action) {
		return switch (action) {
			case Move m -> Kind.MOVE;
			case Withdraw w -> Kind.WITHDRAW;
			case Deposit d -> Kind.DEPOSIT;
			case Notify n -> Kind.NOTIFY;
		};
	}

	private static BigDecimal value(Amount amount) {
		return switch (amount) {
			case Amount.Share share -> share.percent();
			case Amount.Usd usd -> usd.dollars();
			case Amount.Tokens tokens -> tokens.quantity();
		};
	}

	private static String unit(Amount amount) {
		return switch (amount) {
			case Amount.Share share -> SHARE;
			case Amount.Usd usd -> USD;
			case Amount.Tokens tokens -> tokens.symbol();
		};
	}

	private static Amount amount(@Nullable BigDecimal value, String unit, String field) {
		if (value == null) {
			throw new IllegalArgumentException("The " + field + " needs a value");
		}
		String u = unit.strip();
		if (u.isEmpty()) {
			throw new IllegalArgumentException("The " + field + " needs a unit: %, USD or a token such as USDC");
		}
		return switch (u) {
			case SHARE -> new Amount.Share(value);
			case USD -> new Amount.Usd(value);
			default -> new Amount.Tokens(value, u);
		};
	}

	private static PoolId pool(String text, String field) {
		if (text.isBlank()) {
			throw new IllegalArgumentException("Choose the pool to move " + field);
		}
		return PoolId.parse(text.strip());
	}

}
