package com.yieldpilot.execution.ui;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.html.Span;
import com.yieldpilot.execution.ExecutionState;
import org.jspecify.annotations.Nullable;

/** How the execution screens write states, times and amounts of ether. */
final class ExecutionFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final int WEI_DECIMALS = 18;

	private ExecutionFormat() {
	}

	static String time(@Nullable Instant instant) {
		return (instant != null) ? TIME.format(instant) : "—";
	}

	/** Wei as ether with up to six decimals, trailing zeros dropped ("0.000042 ETH"). */
	static String eth(@Nullable BigInteger wei) {
		if (wei == null) {
			return "—";
		}
		BigDecimal eth = new BigDecimal(wei, WEI_DECIMALS).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
		return eth.toPlainString() + " ETH";
	}

	/**
	 * An amount of the vault's asset with thousands grouped and two decimals ("10,000.00
	 * USDC").
	 */
	static String amount(BigDecimal amount, String asset) {
		return String.format(Locale.ROOT, "%,.2f %s", amount.setScale(2, RoundingMode.HALF_UP), asset);
	}

	static String text(@Nullable Object value) {
		return (value != null) ? value.toString() : "—";
	}

	static String state(ExecutionState state) {
		return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/** The state as a Lumo badge: green when it went through, red when it did not. */
	static Span badge(ExecutionState state) {
		Span badge = new Span(state(state));
		badge.addClassName("execution-state");
		badge.getElement().getThemeList().add("badge");
		switch (state) {
			case CONFIRMED, PAPER_RECORDED -> badge.getElement().getThemeList().add("success");
			case FAILED, REJECTED, EXPIRED, CANCELLED -> badge.getElement().getThemeList().add("error");
			case AWAITING_APPROVAL, DEFERRED -> {
				// the plain badge: it waits for someone or something
			}
			default -> badge.getElement().getThemeList().add("contrast");
		}
		return badge;
	}

}
