package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.util.Locale;

import org.web3j.protocol.Web3j;
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
