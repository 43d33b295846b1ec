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
					alchemy key in path   | rpc https://base-mainnet.g.alchemy.com/v2/Xk3q9LmNoPqRsTuVwXyZ01234567abcd failed | Xk3q9LmNoPqRsTuVwXyZ01234567abcd
					infura key in path    | calling https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161 | 9aa3d95b3bc440fa88ea12eaa4456161
					key before a slash    | https://solemn-lively-pond.base-mainnet.quiknode.pro/4f6c2b1a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b/ down | 4f6c2b1a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b
					key query parameter   | GET https://api.example.com/rpc?chain=base&key=shortkey1 | shortkey1
					websocket key         | wss://eth-mainnet.g.alchemy.com/v2/AbCdEfGhIjKlMnOpQrStUvWx | AbCdEfGhIjKlMnOpQrStUvWx
					""")
	void masksSecrets(String kind, String message, String secret) {
		String redacted = Redaction.redact(message);
		assertThat(redacted).doesNotContain(secret).contains(Redaction.MASK);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					plain message   | Started YieldPilotApplication in 9.5 seconds
					transaction hash | tx 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b mined
					pool id         | apy(aave-v3:base:USDC) < 4%
					public rpc url  | fell back to https://mainnet.base.org after a timeout
					explorer tx url | see https://etherscan.io/tx/0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b
					defillama chart | https://yields.llama.fi/chart/aa70268e-4b52-42bf-a116-608b370f9501
					api path        | GET http://localhost:8080/api/v1/pools/aave-v3:base:USDC/history?metric=apy
					""")
	void leavesOrdinaryTextAlone(String kind, String message) {
		assertThat(Redaction.redact(message)).isEqualTo(message);
	}

}
