package com.yieldpilot.execution.internal.pipeline;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.yieldpilot.chain.DevAccounts;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.service.TxSignService;
import org.web3j.service.TxSignServiceImpl;
import org.web3j.utils.Numeric;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutorSignersTest {

	private static final long CHAIN = 31337;

	private final TxSignService key = new TxSignServiceImpl(DevAccounts.executor());

	@Test
	void signsABatchOnSeveralThreadsExactlyAsOneAfterTheOther() throws Exception {
		List<RawTransaction> txs = transactions(3 * ExecutorSigners.PARALLEL_FROM);

		List<ExecutorSigners.Signature> signed = ExecutorSigners.signAll(this.key, CHAIN, txs);

		assertThat(signed).hasSize(txs.size());
		for (int i = 0; i < txs.size(); i++) {
			byte[] alone = this.key.sign(txs.get(i), CHAIN);
			assertThat(signed.get(i).raw()).isEqualTo(Numeric.toHexString(alone));
			assertThat(signed.get(i).hash()).isEqualTo(Numeric.toHexString(Hash.sha3(alone)));
			SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed.get(i).raw());
			assertThat(decoded.getNonce()).isEqualTo(BigInteger.valueOf(100 + i));
			assertThat(decoded.getFrom()).isEqualToIgnoringCase(this.key.getAddress());
		}
	}

	@Test
	void signsWithASuppliedSignerOneTransactionAtATime() {
		List<String> threads = new ArrayList<>();
		TxSignService kms = new TxSignService() {

			@Override
			public byte[] sign(RawTransaction tx, long chainId) {
				synchronized (threads) {
					threads.add(Thread.currentThread().getName());
				}
				return ExecutorSignersTest.this.key.sign(tx, chainId);
			}

			@Override
			public String getAddress() {
				return ExecutorSignersTest.this.key.getAddress();
			}

		};
		List<RawTransaction> txs = transactions(2 * ExecutorSigners.PARALLEL_FROM);

		List<ExecutorSigners.Signature> signed = ExecutorSigners.signAll(kms, CHAIN, txs);

		assertThat(signed).hasSize(txs.size());
		assertThat(threads).containsOnly(Thread.currentThread().getName());
	}

	private static List<RawTransaction> transactions(int count) {
		return IntStream.range(0, count)
			.mapToObj((i) -> RawTransaction.createTransaction(CHAIN, BigInteger.valueOf(100 + i),
					BigInteger.valueOf(300_000), "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", BigInteger.ZERO,
					"0x" + "ab".repeat(68) + Integer.toHexString(0x10 + i), BigInteger.ONE, BigInteger.TEN))
			.toList();
	}

}
