package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.service.TxSignService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * The "sign and save" step of a batch of one chain's simulated executions: the executor
 * key's nonces come from its sequence in PostgreSQL, and every transaction signed is
 * saved, raw and with its locally computed hash, in the same commit that took its nonce
 * and moved its execution to SIGNED. Nothing is sent from here, so a crash before the
 * commit spends no nonce, and one after it finds the bytes to send again.
 */
@Component
class BatchSigning {

	private final ExecutionStore store;

	private final ExecutionLeases leases;

	private final ChainTxStore chainTxs;

	private final ExecutorSigners signers;

	private final ChainAccess chains;

	private final TransactionTemplate transactions;

	/** Chain id and address of each key whose nonce sequence is known to exist. */
	private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();

	BatchSigning(ExecutionStore store, ExecutionLeases leases, ChainTxStore chainTxs, ExecutorSigners signers,
			ChainAccess chains, TransactionTemplate transactions) {
		this.store = store;
		this.leases = leases;
		this.chainTxs = chainTxs;
		this.signers = signers;
		this.chains = chains;
		this.transactions = transactions;
	}

	/**
	 * A simulated execution, under its fencing token, with what its transaction carries.
	 */
	record Unsigned(ExecutionId id, long token, String to, String calldata, long gasLimit, Fees.Caps caps) {
	}

	/** What an execution was signed and saved as: its raw transaction and hash. */
	record Signed(ExecutionId id, String from, long nonce, String hash, String raw) {
	}

	/**
	 * What became of a batch: the executions signed, in the batch's order, or why none
	 * could be.
	 *
	 * @param unsignable why nothing was signed when the key's nonce could not be read;
	 * null otherwise
	 */
	record Signatures(List<Signed> signed, @Nullable String unsignable) {

		static Signatures unsignable(String why) {
			return new Signatures(List.of(), why);
		}

	}

	/**
	 * Takes as many of the key's nonces as there are executions still fenced in, signs
	 * each and saves its raw transaction and hash, all in one database transaction that
	 * first locks every execution under its own token: an execution whose lease was lost
	 * is left out before any nonce is taken, and every nonce taken is saved signed in the
	 * same commit, or none is.
	 */
	Signatures signAll(long chainId, List<Unsigned> batch) {
		TxSignService signer = this.signers.signer(chainId);
		String from = signer.getAddress().toLowerCase(Locale.ROOT);
		String key = chainId + "/" + from;
		if (!this.knownKeys.contains(key)) {
			// a key's sequence starts at the chain's count the first time it signs; from
			// then on PostgreSQL's row is the only source of nonces
			try {
				BigInteger chainNonce = this.chains.client(chainId)
					.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING)
					.send()
					.getTransactionCount();
				this.chainTxs.ensureKey(chainId, from, chainNonce.longValueExact());
				this.knownKeys.add(key);
			}
			catch (IOException | RuntimeException ex) {
				return Signatures.unsignable("the executor key's nonce could not be read (" + ex.getMessage() + ")");
			}
		}
		Map<ExecutionId, Long> tokens = new HashMap<>();
		batch.forEach((u) -> tokens.put(u.id(), u.token()));
		List<Signed> signed = this.transactions.execute((status) -> {
			Set<ExecutionId> fenced = this.leases.lockAllFor(tokens, ExecutionState.SIMULATED);
			List<Unsigned> go = batch.stream().filter((u) -> fenced.contains(u.id())).toList();
			if (go.isEmpty()) {
				return List.<Signed>of(); // other nodes took them all over: the fence
			}
			OptionalLong first = this.chainTxs.takeNonces(chainId, from, go.size());
			if (first.isEmpty()) {
				// its row is gone: read the chain's count again before signing
				this.knownKeys.remove(key);
				throw new IllegalStateException("the executor key " + from + " has no nonce sequence yet");
			}
			List<RawTransaction> txs = new ArrayList<>();
			for (int k = 0; k < go.size(); k++) {
				Unsigned u = go.get(k);
				txs.add(RawTransaction.createTransaction(chainId, BigInteger.valueOf(first.getAsLong() + k),
						BigInteger.valueOf(u.gasLimit()), u.to(), BigInteger.ZERO, u.calldata(), u.caps().priorityFee(),
						u.caps().maxFee()));
			}
			List<ExecutorSigners.Signature> signatures = ExecutorSigners.signAll(signer, chainId, txs);
			List<Signed> done = new ArrayList<>();
			List<ChainTxStore.Attempt> attempts = new ArrayList<>();
			List<ExecutionStore.Advance> advances = new ArrayList<>();
			for (int k = 0; k < go.size(); k++) {
				Unsigned u = go.get(k);
				long nonce = first.getAsLong() + k;
				String hash = signatures.get(k).hash();
				done.add(new Signed(u.id(), from, nonce, hash, signatures.get(k).raw()));
				attempts.add(new ChainTxStore.Attempt(u.id(), 1, hash, signatures.get(k).raw(), u.caps().maxFee(),
						u.caps().priorityFee()));
				advances.add(new ExecutionStore.Advance(u.id(), u.token(),
						"signed with nonce " + nonce + " as " + hash + " (max fee " + Fees.inGwei(u.caps().maxFee())
								+ " gwei, tip " + Fees.inGwei(u.caps().priorityFee()) + " gwei)",
						Map.of(EXECUTION.FROM_ADDRESS, from, EXECUTION.NONCE, nonce, EXECUTION.TX_HASH, hash)));
			}
			// the saved transactions and the moves to SIGNED go in one JDBC batch, in
			// this transaction with the nonces
			Set<ExecutionId> moved = this.store.moveAll(advances, List.of(ExecutionState.SIMULATED),
					ExecutionState.SIGNED, this.chainTxs.saveAttempts(attempts));
			if (moved.size() != go.size()) {
				// cannot happen under the row locks; if it did, no nonce of the batch may
				// be spent without its saved transaction
				throw new IllegalStateException(
						(go.size() - moved.size()) + " of " + go.size() + " executions moved while locked for signing");
			}
			return done;
		});
		return new Signatures((signed != null) ? signed : List.of(), null);
	}

}
