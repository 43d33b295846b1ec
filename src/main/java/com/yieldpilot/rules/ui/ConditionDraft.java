package com.yieldpilot.rules.ui;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.yieldpilot.rules.lang.And;
import com.yieldpilot.rules.lang.Comparison;
import com.yieldpilot.rules.lang.ComparisonOperator;
import com.yieldpilot.rules.lang.Condition;
import com.yieldpilot.rules.lang.LiteralUnit;
import com.yieldpilot.rules.lang.Not;
import com.yieldpilot.rules.lang.Or;
import com.yieldpilot.rules.lang.Sustained;

/**
 * A condition as the builder edits it: groups of conditions that must all or any hold,
 * negations, conditions held for a while, and comparisons. Mutable, so the form changes
 * one node in place; {@link #toCondition()} makes the syntax tree again.
 */
sealed interface ConditionDraft {

	Condition toCondition();

	static ConditionDraft of(Condition condition) {
		return switch (condition) {
			case And and -> new Group(Group.Kind.ALL, and.operands().stream().map(ConditionDraft::of).toList());
			case Or or -> new Group(Group.Kind.ANY, or.operands().stream().map(ConditionDraft::of).toList());
			case Not not -> new Negated(of(not.operand()));
			case Sustained sustained -> new Held(of(sustained.condition()), sustained.duration());
			case Comparison comparison -> new Compare(OperandDraft.of(comparison.left()), comparison.operator(),
					OperandDraft.of(comparison.right()), comparison.comments());
		};
	}

	/** Conditions of which all ({@code and}) or any ({@code or}) must hold. */
	final class Group implements ConditionDraft {

		enum Kind {

			ALL("all of"), ANY("any of");

			private final String label;

			Kind(String label) {
				this.label = label;
			}

			String label() {
				return this.label;
			}

		}

		Kind kind;

		final List<ConditionDraft> children;

		Group(Kind kind, List<ConditionDraft> children) {
			this.kind = Objects.requireNonNull(kind, "kind");
			this.children = new ArrayList<>(children);
		}

		/** A group holding the one condition, so others can be added next to it. */
		static Group around(ConditionDraft condition) {
			return (condition instanceof Group group) ? group : new Group(Kind.ALL, List.of(condition));
		}

		/** A group of one condition is that condition; an empty one is an error. */
		@Override
		public Condition toCondition() {
			if (this.children.isEmpty()) {
				throw new IllegalArgumentException("A group (" + this.kind.label() + ") needs at least one condition");
			}
			List<Condition> operands = this.children.stream().map(ConditionDraft::toCondition).toList();
			if (operands.size() == 1) {
				return operands.getFirst();
			}
			return (this.kind == Kind.ALL) ? new And(operands) : new Or(operands);
		}

		/**
		 * Adds a comparison to fill in, {@code <metric>(<pool>) > 0%}, and returns it.
		 */
		Compare addComparison(String metric, String subject) {
			Compare added = new Compare(new OperandDraft.MetricOperand(null, metric, subject, null),
					ComparisonOperator.GREATER,
					new OperandDraft.ValueOperand(false, BigDecimal.ZERO, LiteralUnit.PERCENT), List.of());
			this.children.add(added);
			return added;
		}

		/**
		 * Adds an empty group of the other kind ({@code or} inside {@code and}), and
		 * returns it.
		 */
		Group addGroup() {
			Group added = new Group((this.kind == Kind.ALL) ? Kind.ANY : Kind.ALL, List.of());
			this.children.add(added);
			return added;
		}

		/** Removes the child, wherever below this group it is. */
		boolean remove(ConditionDraft child) {
			if (this.children.remove(child)) {
				return true;
			}
			for (int i = 0; i < this.children.size(); i++) {
				ConditionDraft c = this.children.get(i);
				ConditionDraft inner = unwrapped(c);
				if (inner == child) {
					this.children.remove(i);
					return true;
				}
				if (inner instanceof Group group && group.remove(child)) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Negates a direct child, or takes its {@code not} away; returns what replaced
		 * it.
		 */
		ConditionDraft toggleNot(ConditionDraft child) {
			ConditionDraft with = (child instanceof Negated negated) ? negated.child : new Negated(child);
			replace(child, with);
			return with;
		}

		/**
		 * Makes a direct child hold for the duration, or takes its {@code for} away;
		 * returns what replaced it.
		 */
		ConditionDraft toggleHeld(ConditionDraft child, Duration duration) {
			ConditionDraft with = (child instanceof Held held) ? held.child : new Held(child, duration);
			replace(child, with);
			return with;
		}

		/** Replaces a direct child. */
		void replace(ConditionDraft child, ConditionDraft with) {
			int index = indexOf(child);
			if (index < 0) {
				throw new IllegalArgumentException("Not a condition of this group");
			}
			this.children.set(index, with);
		}

		private int indexOf(ConditionDraft child) {
			for (int i = 0; i < this.children.size(); i++) {
				if (this.children.get(i) == child) {
					return i;
				}
			}
			return -1;
		}

		private static ConditionDraft unwrapped(ConditionDraft draft) {
			return switch (draft) {
				case Negated negated -> unwrapped(negated.child);
				case Held held -> unwrapped(held.child);
				default -> draft;
			};
		}

	}

	/** The condition does not hold: {@code not}. */
	final class Negated implements ConditionDraft {

		ConditionDraft child;

		Negated(ConditionDraft child) {
			this.child = Objects.requireNonNull(child, "child");
		}

		@Override
		public Condition toCondition() {
			return new Not(this.child.toCondition());
		}

	}

	/** The condition has held for at least the duration: {@code for 2h}. */
	final class Held implements ConditionDraft {

		ConditionDraft child;

		Duration duration;

		Held(ConditionDraft child, Duration duration) {
			this.child = Objects.requireNonNull(child, "child");
			this.duration = Objects.requireNonNull(duration, "duration");
		}

		@Override
		public Condition toCondition() {
			return new Sustained(this.child.toCondition(), this.duration);
		}

	}

	/** Two values compared. */
	final class Compare implements ConditionDraft {

		OperandDraft left;

		ComparisonOperator operator;

		OperandDraft right;

		final List<String> comments;

		Compare(OperandDraft left, ComparisonOperator operator, OperandDraft right, List<String> comments) {
			this.left = Objects.requireNonNull(left, "left");
			this.operator = Objects.requireNonNull(operator, "operator");
			this.right = Objects.requireNonNull(right, "right");
			this.comments = List.copyOf(comments);
		}

		@Override
		public Condition toCondition() {
			return new Comparison(this.left.toExpression(), this.operator, this.right.toExpression(), this.comments);
		}

	}

}
