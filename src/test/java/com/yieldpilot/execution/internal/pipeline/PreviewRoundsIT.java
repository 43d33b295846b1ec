package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.market.LocalDevnet.DevnetPoolVault;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.CountingChain;
import com.yieldpilot.support.Devnet;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.http.HttpService;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch's previews on anvil's ERC-4626 targets: every plan's questions of one round go
 * to the chain together, so the round trips are as many as the longest chain of previews,
 * not as many as the plans; each answer is the view's own at the block asked; a target
 * that cannot answer fails only the plan that asked it.
 */
class PreviewRoundsIT extends ApplicationIT {

	private static final int PLANS = 40;

	@Autowired
	LocalChain chain;

	@Autowired
	LocalDevnet devnet;

	@Test
	void aBatchAsksAllItsPlansPreviewsInOneRoundTripPerRound() throws Exception {
		List<DevnetPoolVault> pools = this.devnet.pools(Duration.ofMinutes(3));
		DevnetPoolVault target = pools.getFirst();
		CountingChain node = new CountingChain(new HttpService(this.chain.rpcUrl()));
		Web3j web3j = Web3j.build(node);
		long block = settledBlock();
		PreviewRounds rounds = new PreviewRounds(PLANS, (chainId) -> web3j);
		int before = node.requests.get();

		// each plan asks two previews one after the other, as a move does (its redeem,
		// then the deposit of what the redeem gives); the last asks a token, which is no
		// ERC-4626 vault, instead
		List<Callable<List<BigInteger>>> plans = new ArrayList<>();
		for (int p = 0; p < PLANS; p++) {
			BigInteger amount = BigInteger.valueOf(1_000_000L * (p + 1));
			String asked = (p == PLANS - 1) ? target.token() : target.vault();
			plans.add(() -> {
				try {
					BigInteger shares = rounds.preview(this.chain.chainId(), block, asked, "previewDeposit", amount);
					BigInteger assets = rounds.preview(this.chain.chainId(), block, asked, "previewRedeem", shares);
					return List.of(shares, assets);
				}
				finally {
					rounds.done();
				}
			});
		}
		List<Future<List<BigInteger>>> answers;
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			answers = threads.invokeAll(plans);
		}
		assertThat(node.requests.get() - before).as("one JSON-RPC request per round").isEqualTo(2);

		for (int p = 0; p < PLANS - 1; p++) {
			BigInteger amount = BigInteger.valueOf(1_000_000L * (p + 1));
			BigInteger shares = view(target.vault(), "previewDeposit", amount, block);
			assertThat(answers.get(p).get()).containsExactly(shares,
					view(target.vault(), "previewRedeem", shares, block));
		}
		assertThat(answers.get(PLANS - 1)).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCauseInstanceOf(IOException.class)
			.withMessageContaining("previewDeposit on " + target.token());
	}

	@Test
	void aPlanAloneAsksThePlainView() throws Exception {
		DevnetPoolVault target = this.devnet.pools(Duration.ofMinutes(3)).getFirst();
		CountingChain node = new CountingChain(new HttpService(this.chain.rpcUrl()));
		Web3j web3j = Web3j.build(node);
		long block = settledBlock();
		PreviewRounds rounds = new PreviewRounds(1, (chainId) -> web3j);
		BigInteger amount = BigInteger.valueOf(5_000_000L);
		int batches = node.batches.get();
		assertThat(rounds.preview(this.chain.chainId(), block, target.vault(), "previewDeposit", amount))
			.isEqualTo(view(target.vault(), "previewDeposit", amount, block));
		rounds.done();
		assertThat(node.batches.get()).as("no lens for one question").isEqualTo(batches);
	}

	/** A block whose reads do not move while the market's devnet mines on. */
	private long settledBlock() {
		try (Devnet chain = Devnet.attach(this.chain)) {
			return chain.settledBlock();
		}
	}

	private BigInteger view(String target, String name, BigInteger amount, long block) throws IOException {
		ChainCalls.Outcome outcome = ChainCalls.call(this.chain.web3j(), target, target,
				FunctionEncoder.encode(VaultCalls.erc4626View(name, amount)), new DefaultBlockParameterNumber(block));
		return org.web3j.utils.Numeric.toBigInt(outcome.output());
	}

}
