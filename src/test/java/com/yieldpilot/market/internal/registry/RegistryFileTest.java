package com.yieldpilot.market.internal.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.yieldpilot.market.ReadKind;
import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegistryFileTest {

	@Test
	void theShippedRegistryCoversEthereumBaseAndArbitrumWithEveryReadKind() throws IOException {
		List<RegistryEntryData> entries = RegistryFile.parse("db/registry/pools.yaml",
				Files.readAllBytes(Path.of("db", "registry", "pools.yaml")));

		Map<String, Set<String>> protocolsByChain = entries.stream()
			.collect(Collectors.groupingBy(e -> e.id().chain(),
					Collectors.mapping(e -> e.id().protocol(), Collectors.toSet())));
		assertThat(protocolsByChain).containsOnlyKeys("ethereum", "base", "arbitrum");
		protocolsByChain.values()
			.forEach(protocols -> assertThat(protocols).containsExactlyInAnyOrder("aave-v3", "compound-v3", "morpho"));
		assertThat(entries).allSatisfy(e -> {
			assertThat(e.kind().onChain()).as(e.id() + " is read on chain").isTrue();
			assertThat(e.priceFeed()).as(e.id() + " has a price feed").isNotNull();
			assertThat(e.asset()).as(e.id() + " names its asset").isNotNull();
		});
		assertThat(entries).extracting(RegistryEntryData::kind)
			.contains(ReadKind.AAVE_V3, ReadKind.COMPOUND_V3, ReadKind.ERC4626);
	}

	@Test
	void theShippedRegistryUsesOneUsdcFeedAndOneUsdcTokenPerChain() throws IOException {
		List<RegistryEntryData> usdc = RegistryFile
			.parse("pools.yaml", Files.readAllBytes(Path.of("db", "registry", "pools.yaml")))
			.stream()
			.filter(e -> e.id().asset().equals("USDC"))
			.toList();

		Map<String, Set<String>> feeds = usdc.stream()
			.collect(Collectors.groupingBy(e -> e.id().chain(),
					Collectors.mapping(RegistryEntryData::priceFeed, Collectors.toSet())));
		Map<String, Set<String>> tokens = usdc.stream()
			.collect(Collectors.groupingBy(e -> e.id().chain(),
					Collectors.mapping(RegistryEntryData::asset, Collectors.toSet())));
		feeds.values().forEach(f -> assertThat(f).hasSize(1));
		tokens.values().forEach(t -> assertThat(t).hasSize(1));
		assertThat(tokens.get("base")).containsExactly("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
	}

	@Test
	void readsAnEntryAsWrittenWithUnquotedAddresses() {
		List<RegistryEntryData> entries = RegistryFile.parse("test", yaml("""
				pools:
				  - id: aave-v3:base:USDC
				    read: aave-v3
				    contract: 0xA238Dd80C259a72e81d7e4664a9801593F98d1c5
				    asset: 0x833589fcd6edb6e08f4c7c32d4f71b54bda02913
				    assetDecimals: 6
				    stablecoin: true
				    defillama: 7E0661BF-8CF3-45E6-9424-31916D4C7B84
				"""));

		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.id()).isEqualTo(PoolId.parse("aave-v3:base:USDC"));
			assertThat(e.kind()).isEqualTo(ReadKind.AAVE_V3);
			assertThat(e.asset()).as("stored in checksum form").isEqualTo("0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913");
			assertThat(e.assetDecimals()).isEqualTo(6);
			assertThat(e.stablecoin()).isTrue();
			assertThat(e.defiLlamaId()).isEqualTo("7e0661bf-8cf3-45e6-9424-31916d4c7b84");
		});
	}

	@Test
	void reportsEveryProblemWithItsLine() {
		RegistryFileException problem = catchThrowableOfType(RegistryFileException.class,
				() -> RegistryFile.parse("pools.yaml", yaml("""
						pools:
						  - id: aave-v3:base:USDC
						    read: aave-v3
						    contract: 0xA238Dd80C259a72e81d7e4664a9801593f98d1c5
						    assetDecimals: 6
						  - id: morpho:base:USDC:x
						    read: erc4626
						    contrakt: 0xbeeF010f9cb27031ad51e3333f9aF9C6B1228183
						  - id: aave-v3:base:USDC
						    read: lending
						""")));

		assertThat(problem.problems()).anySatisfy(p -> assertThat(p).startsWith("line 2").contains("EIP-55"))
			.anySatisfy(p -> assertThat(p).startsWith("line 2").contains("asset is required for aave-v3"))
			.anySatisfy(p -> assertThat(p).startsWith("line 8").contains("unknown key 'contrakt'"))
			.anySatisfy(p -> assertThat(p).startsWith("line 6").contains("contract is required for erc4626"))
			.anySatisfy(p -> assertThat(p).startsWith("line 9").contains("'lending' is not one of"));
		assertThat(problem).hasMessageContaining("pools.yaml cannot be applied");
	}

	@Test
	void refusesTheSamePoolOrDefiLlamaIdTwice() {
		assertThatThrownBy(() -> RegistryFile.parse("pools.yaml", yaml("""
				pools:
				  - id: aave-v3:base:USDC
				    defillama: 7e0661bf-8cf3-45e6-9424-31916d4c7b84
				  - id: aave-v3:base:USDC
				  - id: compound-v3:base:USDC
				    defillama: 7e0661bf-8cf3-45e6-9424-31916d4c7b84
				"""))).isInstanceOf(RegistryFileException.class)
			.hasMessageContaining("aave-v3:base:USDC is listed twice")
			.hasMessageContaining("compound-v3:base:USDC has the DefiLlama id of aave-v3:base:USDC");
	}

	@Test
	void refusesAFileWithoutAPoolsList() {
		assertThatThrownBy(() -> RegistryFile.parse("pools.yaml", yaml("pool:\n  - id: a:b:C\n")))
			.isInstanceOf(RegistryFileException.class)
			.hasMessageContaining("top-level 'pools:' list");
		assertThatThrownBy(() -> RegistryFile.parse("pools.yaml", yaml("pools: [\n")))
			.isInstanceOf(RegistryFileException.class)
			.hasMessageContaining("not valid YAML");
	}

	@Test
	void refusesAKeyGivenTwice() {
		assertThatThrownBy(() -> RegistryFile.parse("pools.yaml", yaml("""
				pools:
				  - id: aave-v3:base:USDC
				    id: aave-v3:base:USDT
				"""))).isInstanceOf(RegistryFileException.class).hasMessageContaining("'id' is given twice");
	}

	private static byte[] yaml(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
