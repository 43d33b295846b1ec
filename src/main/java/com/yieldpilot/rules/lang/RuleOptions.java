package com.yieldpilot.rules.lang;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A rule's options; {@code null} (or {@code false}) is an option not written, which the
 * printer leaves out. The comment lines belong before the {@code options} line.
 *
 * @param cooldown after firing, the rule does not fire again for this long
 * @param maxGasGwei the highest gas price its transactions may pay, in gwei
 * @param mode paper (the default) or live
 * @param approvalRequired whether the farmer approves each action before it runs
 * @param priority 1 to 100; when rules act on one vault at once, higher runs first
 * @param expires from this instant on the rule no longer fires
 * @param evaluateEvery how often the conditions are checked (the plan sets the minimum)
 * @param comments the comment lines written before the options
 */
public record RuleOptions(@Nullable Duration cooldown, @Nullable BigDecimal maxGasGwei, @Nullable Mode mode,
		boolean approvalRequired, @Nullable Integer priority, @Nullable Instant expires,
		@Nullable Duration evaluateEvery, List<String> comments) {

	/** No options written. */
	public static final RuleOptions NONE = new RuleOptions(null, null, null, false, null, null, null, List.of());

	/** The highest gas limit a rule may write, in gwei. */
	public static final BigDecimal MAX_GAS_GWEI = BigDecimal.valueOf(10_000);

	public RuleOptions {
		if (cooldown != null) {
			Durations.require(cooldown);
		}
		if (evaluateEvery != null) {
			Durations.require(evaluateEvery);
		}
		if (maxGasGwei != null) {
			maxGasGwei = Numbers.require(maxGasGwei);
			if (maxGasGwei.signum() <= 0 || maxGasGwei.compareTo(MAX_GAS_GWEI) > 0) {
				throw new IllegalArgumentException("max gas is more than 0 and at most 10000 gwei");
			}
		}
		if (priority != null && (priority < 1 || priority > 100)) {
			throw new IllegalArgumentException("priority is a whole number from 1 to 100, not " + priority);
		}
		if (expires != null && (expires.getNano() != 0)) {
			throw new IllegalArgumentException("expires is to the second: " + expires);
		}
		comments = RuleText.comments(comments);
		if (!comments.isEmpty()
				&& isEmpty(cooldown, maxGasGwei, mode, approvalRequired, priority, expires, evaluateEvery)) {
			throw new IllegalArgumentException("Comments on options need at least one option to stand before");
		}
	}

	/** The mode the rule runs in: paper unless {@code mode live} was written. */
	public Mode effectiveMode() {
		return Objects.requireNonNullElse(this.mode, Mode.PAPER);
	}

	/** Whether no option was written. */
	public boolean isEmpty() {
		return isEmpty(this.cooldown, this.maxGasGwei, this.mode, this.approvalRequired, this.priority, this.expires,
				this.evaluateEvery);
	}

	public RuleOptions withCooldown(@Nullable Duration cooldown) {
		return new RuleOptions(cooldown, this.maxGasGwei, this.mode, this.approvalRequired, this.priority, this.expires,
				this.evaluateEvery, this.comments);
	}

	public RuleOptions withMaxGasGwei(@Nullable BigDecimal maxGasGwei) {
		return new RuleOptions(this.cooldown, maxGasGwei, this.mode, this.approvalRequired, this.priority, this.expires,
				this.evaluateEvery, this.comments);
	}

	public RuleOptions withMode(@Nullable Mode mode) {
		return new RuleOptions(this.cooldown, this.maxGasGwei, mode, this.approvalRequired, this.priority, this.expires,
				this.evaluateEvery, this.comments);
	}

	public RuleOptions withApprovalRequired(boolean approvalRequired) {
		return new RuleOptions(this.cooldown, this.maxGasGwei, this.mode, approvalRequired, this.priority, this.expires,
				this.evaluateEvery, this.comments);
	}

	public RuleOptions withPriority(@Nullable Integer priority) {
		return new RuleOptions(this.cooldown, this.maxGasGwei, this.mode, this.approvalRequired, priority, this.expires,
				this.evaluateEvery, this.comments);
	}

	public RuleOptions withExpires(@Nullable Instant expires) {
		return new RuleOptions(this.cooldown, this.maxGasGwei, this.mode, this.approvalRequired, this.priority, expires,
				this.evaluateEvery, this.comments);
	}

	public RuleOptions withEvaluateEvery(@Nullable Duration evaluateEvery) {
		return new RuleOptions(this.cooldown, this.maxGasGwei, this.mode, this.approvalRequired, this.priority,
				this.expires, evaluateEvery, this.comments);
	}

	public RuleOptions withComments(List<String> comments) {
		return new RuleOptions(this.cooldown, this.maxGasGwei, this.mode, this.approvalRequired, this.priority,
				this.expires, this.evaluateEvery, comments);
	}

	private static boolean isEmpty(@Nullable Duration cooldown, @Nullable BigDecimal maxGasGwei, @Nullable Mode mode,
			boolean approvalRequired, @Nullable Integer priority, @Nullable Instant expires,
			@Nullable Duration evaluateEvery) {
		return cooldown == null && maxGasGwei == null && mode == null && !approvalRequired && priority == null
				&& expires == null && evaluateEvery == null;
	}

}
