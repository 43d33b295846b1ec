package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionTxRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.service.TxSignService;
import org.web3j.utils.Numeric;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * Follows sent transactions to the end. A receipt for any attempt at the execution's
 * nonce makes it mined; it is final once the block is the chain's at its height and as
 * deep as the chain's confirmation depth. A mined block that the chain no longer has (a
 * reorg) sends the execution back to broadcast with the same bytes. A transaction the
 * node no longer knows (dropped) is sent again as it was, which also fills the nonce gap
 * behind it. One pending for {@code stuck-after} since it was last sent is replaced at
 * the same nonce with both fee caps 12.5% higher, never above the cap. Nothing here takes
 * a new nonce.
 */
@Component
class Confirmations {

	private static final Logger log = LoggerFactory.getLogger(Confirmations.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ExecutionStore store;

	private final ExecutionReads reads;

	private final ChainTxStore chainTxs;

	private final ExecutionPipeline pipeline;

	private final ChainAccess chains;

	private final ExecutorSigners signers;

	private final Fees fees;

	private final ExecutionProperties properties;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Confirmations(ExecutionStore store, ExecutionReads reads, ChainTxStore chainTxs, ExecutionPipeline pipeline,
			ChainAccess chains, ExecutorSigners signers, Fees fees, ExecutionProperties properties,
			TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.reads = reads;
		this.chainTxs = chainTxs;
		this.pipeline = pipeline;
		this.chains = chains;
		this.signers = signers;
		this.fees = fees;
		this.properties = properties;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Checks every execution in flight once; what could not be checked is logged once per
	 * cause ({@link CheckFailures}).
	 */
	void poll() {
		CheckFailures failures = new CheckFailures();
		for (ExecutionRecord row : this.reads.inFlight(500)) {
			try {
				check(row);
			}
			catch (IOException | RuntimeException ex) {
				failures.add(new ExecutionId(row.getId()), ex);
			}
		}
		failures.lines().forEach(log::warn);
	}

	void check(ExecutionRecord row) throws IOException {
		ExecutionId id = new ExecutionId(row.getId());
		Web3j web3j = this.chains.client(row.getChainId());
		List<ExecutionTxRecord> attempts = this.chainTxs.attempts(id);
		Optional<TransactionReceipt> receipt = Optional.empty();
		for (ExecutionTxRecord attempt : attempts) {
			receipt = web3j.ethGetTransactionReceipt(attempt.getTxHash()).send().getTransactionReceipt();
			if (receipt.isPresent()) {
				break;
			}
		}
		ExecutionState state = ExecutionState.valueOf(row.getState());
		if (receipt.isEmpty()) {
			if (state == ExecutionState.MINED) {
				this.store.move(id, null, List.of(ExecutionState.MINED), ExecutionState.BROADCAST,
						"block " + row.getBlockNumber() + " was reorganised away; sending the same transaction again",
						Map.of());
				resend(web3j, attempts.get(attempts.size() - 1));
				return;
			}
			pending(row, id, web3j, attempts);
			return;
		}
		TransactionReceipt mined = receipt.get();
		long block = mined.getBlockNumber().longValueExact();
		if (state == ExecutionState.BROADCAST || !mined.getBlockHash().equalsIgnoreCase(row.getBlockHash())) {
			String detail = (state == ExecutionState.MINED)
					? "mined again in block " + block + " after a reorg removed block " + row.getBlockNumber()
					: "mined in block " + block;
			if (!this.store.move(id, null, List.of(ExecutionState.BROADCAST, ExecutionState.MINED),
					ExecutionState.MINED, detail, Map.of(EXECUTION.BLOCK_NUMBER, block, EXECUTION.BLOCK_HASH,
							mined.getBlockHash(), EXECUTION.TX_HASH, mined.getTransactionHash()))) {
				return;
			}
		}
		long head = web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
		int depth = this.properties.confirmationsFor(row.getChainId());
		if (head - block + 1 < depth) {
			return;
		}
		EthBlock.Block canonical = web3j
			.ethGetBlockByNumber(DefaultBlockParameter.valueOf(mined.getBlockNumber()), false)
			.send()
			.getBlock();
		if (canonical == null || !canonical.getHash().equalsIgnoreCase(mined.getBlockHash())) {
			return; // the node answers from a fork it is leaving; the next poll sees the
					// settled chain
		}
		BigInteger price = (mined.getEffectiveGasPrice() != null) ? Numeric.decodeQuantity(mined.getEffectiveGasPrice())
				: BigInteger.ZERO;
		Map<org.jooq.Field<?>, Object> sets = Map.of(EXECUTION.GAS_USED, mined.getGasUsed().longValueExact(),
				EXECUTION.COST_WEI, mined.getGasUsed().multiply(price));
		if (mined.isStatusOK()) {
			this.pipeline.finish(id, null, Set.of(ExecutionState.MINED), ExecutionState.CONFIRMED,
					"final: " + depth + " block(s) deep at block " + head + "; gas " + mined.getGasUsed(), sets);
		}
		else {
			String why = replay(web3j, row, mined);
			this.pipeline.finish(id, null, Set.of(ExecutionState.MINED), ExecutionState.FAILED,
					"reverted on chain in block " + block + ": " + why, sets);
		}
	}

	private void pending(ExecutionRecord row, ExecutionId id, Web3j web3j, List<ExecutionTxRecord> attempts)
			throws IOException {
		ExecutionTxRecord latest = attempts.get(attempts.size() - 1);
		boolean known = web3j.ethGetTransactionByHash(latest.getTxHash()).send().getTransaction().isPresent();
		if (!known) {
			Broadcaster.Sent sent = resend(web3j, latest);
			this.store.step(id, ExecutionState.BROADCAST,
					"the node no longer had it (dropped); sent the same bytes again: " + sent.detail());
			return;
		}
		if (Duration.between(lastSent(latest), this.clock.instant()).compareTo(this.properties.stuckAfter()) < 0) {
			return;
		}
		replace(row, id, web3j, latest);
	}

	/**
	 * When the node last took the attempt: the pool has had it since then, so that is
	 * where its stuck period starts. Signing can be long before (a crash or an
	 * unreachable RPC between signing and sending), and a dropped attempt sent again
	 * starts anew. One never recorded as sent (a crash right after sending it) counts
	 * from its signing.
	 */
	private static Instant lastSent(ExecutionTxRecord attempt) {
		OffsetDateTime sent = attempt.getLastSentAt();
		return ((sent != null) ? sent : attempt.getSignedAt()).toInstant();
	}

	/**
	 * Replaces a stuck transaction at the same nonce: both fee caps 12.5% higher, at most
	 * the cap; saved before it is sent, like the first.
	 */
	private void replace(ExecutionRecord row, ExecutionId id, Web3j web3j, ExecutionTxRecord latest)
			throws IOException {
		Plan plan = JSON.readValue(row.getPlan(), Plan.class);
		BigInteger cap = this.fees.cap(this.pipeline.ruleCap(row));
		Fees.Caps previous = new Fees.Caps(latest.getMaxFeeWei(), latest.getMaxPriorityFeeWei());
		Fees.Caps bumped = this.fees.bump(previous, this.fees.quote(web3j), cap);
		if (bumped == null) {
			String note = "stuck at the fee cap of " + Fees.inGwei(cap) + " gwei; waiting for cheaper gas";
			if (!note.equals(row.getReason())) {
				this.store.move(id, null, List.of(ExecutionState.BROADCAST), ExecutionState.BROADCAST, note, Map.of());
			}
			return;
		}
		TxSignService signer = this.signers.signer(row.getChainId());
		RawTransaction tx = RawTransaction.createTransaction(row.getChainId(), BigInteger.valueOf(row.getNonce()),
				BigInteger.valueOf(row.getGasLimit()), plan.vault(), BigInteger.ZERO, plan.calldata(),
				bumped.priorityFee(), bumped.maxFee());
		byte[] bytes = signer.sign(tx, row.getChainId());
		String raw = Numeric.toHexString(bytes);
		String hash = Numeric.toHexString(Hash.sha3(bytes));
		int attempt = latest.getAttempt() + 1;
		this.transactions.executeWithoutResult((status) -> {
			this.chainTxs.saveAttempt(id, attempt, hash, raw, bumped.maxFee(), bumped.priorityFee());
			this.store.move(id, null, List.of(ExecutionState.BROADCAST), ExecutionState.BROADCAST,
					"replaced at nonce " + row.getNonce() + " as " + hash + ": max fee "
							+ Fees.inGwei(previous.maxFee()) + " → " + Fees.inGwei(bumped.maxFee()) + " gwei, tip "
							+ Fees.inGwei(previous.priorityFee()) + " → " + Fees.inGwei(bumped.priorityFee()) + " gwei",
					Map.of(EXECUTION.TX_HASH, hash));
		});
		resend(web3j, this.chainTxs.attempts(id).get(attempt - 1));
	}

	private Broadcaster.Sent resend(Web3j web3j, ExecutionTxRecord attempt) {
		Broadcaster.Sent sent = Broadcaster.send(web3j, attempt.getRawTx(), attempt.getTxHash());
		if (sent.kind() == Broadcaster.Kind.ACCEPTED || sent.kind() == Broadcaster.Kind.KNOWN) {
			this.chainTxs.sent(attempt.getTxHash());
		}
		return sent;
	}

	/** Why a mined transaction reverted: the same call replayed at the block before. */
	private String replay(Web3j web3j, ExecutionRecord row, TransactionReceipt mined) {
		try {
			Plan plan = JSON.readValue(row.getPlan(), Plan.class);
			ChainCalls.Outcome outcome = ChainCalls.call(web3j, row.getFromAddress(), plan.vault(), plan.calldata(),
					DefaultBlockParameter.valueOf(mined.getBlockNumber().subtract(BigInteger.ONE)));
			return outcome.reverted() ? outcome.revert() : "the state changed within the block";
		}
		catch (IOException | RuntimeException ex) {
			return "the reason could not be read (" + ex.getMessage() + ")";
		}
	}

}
