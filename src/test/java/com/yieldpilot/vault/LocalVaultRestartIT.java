package com.yieldpilot.vault;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.support.SecondApplication;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Local mode's demo vault survives a restart on the saved chain: the same vault, funded
 * once, and the credentials file follows anvil to its new port.
 */
class LocalVaultRestartIT {

	@Test
	void aRestartOnTheSavedChainKeepsTheDemoVaultAndFundsItOnce() throws IOException {
		Path home = TestHomes.create("vault-restart");
		Vault before;
		Portfolio funded;
		try (ConfigurableApplicationContext app = SecondApplication.start(home)) {
			before = demoVault(app);
			funded = app.getBean(Vaults.class).portfolio(before);
			assertThat(funded.idle()).isEqualByComparingTo("100000");
		}

		try (ConfigurableApplicationContext app = SecondApplication.start(home)) {
			String rpcUrl = app.getBean(LocalChain.class).rpcUrl();
			await().atMost(Duration.ofMinutes(2)).until(() -> rpcUrl.equals(credentials(home).get("chain.rpc-url")));
			Vault after = demoVault(app);
			Vaults vaults = app.getBean(Vaults.class);

			assertThat(after).isEqualTo(before);
			assertThat(vaults.vaults(farmer(app))).hasSize(1);
			assertThat(vaults.portfolio(after).idle()).as("funded once").isEqualByComparingTo(funded.idle());
			assertThat(credentials(home).get("farmer.vault")).isEqualTo(before.address());
		}
	}

	private static Vault demoVault(ConfigurableApplicationContext app) {
		Vaults vaults = app.getBean(Vaults.class);
		UserId farmer = farmer(app);
		await().atMost(Duration.ofMinutes(2)).until(() -> vaults.vault(farmer, LocalChain.CHAIN_ID).isPresent());
		return vaults.vault(farmer, LocalChain.CHAIN_ID).orElseThrow();
	}

	private static UserId farmer(ConfigurableApplicationContext app) {
		return app.getBean(UserAccounts.class).findByUsername("farmer").orElseThrow().id();
	}

	private static Properties credentials(Path home) throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(home.resolve("local-credentials.properties"))) {
			properties.load(in);
		}
		return properties;
	}

}
