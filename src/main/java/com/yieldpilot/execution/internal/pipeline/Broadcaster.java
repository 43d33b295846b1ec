package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;

/**
 * Sends saved bytes and reads the answer. The node's "already known" and "nonce too low"
 * mean the transaction (or one at its nonce) is already pooled or mined: the confirmation
 * step finds out which, so neither is a failure. A hash other than the one computed
 * locally means the node is not telling the truth about these bytes.
 */
final class Broadcaster {

	private Broadcaster() {
	}

	enum Kind {

		/** The node took it and answered its hash. */
		ACCEPTED,
		/**
		 * Already pooled, or its nonce already used (mined, or replaced by our own
		 * attempt).
		 */
		KNOWN,
		/** The node answered a different hash. */
		MISMATCH,
		/** Not sent: the node could not be reached or refused it for now. */
		FAILED

	}

	record Sent(Kind kind, String detail) {
	}

	static Sent send(Web3j web3j, String raw, String hash) {
		EthSendTransaction answer;
		try {
			answer = web3j.ethSendRawTransaction(raw).send();
		}
		catch (IOException | RuntimeException ex) {
			return new Sent(Kind.FAILED, "the RPC could not be reached: " + ex.getMessage());
		}
		return read(answer, hash);
	}

	/** A saved transaction to send: its raw bytes and the hash computed when signing. */
	record Signed(String raw, String hash) {
	}

	/**
	 * Sends many saved transactions in one JSON-RPC batch, in order (a node handles the
	 * lower nonces first, and a later one it sees first waits in its pool for them), and
	 * reads each answer on its own.
	 * @return the answers in the order of the transactions
	 */
	static List<Sent> sendAll(Web3j web3j, List<Signed> signed) {
		if (signed.size() == 1) {
			return List.of(send(web3j, signed.getFirst().raw(), signed.getFirst().hash()));
		}
		List<? extends Response<?>> answers;
		try {
			BatchRequest batch = web3j.newBatch();
			signed.forEach((tx) -> batch.add(web3j.ethSendRawTransaction(tx.raw())));
			answers = batch.send().getResponses();
		}
		catch (IOException | RuntimeException ex) {
			Sent failed = new Sent(Kind.FAILED, "the RPC could not be reached: " + ex.getMessage());
			return signed.stream().map((tx) -> failed).toList();
		}
		List<Sent> sent = new ArrayList<>();
		for (int i = 0; i < signed.size(); i++) {
			sent.add((i < answers.size()) ? read((EthSendTransaction) answers.get(i), signed.get(i).hash())
					: new Sent(Kind.FAILED, "the RPC's batch answer had no entry for it"));
		}
		return sent;
	}

	private static Sent read(EthSendTransaction answer, String hash) {
		if (answer.hasError()) {
			String message = String.valueOf(answer.getError().getMessage());
			String lower = message.toLowerCase(Locale.ROOT);
			if (lower.contains("already known") || lower.contains("known transaction")
					|| lower.contains("already imported") || lower.contains("already exists")) {
				return new Sent(Kind.KNOWN, "the node already has it (" + message + ")");
			}
			if (lower.contains("nonce too low") || lower.contains("nonce has already been used")
					|| lower.contains("underpriced")) {
				return new Sent(Kind.KNOWN, "its nonce is already taken on chain or in the pool (" + message + ")");
			}
			return new Sent(Kind.FAILED, "the node refused it: " + message);
		}
		String answered = answer.getTransactionHash();
		if (answered == null || !answered.equalsIgnoreCase(hash)) {
			return new Sent(Kind.MISMATCH,
					"the RPC answered hash " + answered + " for a transaction whose hash is " + hash);
		}
		return new Sent(Kind.ACCEPTED, "sent as " + hash);
	}

}
