package com.yieldpilot.chain.internal;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.yieldpilot.chain.Anvil;
import com.yieldpilot.chain.AnvilBinary;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.platform.YieldPilotHome;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Starts the local anvil chain in local mode ({@code yieldpilot.chain.local.enabled}, on
 * by default). Its state file lives in the home folder, so deployed contracts and
 * balances survive a restart.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
@ConditionalOnBooleanProperty(name = "yieldpilot.chain.local.enabled", matchIfMissing = true)
class LocalChainConfiguration {

	@Bean(destroyMethod = "close")
	Anvil localAnvil(YieldPilotHome home, @Value("${yieldpilot.chain.anvil.path:}") String binary) {
		Path state = home.directory("anvil").resolve("state.json");
		return Anvil.start(AnvilBinary.locate(binary), LocalChain.CHAIN_ID, state);
	}

	@Bean(destroyMethod = "shutdown")
	Web3j localWeb3j(Anvil anvil) {
		// its own scheduler: Web3j.shutdown() stops the executor it was given, so a
		// shared one would die with it
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("web3j-local").factory());
		return Web3j.build(new HttpService(anvil.rpcUrl()), 100, scheduler);
	}

	/** Shown as "localChain" in {@code /actuator/health}. */
	@Bean
	LocalChainHealthIndicator localChainHealthIndicator(Anvil anvil, Web3j localWeb3j) {
		return new LocalChainHealthIndicator(anvil, localWeb3j);
	}

	@Bean
	LocalChain localChain(Anvil anvil, Web3j localWeb3j) {
		return new LocalChain() {

			@Override
			public String rpcUrl() {
				return anvil.rpcUrl();
			}

			@Override
			public long chainId() {
				return anvil.chainId();
			}

			@Override
			public Web3j web3j() {
				return localWeb3j;
			}

		};
	}

}
