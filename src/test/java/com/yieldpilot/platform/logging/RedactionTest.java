package com.yieldpilot.platform.logging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					api token             | issued yp_iETqKUGPjTHz0GRTcvoDV3mWNYBR6ZRn1Em0yGlqREU for farmer | yp_iETqKUGPjTHz0GRTcvoDV3mWNYBR6ZRn1Em0yGlqREU
					bearer header         | Authorization: Bearer abcdef0123456789xyz                      | abcdef0123456789xyz
					password pair         | login with password=hunter2hunter2 failed                     | hunter2hunter2
					json secret           | {"client_secret": "s3cr3tValue"}                                | s3cr3tValue
					private key           | executor key 0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318 loaded | 4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318
					url credentials       | jdbc:postgresql://yield:pa55word@db:5432/yp                    | pa55word
					stripe key            | stripe key sk_live_51HxYzAbCdEfGhIjKl                          | sk_live_51HxYzAbCdEfGhIjKl
					""")
	void masksSecrets(String kind, String message, String secret) {
		String redacted = Redaction.redact(message);
		assertThat(redacted).doesNotContain(secret).contains(Redaction.MASK);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			plain message   | Started YieldPilotApplication in 9.5 seconds
			transaction hash | tx 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b mined
			pool id         | apy(aave-v3:base:USDC) < 4%
			""")
	void leavesOrdinaryTextAlone(String kind, String message) {
		assertThat(Redaction.redact(message)).isEqualTo(message);
	}

}
