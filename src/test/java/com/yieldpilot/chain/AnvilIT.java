package com.yieldpilot.chain;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.support.TestHomes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AnvilIT {

	@Test
	void startsOnAFreeLoopbackPortWithTheDevAccountsFunded() throws Exception {
		try (Anvil anvil = Anvil.start(AnvilBinary.locate(""), LocalChain.CHAIN_ID, null)) {
			assertThat(anvil.rpcUrl()).startsWith("http://127.0.0.1:");
			Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
			try {
				assertThat(web3j.ethChainId().send().getChainId()).isEqualTo(BigInteger.valueOf(31337));
				String deployer = DevAccounts.deployer().getAddress();
				assertThat(deployer).isEqualToIgnoringCase("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
				assertThat(web3j.ethGetBalance(deployer, DefaultBlockParameterName.LATEST).send().getBalance())
					.isEqualTo(Convert.toWei("10000", Convert.Unit.ETHER).toBigInteger());
			}
			finally {
				web3j.shutdown();
			}
		}
	}

	/**
	 * The chain runs the hardfork the contracts are compiled for; anvil's default (Prague
	 * and later) writes every block's hash into contract storage that anvil hashes again
	 * for every block, so mining slowed as the chain grew.
	 */
	@Test
	void runsTheHardforkTheContractsAreCompiledFor() throws Exception {
		try (Anvil anvil = Anvil.start(AnvilBinary.locate(""), LocalChain.CHAIN_ID, null)) {
			HttpService rpc = new HttpService(anvil.rpcUrl());
			Web3j web3j = Web3j.build(rpc);
			try {
				NodeInfo info = new Request<>("anvil_nodeInfo", List.of(), rpc, NodeInfo.class).send();
				assertThat(info.getResult().get("hardFork")).isEqualTo("Cancun");
				assertThat(Files.readString(Path.of("contracts", "build.mjs")))
					.contains("evmVersion: '" + Anvil.HARDFORK + "'");
				// the history contract of EIP-2935 (Prague) is absent
				assertThat(
						web3j.ethGetCode(Anvil.BLOCK_HASH_HISTORY, DefaultBlockParameterName.LATEST).send().getCode())
					.isEqualTo("0x");
				assertThat(anvil.holdsPragueHistory()).isFalse();

				// as on a chain that an anvil on Prague wrote
				new Request<>("anvil_setCode", List.of(Anvil.BLOCK_HASH_HISTORY, "0x6000"), rpc, VoidResponse.class)
					.send();
				assertThat(anvil.holdsPragueHistory()).isTrue();
			}
			finally {
				web3j.shutdown();
			}
		}
	}

	/**
	 * An anvil its node stops is no surprise; one that dies under the node is logged as
	 * an error ({@code LocalChainHealthIndicatorIT} kills one).
	 */
	@Test
	void anAnvilItsNodeStopsIsNotReportedAsAnUnexpectedExit(CapturedOutput output) throws Exception {
		Anvil anvil = Anvil.start(AnvilBinary.locate(""), LocalChain.CHAIN_ID, null);
		anvil.close();
		anvil.exitHandled().get(10, TimeUnit.SECONDS);
		assertThat(anvil.isRunning()).isFalse();
		assertThat(output.getOut()).doesNotContain("exited unexpectedly");
	}

	/** {@code anvil_nodeInfo}'s answer, as a map. */
	public static class NodeInfo extends Response<Map<String, Object>> {

	}

	@Test
	void keepsDeployedContractsAndBalancesAcrossARestartThroughItsStateFile() throws Exception {
		Path state = TestHomes.create("anvil").resolve("state.json");
		String token;
		String holder = DevAccounts.account(3).getAddress();
		try (Anvil anvil = Anvil.start(AnvilBinary.locate(""), LocalChain.CHAIN_ID, state)) {
			Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
			var transactions = new RawTransactionManager(web3j, DevAccounts.deployer(), LocalChain.CHAIN_ID,
					new PollingTransactionReceiptProcessor(web3j, 50, 200));
			MockStablecoin usdc = MockStablecoin
				.deploy(web3j, transactions, new DefaultGasProvider(), "USD Coin", "USDC")
				.send();
			usdc.mint(holder, BigInteger.valueOf(1_234_000_000L)).send();
			token = usdc.getContractAddress();
			web3j.shutdown();
		}
		assertThat(state).exists();

		try (Anvil anvil = Anvil.start(AnvilBinary.locate(""), LocalChain.CHAIN_ID, state)) {
			Web3j web3j = Web3j.build(new HttpService(anvil.rpcUrl()));
			var readOnly = new org.web3j.tx.ReadonlyTransactionManager(web3j, holder);
			MockStablecoin usdc = MockStablecoin.load(token, web3j, readOnly, new DefaultGasProvider());
			assertThat(usdc.balanceOf(holder).send()).isEqualTo(BigInteger.valueOf(1_234_000_000L));
			assertThat(usdc.decimals().send()).isEqualTo(BigInteger.valueOf(6));
			web3j.shutdown();
		}
	}

	@Test
	void refusesAConfiguredPathThatIsNotAnExecutable() {
		org.assertj.core.api.Assertions.assertThatIllegalStateException()
			.isThrownBy(() -> AnvilBinary.locate("/nonexistent/anvil"))
			.withMessageContaining("yieldpilot.chain.anvil.path");
	}

}
