package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;

/** {@code eth_call} and {@code eth_estimateGas}, with reverts decoded. */
final class ChainCalls {

	private ChainCalls() {
	}

	/** A call's output, or why it reverted. */
	record Outcome(@Nullable String output, @Nullable String revert) {

		boolean reverted() {
			return this.revert != null;
		}

	}

	static Outcome call(Web3j web3j, String from, String to, String data, DefaultBlockParameter block)
			throws IOException {
		return outcome(web3j.ethCall(Transaction.createEthCallTransaction(from, to, data), block).send());
	}

	private static Outcome outcome(EthCall call) {
		if (call.hasError()) {
			return new Outcome(null, revert(call.getError()));
		}
		if (call.isReverted()) {
			return new Outcome(null, RevertReasons.describe(call.getValue(), call.getRevertReason()));
		}
		return new Outcome(call.getValue(), null);
	}

	/**
	 * A simulation in one round trip: {@code eth_estimateGas} of the call at the latest
	 * block. A node runs the call at its gas cap first and answers a revert with the
	 * revert's data and message, as {@code eth_call} does (anvil, geth, and the other
	 * clients since EIP-1474's error 3), so the estimate alone finds what the pair of
	 * calls found and carries the same reason (decision 0018).
	 * @return the estimate's gas as output, or why the call reverts
	 */
	static Outcome simulate(Web3j web3j, String from, String to, String data) throws IOException {
		return outcome(web3j.ethEstimateGas(Transaction.createFunctionCallTransaction(from, null, null, null, to, data))
			.send());
	}

	/** One call to simulate from the executor: the vault and the calldata. */
	record Call(String to, String data) {
	}

	/**
	 * {@link #simulate} of many calls in one JSON-RPC batch, all at the latest block.
	 * @return the outcomes in the order of the calls
	 */
	static List<Outcome> simulateAll(Web3j web3j, String from, List<Call> calls) throws IOException {
		if (calls.size() == 1) {
			return List.of(simulate(web3j, from, calls.getFirst().to(), calls.getFirst().data()));
		}
		BatchRequest batch = web3j.newBatch();
		for (Call call : calls) {
			batch.add(web3j.ethEstimateGas(
					Transaction.createFunctionCallTransaction(from, null, null, null, call.to(), call.data())));
		}
		List<? extends Response<?>> answers = batch.send().getResponses();
		List<Outcome> outcomes = new ArrayList<>();
		for (int i = 0; i < calls.size(); i++) {
			outcomes.add(outcome((EthEstimateGas) answers.get(i)));
		}
		return outcomes;
	}

	private static Outcome outcome(EthEstimateGas estimate) {
		if (estimate.hasError()) {
			return new Outcome(null, revert(estimate.getError()));
		}
		return new Outcome(estimate.getAmountUsed().toString(), null);
	}

	private static String revert(Response.Error error) {
		String data = (error.getData() instanceof String text) ? text : null;
		if (data != null && data.startsWith("\"")) {
			data = data.replace("\"", "");
		}
		return RevertReasons.describe(data, error.getMessage());
	}

}
