package com.yieldpilot.market.internal.onchain;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * Executes reads pinned to one block. With a Multicall3 address, a batch is one
 * {@code aggregate3} call; without, it is one {@code eth_call} per read at the same block
 * number, which gives the same consistency at the cost of round trips.
 */
public class BlockReader {

	/**
	 * Reads per {@code aggregate3}: an {@code eth_call} has a gas cap (50 million on geth
	 * by default), and a hundred view calls stay far below it.
	 */
	static final int MAX_CALLS_PER_AGGREGATE = 100;

	private final Web3j web3j;

	private final @Nullable String multicall3;

	public BlockReader(Web3j web3j, @Nullable String multicall3) {
		this.web3j = web3j;
		this.multicall3 = multicall3;
	}

	/** The Multicall3 a batch goes through; null when each read is its own call. */
	public @Nullable String multicall3() {
		return this.multicall3;
	}

	/** The latest block number, to pin a batch of reads to. */
	public BigInteger latestBlock() {
		try {
			return this.web3j.ethBlockNumber().send().getBlockNumber();
		}
		catch (IOException ex) {
			throw new ChainReadException("Cannot read the latest block number", ex);
		}
	}

	/**
	 * One read at the given block; reverts and RPC errors become
	 * {@link ChainReadException}.
	 */
	@SuppressWarnings("rawtypes")
	public List<Type> call(ChainCall call, BigInteger block) {
		String data = FunctionEncoder.encode(call.function());
		return decode(call, ethCall(call.target(), data, block));
	}

	/**
	 * Several reads at one block. A read that fails does not fail the others: its entry
	 * is null.
	 */
	@SuppressWarnings("rawtypes")
	public List<@Nullable List<Type>> batch(List<ChainCall> calls, BigInteger block) {
		if (this.multicall3 == null) {
			List<@Nullable List<Type>> results = new ArrayList<>();
			for (ChainCall call : calls) {
				try {
					results.add(call(call, block));
				}
				catch (ChainReadException ex) {
					results.add(null);
				}
			}
			return results;
		}
		List<@Nullable List<Type>> results = new ArrayList<>();
		for (int start = 0; start < calls.size(); start += MAX_CALLS_PER_AGGREGATE) {
			results.addAll(
					aggregate3(calls.subList(start, Math.min(calls.size(), start + MAX_CALLS_PER_AGGREGATE)), block));
		}
		return results;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private List<@Nullable List<Type>> aggregate3(List<ChainCall> calls, BigInteger block) {
		List<Call3> encoded = calls.stream()
			.map(c -> new Call3(c.target(), true, Numeric.hexStringToByteArray(FunctionEncoder.encode(c.function()))))
			.toList();
		Function aggregate = new Function("aggregate3", List.of(new DynamicArray<>(Call3.class, encoded)),
				List.of(new TypeReference<DynamicArray<Result>>() {
				}));
		String raw = ethCall(this.multicall3, FunctionEncoder.encode(aggregate), block);
		List<Type> decoded = FunctionReturnDecoder.decode(raw, aggregate.getOutputParameters());
		if (decoded.isEmpty()) {
			throw new ChainReadException("Multicall3 at " + this.multicall3 + " returned nothing");
		}
		List<Result> results = ((DynamicArray<Result>) decoded.get(0)).getValue();
		List<@Nullable List<Type>> values = new ArrayList<>();
		for (int i = 0; i < calls.size(); i++) {
			Result result = results.get(i);
			if (!result.success || result.returnData.length == 0) {
				values.add(null);
				continue;
			}
			try {
				values.add(decode(calls.get(i), Numeric.toHexString(result.returnData)));
			}
			catch (ChainReadException ex) {
				values.add(null);
			}
		}
		return values;
	}

	private String ethCall(String target, String data, BigInteger block) {
		try {
			EthCall response = this.web3j
				.ethCall(Transaction.createEthCallTransaction(null, target, data), DefaultBlockParameter.valueOf(block))
				.send();
			if (response.hasError()) {
				throw new ChainReadException("eth_call to " + target + " failed: " + response.getError().getMessage());
			}
			if (response.isReverted()) {
				throw new ChainReadException("eth_call to " + target + " reverted: " + response.getRevertReason());
			}
			return response.getValue();
		}
		catch (IOException ex) {
			throw new ChainReadException("RPC unreachable while calling " + target, ex);
		}
	}

	@SuppressWarnings("rawtypes")
	private static List<Type> decode(ChainCall call, String raw) {
		List<Type> values = FunctionReturnDecoder.decode(raw, call.function().getOutputParameters());
		if (values.size() != call.function().getOutputParameters().size()) {
			throw new ChainReadException("Unexpected answer from " + call.target() + " to " + call.function().getName()
					+ ": " + raw + " (is it the right contract?)");
		}
		return values;
	}

	/** Multicall3's {@code Call3} tuple. */
	public static class Call3 extends DynamicStruct {

		public Call3(String target, boolean allowFailure, byte[] callData) {
			super(new Address(target), new Bool(allowFailure), new DynamicBytes(callData));
		}

		public Call3(Address target, Bool allowFailure, DynamicBytes callData) {
			super(target, allowFailure, callData);
		}

	}

	/** Multicall3's {@code Result} tuple. */
	public static class Result extends DynamicStruct {

		final boolean success;

		final byte[] returnData;

		public Result(Bool success, DynamicBytes returnData) {
			super(success, returnData);
			this.success = success.getValue();
			this.returnData = returnData.getValue();
		}

	}

}
