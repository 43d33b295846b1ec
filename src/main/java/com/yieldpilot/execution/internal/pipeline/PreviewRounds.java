package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

import com.yieldpilot.chain.contracts.PreviewLens;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes4;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * The ERC-4626 previews a batch's plans ask for, asked of the chain in rounds (decision
 * 0018). Each plan sizes itself on a thread of its own and asks for a preview when it
 * needs one; when every plan still running waits for an answer, the round's questions go
 * to each chain as one {@code eth_call} of the preview lens (its creation code, never
 * deployed), at the block each question names. So a batch costs as many round trips as
 * its longest chain of previews (one for a deposit, two to four for a move), whatever its
 * size, and no timer decides when a round goes. A question asked alone is one plain
 * {@code eth_call} of the view.
 */
final class PreviewRounds {

	/**
	 * Questions per {@code eth_call}: about 15 k gas each with a cold target, so a chunk
	 * stays far under the gas nodes allow a call.
	 */
	static final int CHUNK = 256;

	private final LongFunction<Web3j> clients;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition answered = this.lock.newCondition();

	/** Plans not finished yet. */
	private int running;

	private List<Question> pending = new ArrayList<>();

	/** One preview: the view's name, the amount, and where and at which block. */
	private static final class Question {

		final long chainId;

		final long block;

		final String target;

		final String view;

		final BigInteger amount;

		boolean done;

		@Nullable BigInteger answer;

		@Nullable String failure;

		Question(long chainId, long block, String target, String view, BigInteger amount) {
			this.chainId = chainId;
			this.block = block;
			this.target = target;
			this.view = view;
			this.amount = amount;
		}

	}

	/**
	 * @param plans how many plans will ask; each must call {@link #done} when it ends,
	 * however it ends
	 */
	PreviewRounds(int plans, LongFunction<Web3j> clients) {
		this.running = plans;
		this.clients = clients;
	}

	/**
	 * The view's answer for the amount at the block; waits for the round.
	 * @throws IOException when the chain could not be asked, or the view reverted or
	 * answered nothing
	 */
	BigInteger preview(long chainId, long block, String target, String view, BigInteger amount) throws IOException {
		Question question = new Question(chainId, block, target, view, amount);
		this.lock.lock();
		try {
			this.pending.add(question);
			roundIfAllWait();
			while (!question.done) {
				this.answered.awaitUninterruptibly();
			}
		}
		finally {
			this.lock.unlock();
		}
		if (question.failure != null) {
			throw new IOException(question.failure);
		}
		return java.util.Objects.requireNonNull(question.answer);
	}

