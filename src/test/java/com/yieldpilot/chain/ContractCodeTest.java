package com.yieldpilot.chain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractCodeTest {

	@Test
	void onlyBytesAreCode() {
		assertThat(ContractCode.present("0x6000")).isTrue();
		assertThat(ContractCode.present("0x")).isFalse();
		assertThat(ContractCode.present("")).isFalse();
		assertThat(ContractCode.present(null)).isFalse();
	}

}
