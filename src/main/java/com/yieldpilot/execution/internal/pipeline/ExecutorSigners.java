package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.IntStream;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.chain.DevAccounts;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.WalletUtils;
import org.web3j.service.TxSignService;
import org.web3j.service.TxSignServiceImpl;
import org.web3j.utils.Numeric;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The executor key per chain, behind web3j's {@link TxSignService} so that the key can
 * live in a KMS or HSM ({@code TxHSMSignService}): a deployment that supplies a
 * {@code TxSignService} bean signs there. Otherwise the key comes from the encrypted
 * keystore file {@code yieldpilot.execution.keystore} (its password from the
 * environment), and on local mode's chain from anvil's public development key. The key
 * never leaves the signer and is never logged.
 */
@Component
public class ExecutorSigners {

	/** The smallest batch signed on several threads; fewer are signed on the caller's. */
	static final int PARALLEL_FROM = 8;

	private final ObjectProvider<TxSignService> supplied;

	private final ExecutionProperties properties;

	private final ChainAccess chains;

	private final ConcurrentMap<String, TxSignService> loaded = new ConcurrentHashMap<>();

	ExecutorSigners(ObjectProvider<TxSignService> supplied, ExecutionProperties properties, ChainAccess chains) {
		this.supplied = supplied;
		this.properties = properties;
		this.chains = chains;
	}

	/**
	 * The signer for the chain.
	 * @throws IllegalStateException when no key is configured for it
	 */
	public TxSignService signer(long chainId) {
		TxSignService bean = this.supplied.getIfAvailable();
		if (bean != null) {
			return bean;
		}
		if (this.properties.keystore() != null) {
			return this.loaded.computeIfAbsent("keystore", (k) -> keystore());
		}
		if (this.chains.isLocal(chainId)) {
			return this.loaded.computeIfAbsent("local", (k) -> new TxSignServiceImpl(DevAccounts.executor()));
		}
		throw new IllegalStateException("No executor key for chain " + chainId
				+ ": set yieldpilot.execution.keystore to an encrypted keystore file and "
				+ "YIELDPILOT_EXECUTION_KEYSTOREPASSWORD to its password, or supply a TxSignService bean (KMS)");
	}

	/** A signed transaction: its raw bytes and their hash, both hex. */
	record Signature(String raw, String hash) {
	}

	/**
	 * Signs each transaction, in order. A key held in memory signs on every core when
	 * there are {@value #PARALLEL_FROM} or more: secp256k1 signing with web3j costs about
	 * a millisecond of CPU per transaction (the signature, then the public key recovered
	 * to find {@code v}), so a batch of a hundred is a tenth of a second on one core. A
	 * KMS or HSM signer is called one transaction after the other, as its client may not
	 * be safe to call from several threads.
	 * @return the signatures in the order of the transactions
	 */
	static List<Signature> signAll(TxSignService signer, long chainId, List<RawTransaction> transactions) {
		IntStream indices = IntStream.range(0, transactions.size());
		if (signer instanceof TxSignServiceImpl && transactions.size() >= PARALLEL_FROM) {
			indices = indices.parallel();
		}
		return indices.mapToObj((i) -> signature(signer.sign(transactions.get(i), chainId))).toList();
	}

	private static Signature signature(byte[] bytes) {
		return new Signature(Numeric.toHexString(bytes), Numeric.toHexString(Hash.sha3(bytes)));
	}

	private TxSignService keystore() {
		String password = this.properties.keystorePassword();
		if (password == null || password.isEmpty()) {
			throw new IllegalStateException("yieldpilot.execution.keystore is set but its password is not: set "
					+ "YIELDPILOT_EXECUTION_KEYSTOREPASSWORD in the environment");
		}
		try {
			Credentials credentials = WalletUtils.loadCredentials(password, this.properties.keystore().toFile());
			return new TxSignServiceImpl(credentials);
		}
		catch (IOException | CipherException ex) {
			// the exception names the file and the failure, never the password or the key
			throw new IllegalStateException("The executor keystore " + this.properties.keystore()
					+ " cannot be opened: " + ex.getClass().getSimpleName() + " (a wrong password or a damaged file)",
					ex);
		}
	}

}
