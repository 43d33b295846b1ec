package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.CountingChain;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.Vaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A vault's snapshot is read once per block: the guardrails' read and the plan's read of
 * the same intent share it when no block came in between. The chain's head is pinned by
 * the test (the local chain keeps mining for the rest of the application), so what is
 * served from the block already read, and what is read again, is certain.
 */
class VaultSnapshotBlockIT extends ApplicationIT {

	@Autowired
	Vaults vaults;

	@Autowired
	LocalChain chain;

	private Vault vault;

	private PinnedHead node;

	private Web3j web3j;

	@BeforeEach
	void demoVault() {
		var farmer = this.accounts.findByUsername("farmer").orElseThrow().id();
		await().atMost(Duration.ofMinutes(2)).until(() -> this.vaults.vault(farmer, LocalChain.CHAIN_ID).isPresent());
		this.vault = this.vaults.vault(farmer, LocalChain.CHAIN_ID).orElseThrow();
		this.node = new PinnedHead(new HttpService(this.chain.rpcUrl()));
		this.web3j = Web3j.build(this.node);
	}

	@Test
	void aVaultReadAtTheNewestBlockIsNotReadAgainUntilABlockComesOrTheBlockIsReplaced() throws Exception {
		VaultChainReader reader = new VaultChainReader();
		this.node.head = head();
		VaultChainReader.Snapshot first = reader.snapshot(this.web3j, this.vault);
		assertThat(first.state().block()).isEqualTo(this.node.head.getNumber().longValueExact());

		int before = this.node.requests.get();
		VaultChainReader.Snapshot again = reader.snapshot(this.web3j, this.vault);
		assertThat(again).isSameAs(first);
		assertThat(this.node.requests.get() - before).as("only the newest block is asked for").isEqualTo(1);

		// a reorg replaces the block at the same height: its hash differs, so it is
		// read again
		EthBlock.Block replaced = head(this.node.head.getNumber());
		replaced.setHash("0x" + "ab".repeat(32));
		this.node.head = replaced;
		before = this.node.requests.get();
		VaultChainReader.Snapshot reread = reader.snapshot(this.web3j, this.vault);
		assertThat(reread).isNotSameAs(first).isEqualTo(first);
		assertThat(this.node.requests.get() - before).isGreaterThan(1);

		// a new block with the executor's deposit: read again, and the deposit is in it
		depositOneUsdc(first.state().allowlist().getFirst());
		this.node.head = head();
		VaultChainReader.Snapshot moved = reader.snapshot(this.web3j, this.vault);
		assertThat(moved.state().block()).isGreaterThan(first.state().block());
		assertThat(moved.holdings()).isNotEqualTo(first.holdings());
		assertThat(reader.snapshot(this.web3j, this.vault)).isSameAs(moved);
	}

	@Test
	void twoReadsOfTheSameBlockAtOnceReadTheChainOnce() throws Exception {
		this.node.head = head();
		new VaultChainReader().snapshot(this.web3j, this.vault);
		int alone = this.node.batches.getAndSet(0);

		VaultChainReader reader = new VaultChainReader();
		this.node.hold = new CountDownLatch(1);
		// a thread each: the common pool has one on a two-core machine
		ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
		CompletableFuture<VaultChainReader.Snapshot> first = CompletableFuture
			.supplyAsync(() -> reader.snapshot(this.web3j, this.vault), threads);
		await().atMost(Duration.ofMinutes(1)).until(() -> this.node.batches.get() == 1);
		int heads = this.node.heads.get();
		CompletableFuture<VaultChainReader.Snapshot> second = CompletableFuture
			.supplyAsync(() -> reader.snapshot(this.web3j, this.vault), threads);
		await().atMost(Duration.ofMinutes(1)).until(() -> this.node.heads.get() == heads + 1);
		this.node.hold.countDown();

		assertThat(second.get(1, TimeUnit.MINUTES)).isSameAs(first.get(1, TimeUnit.MINUTES));
		assertThat(this.node.batches.get()).as("the second read waited for the first").isEqualTo(alone);
		threads.close();
	}

	private EthBlock.Block head() throws IOException {
		return this.chain.web3j().ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock();
	}

	private EthBlock.Block head(BigInteger number) throws IOException {
		return this.chain.web3j()
			.ethGetBlockByNumber(new org.web3j.protocol.core.DefaultBlockParameterNumber(number), false)
			.send()
			.getBlock();
	}

	private void depositOneUsdc(String target) throws Exception {
		var executor = YieldVault
			.load(this.vault.address(), this.chain.web3j(),
					new RawTransactionManager(this.chain.web3j(), DevAccounts.executor(), this.chain.chainId(),
							new PollingTransactionReceiptProcessor(this.chain.web3j(), 50, 200)),
					new DefaultGasProvider());
		byte[] id = new byte[32];
		new SecureRandom().nextBytes(id);
		executor
			.executeDeposit(id, target, BigInteger.valueOf(1_000_000L), BigInteger.ONE,
					BigInteger.valueOf(Instant.now().getEpochSecond() + 3_600))
			.send();
	}

	/**
	 * The local chain, except that its newest block is the one the test names; counts the
	 * requests (a batch is one).
	 */
	static final class PinnedHead extends CountingChain {

		final AtomicInteger heads = new AtomicInteger();

		/** Batches wait for it: a test holds a read in the middle with it. */
		volatile CountDownLatch hold = new CountDownLatch(0);

		volatile EthBlock.Block head;

		PinnedHead(Web3jService chain) {
			super(chain);
		}

		@Override
		protected <T extends Response> T answer(Request request, Class<T> type) throws IOException {
			if ("eth_getBlockByNumber".equals(request.getMethod())
					&& DefaultBlockParameterName.LATEST.getValue().equals(request.getParams().getFirst())) {
				this.heads.incrementAndGet();
				EthBlock answer = new EthBlock();
				answer.setResult(this.head);
				return type.cast(answer);
			}
			return super.answer(request, type);
		}

		@Override
		protected void beforeBatch() throws IOException {
			try {
				if (!this.hold.await(1, TimeUnit.MINUTES)) {
					throw new IOException("the test never let the batch go");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}

	}

}
