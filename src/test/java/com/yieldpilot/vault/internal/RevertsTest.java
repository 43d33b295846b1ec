package com.yieldpilot.vault.internal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RevertsTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "null",
			textBlock = """
					0x245aecd30000000000000000000000009965507d1a55bcc2695c58ba16fb37d819b0a4dc | execution reverted | only the vault's owner can do this
					null | execution reverted: custom error 0x245aecd3: 0000 | only the vault's owner can do this
					"0x245aecd3" | null | only the vault's owner can do this
					null | execution reverted: custom error 0xdeadbeef: 00 | execution reverted: custom error 0xdeadbeef: 00
					null | null | the contract refused it
					""")
	void explainsKnownCustomErrorsInTheFarmersWordsAndPassesOthersOn(String data, String message, String expected) {
		assertThat(Reverts.explain(data, message)).startsWith(expected);
	}

}
