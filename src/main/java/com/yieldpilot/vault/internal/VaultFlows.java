package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * The owner's money in and out of a vault, from the vault's events: what the portfolio's
 * profit is measured against.
 */
final class VaultFlows {

	private static final String FUNDED = EventEncoder.buildEventSignature("Funded(address,uint256)");

	private static final String TOKEN_WITHDRAWN = EventEncoder
		.buildEventSignature("TokenWithdrawn(address,address,uint256)");

	private static final String POSITION_REDEEMED = EventEncoder
		.buildEventSignature("PositionRedeemed(address,address,uint256,uint256)");

	private VaultFlows() {
	}

	/**
	 * The owner's net deposits up to {@code toBlock}: {@code net} plus what was funded
	 * and less what the owner took out in the asset (withdrawn or redeemed to them) in
	 * the blocks after {@code fromBlock}. Shares the owner withdraws as tokens are not
	 * counted (their worth in the asset is not in the event).
	 */
	static BigInteger netDeposits(Web3j web3j, Vault vault, BigInteger net, long fromBlock, long toBlock) {
		if (toBlock <= fromBlock) {
			return net;
		}
		try {
			EthFilter filter = new EthFilter(new DefaultBlockParameterNumber(fromBlock + 1),
					new DefaultBlockParameterNumber(toBlock), vault.address());
			filter.addOptionalTopics(FUNDED, TOKEN_WITHDRAWN, POSITION_REDEEMED);
			EthLog logs = web3j.ethGetLogs(filter).send();
			if (logs.hasError()) {
				throw new IOException(logs.getError().getMessage());
			}
			BigInteger result = net;
			for (EthLog.LogResult<?> entry : logs.getLogs()) {
				Log log = (Log) entry.get();
				String topic = log.getTopics().getFirst();
				List<String> words = words(log.getData());
				if (FUNDED.equals(topic)) {
					result = result.add(Numeric.toBigInt(words.get(0)));
				}
				else if (TOKEN_WITHDRAWN.equals(topic)
						&& topicAddress(log.getTopics().get(1)).equalsIgnoreCase(vault.assetAddress())) {
					result = result.subtract(Numeric.toBigInt(words.get(0)));
				}
				else if (POSITION_REDEEMED.equals(topic)) {
					result = result.subtract(Numeric.toBigInt(words.get(1)));
				}
			}
			return result;
		}
		catch (IOException | RuntimeException ex) {
			throw new VaultReadException("Cannot read the events of vault " + vault.address() + ": " + ex.getMessage(),
					ex);
		}
	}

	private static List<String> words(String data) {
		String hex = Numeric.cleanHexPrefix(data);
		List<String> words = new ArrayList<>();
		for (int i = 0; i + 64 <= hex.length(); i += 64) {
			words.add(hex.substring(i, i + 64));
		}
		return words;
	}

	private static String topicAddress(String topic) {
		return "0x" + Numeric.cleanHexPrefix(topic).substring(24);
	}

}
