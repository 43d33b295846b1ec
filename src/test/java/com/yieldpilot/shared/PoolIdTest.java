package com.yieldpilot.shared;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PoolIdTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(nullValues = "-",
			value = { "aave-v3:base:USDC, aave-v3, base, USDC, -",
					"morpho:base:USDC-prime, morpho, base, USDC-prime, -",
					"compound-v3:ethereum:USDC:cUSDCv3, compound-v3, ethereum, USDC, cUSDCv3",
					"Aave-V3:Arbitrum:USDC.e, aave-v3, arbitrum, USDC.e, -" })
	void parsesReadableIds(String text, String protocol, String chain, String asset, String qualifier) {
		PoolId id = PoolId.parse(text);
		assertThat(id).isEqualTo(new PoolId(protocol, chain, asset, qualifier));
		assertThat(PoolId.parse(id.toString())).as("round trip").isEqualTo(id);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "", "aave-v3", "aave-v3:base", "aave-v3:base:USDC:x:y", "aave v3:base:USDC",
			"aave-v3:base:USDC\"); System.exit(0); //", "aave-v3:base:${jndi:ldap://x}", "aave-v3::USDC",
			"aave-v3:base:USDC'or'1'='1", "a:b:c\nd" })
	void rejectsAnythingElseWithAHelpfulMessage(String text) {
		assertThat(PoolId.tryParse(text)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> PoolId.parse(text))
			.withMessageContaining("protocol:chain:asset");
	}

	@ParameterizedTest
	@ValueSource(ints = { 121, 500 })
	void rejectsOverlongIds(int length) {
		assertThat(PoolId.tryParse("aave-v3:base:" + "U".repeat(length))).isEmpty();
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void isItsTextInJsonAsInPathsAndPoolLists() {
		PoolId id = PoolId.parse("compound-v3:ethereum:USDC:cUSDCv3");
		String json = JSON.writeValueAsString(Map.of("pool", id));
		assertThat(json).isEqualTo("{\"pool\":\"compound-v3:ethereum:USDC:cUSDCv3\"}");
		assertThat(JSON.readValue(json, new TypeReference<Map<String, PoolId>>() {
		}).get("pool")).isEqualTo(id);
		assertThat(JSON.readValue("[\"Aave-V3:Base:USDC\"]", new TypeReference<List<PoolId>>() {
		})).containsExactly(PoolId.parse("aave-v3:base:USDC"));
	}

	@Test
	void stillReadsTheObjectThatEventsStoredBeforeCarry() {
		String stored = "{\"protocol\":\"morpho\",\"chain\":\"base\",\"asset\":\"USDC-prime\",\"qualifier\":null}";
		assertThat(JSON.readValue(stored, PoolId.class)).isEqualTo(PoolId.parse("morpho:base:USDC-prime"));
	}

	@Test
	void refusesTextThatIsNoPoolId() {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> JSON.readValue("\"aave-v3:base:USDC'or'1'='1\"", PoolId.class))
			.withMessageContaining("protocol:chain:asset");
	}

}
