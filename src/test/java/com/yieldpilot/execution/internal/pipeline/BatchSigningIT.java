package com.yieldpilot.execution.internal.pipeline;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.support.ApplicationIT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;
import org.web3j.service.TxSignService;
import org.web3j.service.TxSignServiceImpl;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTOR_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing spends a nonce only with its transaction saved: when the key's sequence cannot
 * be started, or when none of the batch is still this node's, nothing is signed and the
 * key's next nonce stays where it was. The pipeline's own runs check the batch that is
 * signed (ExecutionPipelineIT, ExecutionNodesIT).
 */
class BatchSigningIT extends ApplicationIT {

	private static final long CHAIN = LocalChain.CHAIN_ID;

	/**
	 * A key of the test's own: the shared node's pipeline never signs with it, so its
	 * nonce sequence moves only by what a test does.
	 */
	private final TxSignService key = new TxSignServiceImpl(Credentials.create(keyPair()));

	@Autowired
	ExecutionStore store;

	@Autowired
	ExecutionLeases leases;

	@Autowired
	ChainTxStore chainTxs;

	@Autowired
	ExecutionProperties properties;

	@Autowired
	ChainAccess chains;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aKeyWhoseNonceCannotBeReadSignsNothingAndSaysWhy() {
		Web3j dead = Web3j.build(new HttpService("http://127.0.0.1:1"));

		BatchSigning.Signatures result = new BatchSigning(this.store, this.leases, this.chainTxs, signers(),
				served(dead), this.transactions)
			.signAll(CHAIN, List.of(unsigned()));

		assertThat(result.signed()).isEmpty();
		assertThat(result.unsignable()).startsWith("the executor key's nonce could not be read");
		assertThat(nonce()).as("no sequence was started").isNull();
		dead.shutdown();
	}

	@Test
	void aBatchNoLongerLeasedHereTakesNoNonce() throws Exception {
		BatchSigning signing = new BatchSigning(this.store, this.leases, this.chainTxs, signers(),
				served(this.chains.client(LocalChain.CHAIN_ID)), this.transactions);

		// an execution this node holds no lease on (here: none stored at all)
		BatchSigning.Signatures result = signing.signAll(CHAIN, List.of(unsigned()));

		assertThat(result.unsignable()).isNull();
		assertThat(result.signed()).isEmpty();
		BigInteger count = this.chains.client(LocalChain.CHAIN_ID)
			.ethGetTransactionCount(executor(), DefaultBlockParameterName.PENDING)
			.send()
			.getTransactionCount();
		assertThat(nonce()).as("the sequence starts at the chain's count and none was taken")
			.isEqualTo(count.longValueExact());
	}

	private static BatchSigning.Unsigned unsigned() {
		return new BatchSigning.Unsigned(ExecutionId.random(), 1L, "0x000000000000000000000000000000000000dEaD", "0x",
				21_000, new Fees.Caps(BigInteger.valueOf(2_000_000_000L), BigInteger.ONE));
	}

	private static ChainAccess served(Web3j client) {
		return new ChainAccess() {
			@Override
			public Web3j client(long chainId) {
				return client;
			}

			@Override
			public boolean isLocal(long chainId) {
				return true;
			}
		};
	}

	private ExecutorSigners signers() {
		return new ExecutorSigners(
				new StaticListableBeanFactory(Map.of("key", this.key)).getBeanProvider(TxSignService.class),
				this.properties, this.chains);
	}

	private String executor() {
		return this.key.getAddress().toLowerCase(Locale.ROOT);
	}

	private static ECKeyPair keyPair() {
		try {
			return Keys.createEcKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private @Nullable Long nonce() {
		return this.dsl.select(EXECUTOR_KEY.NEXT_NONCE)
			.from(EXECUTOR_KEY)
			.where(EXECUTOR_KEY.CHAIN_ID.eq(CHAIN).and(EXECUTOR_KEY.ADDRESS.eq(executor())))
			.fetchOne(EXECUTOR_KEY.NEXT_NONCE);
	}

}
