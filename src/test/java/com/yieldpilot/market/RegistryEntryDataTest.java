package com.yieldpilot.market;

import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistryEntryDataTest {

	private static final String POOL = "0xA238Dd80C259a72e81d7e4664a9801593F98d1c5";

	private static final String USDC = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";

	@Test
	void acceptsAnAaveReserveAndStoresItsAddressesChecksummed() {
		RegistryEntryData data = RegistryEntryData.of("aave-v3:base:USDC", " Aave v3 USDC ", "aave-v3",
				POOL.toLowerCase(), USDC.toUpperCase().replace("0X", "0x"), 6, null, null, true);

		assertThat(data.id()).isEqualTo(PoolId.parse("aave-v3:base:USDC"));
		assertThat(data.name()).isEqualTo("Aave v3 USDC");
		assertThat(data.contract()).isEqualTo(POOL);
		assertThat(data.asset()).isEqualTo(USDC);
	}

	@Test
	void refusesAMistypedChecksumAddress() {
		String typo = POOL.substring(0, 10) + "d" + POOL.substring(11);

		InvalidRegistryEntryException ex = catchThrowableOfType(InvalidRegistryEntryException.class,
				() -> RegistryEntryData.of("aave-v3:base:USDC", null, "aave-v3", typo, USDC, 6, null, null, true));

		assertThat(ex.problems()).singleElement().satisfies(p -> {
			assertThat(p.field()).isEqualTo("contract");
			assertThat(p.message()).contains("EIP-55").contains("mistyped");
		});
	}

	@Test
	void reportsEveryProblemAtOnceByField() {
		InvalidRegistryEntryException ex = catchThrowableOfType(InvalidRegistryEntryException.class,
				() -> RegistryEntryData.of("not a pool", "x".repeat(81), "aave", "0x12", null, 99, "feed", "llama",
						false));

		assertThat(ex.problems()).extracting(InvalidRegistryEntryException.FieldProblem::field)
			.containsExactlyInAnyOrder("id", "kind", "name", "contract", "priceFeed", "defiLlamaId", "assetDecimals");
		assertThat(ex).hasMessageContaining("not a pool");
	}

	@Test
	void eachReadKindNeedsItsAddresses() {
		assertThat(problems("erc4626", null, null, null)).containsExactlyInAnyOrder("contract", "assetDecimals");
		assertThat(problems("aave-v3", POOL, null, 6)).containsExactly("asset");
		assertThat(problems("compound-v3", null, USDC, 6)).containsExactly("contract");
		assertThat(problems("none", POOL, null, null)).containsExactly("contract");
		assertThat(problems("none", null, USDC, null)).isEmpty();
	}

	@Test
	void refusesTheZeroAddress() {
		assertThat(RegistryEntryData.addressProblem("0x0000000000000000000000000000000000000000"))
			.hasValue("is the zero address");
		assertThat(RegistryEntryData.addressProblem(USDC)).isEmpty();
		assertThat(RegistryEntryData.addressProblem(" ")).isEmpty();
	}

	private static java.util.List<String> problems(String kind, String contract, String asset, Integer decimals) {
		try {
			RegistryEntryData.of("p:base:USDC", null, kind, contract, asset, decimals, null, null, false);
			return java.util.List.of();
		}
		catch (InvalidRegistryEntryException ex) {
			return ex.problems().stream().map(InvalidRegistryEntryException.FieldProblem::field).toList();
		}
	}

}
