package com.yieldpilot.execution.ui;

import java.math.BigInteger;

import com.yieldpilot.execution.ExecutionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionFormatTest {

	@ParameterizedTest
	@CsvSource({ "0, 0 ETH", "1, 0 ETH", "500000000000, 0.000001 ETH", "42000000000000, 0.000042 ETH",
			"1000000000000000000, 1 ETH", "10000000000000000000000, 10000 ETH", "1234567890123456789, 1.234568 ETH" })
	void writesWeiAsEtherToSixDecimals(String wei, String eth) {
		assertThat(ExecutionFormat.eth(new BigInteger(wei))).isEqualTo(eth);
	}

	@ParameterizedTest
	@CsvSource({ "CONFIRMED, success", "PAPER_RECORDED, success", "FAILED, error", "REJECTED, error",
			"BROADCAST, contrast" })
	void colorsTheBadgeByOutcome(ExecutionState state, String theme) {
		assertThat(ExecutionFormat.badge(state).getElement().getThemeList()).contains("badge", theme);
	}

	@ParameterizedTest
	@CsvSource({ "AWAITING_APPROVAL, awaiting approval", "PAPER_RECORDED, paper recorded" })
	void writesStatesInWords(ExecutionState state, String words) {
		assertThat(ExecutionFormat.state(state)).isEqualTo(words);
		assertThat(ExecutionFormat.badge(state).getText()).isEqualTo(words);
	}

	@ParameterizedTest
	@CsvSource({ "10000, '10,000.00 USDC'", "0.005, 0.01 USDC", "1234567.891, '1,234,567.89 USDC'", "0, 0.00 USDC" })
	void writesAmountsOfTheAssetGroupedToCents(String amount, String text) {
		assertThat(ExecutionFormat.amount(new java.math.BigDecimal(amount), "USDC")).isEqualTo(text);
	}

}
