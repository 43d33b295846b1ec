package com.yieldpilot.execution.internal;

import java.time.Duration;

import com.yieldpilot.execution.internal.facts.GuardrailSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The limits the shipped guardrails read, {@code yieldpilot.execution.guardrails.*}.
 *
 * @param riskCeiling no funds go into a pool whose risk score is above this, 0 to 1
 * @param maxMoveShare one action puts at most this share of the portfolio into a pool, a
 * fraction above 0 and at most 1
 * @param drawdownWindow the drawdown breakers measure the fall from the highest value in
 * this window
 */
@ConfigurationProperties("yieldpilot.execution.guardrails")
record GuardrailProperties(@DefaultValue("0.6") double riskCeiling, @DefaultValue("0.25") double maxMoveShare,
		@DefaultValue("7d") Duration drawdownWindow) {

	GuardrailProperties {
		if (!(riskCeiling >= 0 && riskCeiling <= 1)) {
			throw new IllegalArgumentException(
					"yieldpilot.execution.guardrails.risk-ceiling is a risk score from 0 to 1, not " + riskCeiling);
		}
		if (!(maxMoveShare > 0 && maxMoveShare <= 1)) {
			throw new IllegalArgumentException(
					"yieldpilot.execution.guardrails.max-move-share is a fraction above 0 and at most 1 (0.25 is 25%), not "
							+ maxMoveShare);
		}
		if (drawdownWindow.isNegative() || drawdownWindow.isZero()) {
			throw new IllegalArgumentException(
					"yieldpilot.execution.guardrails.drawdown-window must be positive, e.g. 7d");
		}
	}

	GuardrailSettings settings() {
		return new GuardrailSettings(this.riskCeiling, this.maxMoveShare);
	}

}
