package com.yieldpilot.chain.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Configuration mistakes are refused before anything is sent, with messages that say what
 * to fix and never print a URL's path, where its API key is.
 */
class RpcChainClientsTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					alchemy    | https://base-mainnet.g.alchemy.com/v2/Xk3q9LmNoPqRsTuVwXyZ0123 | https://base-mainnet.g.alchemy.com/…
					infura     | https://mainnet.infura.io/v3/9aa3d95b3bc440fa88ea12eaa4456161   | https://mainnet.infura.io/…
					query key  | https://rpc.example.com?apikey=abc123                           | https://rpc.example.com/…
					bare host  | https://mainnet.base.org                                        | https://mainnet.base.org
					root path  | http://127.0.0.1:8545/                                          | http://127.0.0.1:8545
					""")
	void showsAUrlByItsHostOnly(String kind, String url, String shown) {
		assertThat(RpcUrls.redacted(URI.create(url))).isEqualTo(shown);
	}

	@Test
	void refusesAUrlThatIsNotHttpWithoutShowingItsKey() {
		assertThatThrownBy(
				() -> create(Map.of("base", List.of("wss://base-mainnet.g.alchemy.com/v2/SecretKey0123456789"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("yieldpilot.chain.rpc.base[0]")
			.hasMessageContaining("http or https")
			.hasMessageNotContaining("SecretKey0123456789");
	}

	@Test
	void refusesTextThatIsNotAUrlWithoutShowingIt() {
		assertThatThrownBy(() -> create(Map.of("base", List.of("https://host/v2/Secret Key With Spaces"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is not a URL")
			.hasMessageNotContaining("Secret");
	}

	@Test
	void refusesCredentialsBeforeTheHost() {
		assertThatThrownBy(() -> create(Map.of("base", List.of("https://user:hunter2@rpc.example.com"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("credentials")
			.hasMessageNotContaining("hunter2");
	}

	@Test
	void asksForTheChainIdOfAnUnknownChain() {
		assertThatThrownBy(() -> create(Map.of("zora", List.of("https://rpc.zora.energy"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("yieldpilot.chain.chain-ids.zora");
	}

	@Test
	void takesTheChainIdOfAnUnknownChainFromTheConfiguration() {
		try (RpcChainClients clients = RpcChainClients
			.create(new ChainProperties(Map.of("zora", List.of("https://rpc.zora.energy")), Map.of("zora", 7777777L),
					ChainProperties.RpcClientSettings.defaults()), Clock.systemUTC(), null)) {
			assertThat(clients.chainId("zora")).isEqualTo(7777777L);
		}
	}

	@Test
	void knowsTheChainIdsOfTheRegistryChains() {
		try (RpcChainClients clients = create(Map.of("ethereum", List.of("https://a.example"), "base",
				List.of("https://b.example"), "arbitrum", List.of("https://c.example")))) {
			assertThat(clients.chains()).containsExactly("arbitrum", "base", "ethereum");
			assertThat(clients.chainId("ethereum")).isEqualTo(1);
			assertThat(clients.chainId("base")).isEqualTo(8453);
			assertThat(clients.chainId("arbitrum")).isEqualTo(42161);
		}
	}

	@Test
	void refusesAChainNameThatCannotBeAPoolIdPart() {
		assertThatThrownBy(() -> create(Map.of("Base Mainnet", List.of("https://b.example"))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("lower case");
	}

	@Test
	void refusesAChainWithoutUrls() {
		assertThatThrownBy(() -> create(Map.of("base", List.of(" ")))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("yieldpilot.chain.rpc.base lists no URL");
	}

	@Test
	void namesAnUnconfiguredChainWhenAskedForIt() {
		try (RpcChainClients clients = create(Map.of())) {
			assertThatThrownBy(() -> clients.client("base")).isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("yieldpilot.chain.rpc.base");
		}
	}

	private static RpcChainClients create(Map<String, List<String>> rpc) {
		return RpcChainClients.create(new ChainProperties(rpc, Map.of(), ChainProperties.RpcClientSettings.defaults()),
				Clock.systemUTC(), null);
	}

}