	/** A plan ended: the others no longer wait for it to ask. */
	void done() {
		this.lock.lock();
		try {
			this.running--;
			roundIfAllWait();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Asks the round's questions once every running plan waits for one. The lock is held
	 * meanwhile: every plan that could take it waits for this round anyway.
	 */
	private void roundIfAllWait() {
		if (this.pending.isEmpty() || this.pending.size() < this.running) {
			return;
		}
		List<Question> round = this.pending;
		this.pending = new ArrayList<>();
		Map<Long, List<Question>> byChain = new LinkedHashMap<>();
		round.forEach((q) -> byChain.computeIfAbsent(q.chainId, (c) -> new ArrayList<>()).add(q));
		try {
			byChain.forEach((chainId, questions) -> {
				try {
					ask(this.clients.apply(chainId), questions);
				}
				catch (IOException | RuntimeException ex) {
					questions.stream()
						.filter((q) -> !q.done)
						.forEach((q) -> answer(q, null, "the previews could not be read: " + ex.getMessage()));
				}
			});
		}
		finally {
			// whatever happened, no plan waits for a round that is over
			round.stream().filter((q) -> !q.done).forEach((q) -> answer(q, null, "the previews were not read"));
			this.answered.signalAll();
		}
	}

	private static void ask(Web3j web3j, List<Question> questions) throws IOException {
		if (questions.size() == 1) {
			Question q = questions.getFirst();
			ChainCalls.Outcome outcome = ChainCalls.call(web3j, q.target, q.target,
					FunctionEncoder.encode(VaultCalls.erc4626View(q.view, q.amount)),
					new DefaultBlockParameterNumber(q.block));
			List<Type> values = outcome.reverted() ? List.of() : FunctionReturnDecoder.decode(outcome.output(),
					VaultCalls.erc4626View(q.view, q.amount).getOutputParameters());
			answer(q, values.isEmpty() ? null : (BigInteger) values.getFirst().getValue(),
					outcome.reverted() ? q.view + " on " + q.target + " reverted: " + outcome.revert()
							: q.view + " on " + q.target + " answered nothing: is it an ERC-4626 vault?");
			return;
		}
		BatchRequest batch = web3j.newBatch();
		List<List<Question>> chunks = new ArrayList<>();
		Map<Long, List<Question>> byBlock = new LinkedHashMap<>();
		questions.forEach((q) -> byBlock.computeIfAbsent(q.block, (b) -> new ArrayList<>()).add(q));
		byBlock.forEach((block, atBlock) -> {
			for (int from = 0; from < atBlock.size(); from += CHUNK) {
				List<Question> chunk = atBlock.subList(from, Math.min(atBlock.size(), from + CHUNK));
				chunks.add(chunk);
				batch.add(web3j.ethCall(Transaction.createEthCallTransaction(null, null, creation(chunk)),
						new DefaultBlockParameterNumber(block)));
			}
		});
		List<? extends Response<?>> answers = batch.send().getResponses();
		for (int c = 0; c < chunks.size(); c++) {
			EthCall call = (EthCall) answers.get(c);
			List<Question> chunk = chunks.get(c);
			if (call.hasError() || call.isReverted()) {
				String why = (call.getError() != null) ? call.getError().getMessage() : "reverted";
				chunk.forEach((q) -> answer(q, null, "the preview lens failed: " + why));
				continue;
			}
			List<BigInteger> words = words(call.getValue());
			for (int i = 0; i < chunk.size(); i++) {
				Question q = chunk.get(i);
				boolean ok = 2 * i + 1 < words.size() && words.get(2 * i).signum() != 0;
				answer(q, ok ? words.get(2 * i + 1) : null,
						q.view + " on " + q.target + " reverted or answered nothing");
			}
		}
	}

	private static void answer(Question q, @Nullable BigInteger value, String otherwise) {
		q.answer = value;
		q.failure = (value != null) ? null : otherwise;
		q.done = true;
	}

	private static String creation(List<Question> questions) {
		List<Address> targets = questions.stream().map((q) -> new Address(q.target)).toList();
		List<Bytes4> views = questions.stream().map((q) -> new Bytes4(selector(q.view))).toList();
		List<Uint256> amounts = questions.stream().map((q) -> new Uint256(q.amount)).toList();
		return PreviewLens.BINARY
				+ FunctionEncoder.encodeConstructor(List.of(new DynamicArray<>(Address.class, targets),
						new DynamicArray<>(Bytes4.class, views), new DynamicArray<>(Uint256.class, amounts)));
	}

	private static byte[] selector(String view) {
		String encoded = FunctionEncoder.encode(VaultCalls.erc4626View(view, BigInteger.ZERO));
		return Numeric.hexStringToByteArray(encoded.substring(0, 10));
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static List<BigInteger> words(String encoded) {
		List<Type> decoded = FunctionReturnDecoder.decode(encoded,
				List.of((TypeReference) new TypeReference<DynamicArray<Uint256>>() {
				}));
		if (decoded.isEmpty()) {
			return List.of();
		}
		return ((List<Uint256>) decoded.getFirst().getValue()).stream().map(Uint256::getValue).toList();
	}

}
