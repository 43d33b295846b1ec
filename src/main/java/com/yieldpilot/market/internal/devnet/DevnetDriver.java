package com.yieldpilot.market.internal.devnet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.chain.contracts.DevnetSteward;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;

/**
 * Applies an update to the devnet's contracts as one numbered step of the steward: every
 * vault's growth factor and every feed's price in one transaction, so a step is applied
 * whole or not at all and the chain grows by one block per step. What failed is returned
 * whole, and the caller merges it into the next step.
 *
 * <p>
 * A step whose receipt did not come may still be mined. Until the chain tells, no other
 * step is sent: the next drive looks the transaction up first. Mined, its part leaves the
 * work ({@link DevnetUpdate#without}); gone from the chain, it was never applied; still
 * waiting in anvil's pool, the drive waits too. So nothing is applied twice or lost. The
 * steward's own numbering refuses a step sent twice as a last guard. Not thread-safe: one
 * worker drives ({@link DevnetFeed}).
 */
final class DevnetDriver {

	private static final Logger log = LoggerFactory.getLogger(DevnetDriver.class);

	private static final BigDecimal ONE = BigDecimal.TEN.pow(18);

	private final DeployerTransactions transactions;

	/** A step sent whose outcome is not known yet. */
	private @Nullable InDoubt doubt;

	private record InDoubt(String hash, BigInteger number, DevnetUpdate update) {
	}

	DevnetDriver(DeployerTransactions transactions) {
		this.transactions = transactions;
	}

	/**
	 * @return what is still to do: empty when everything was applied
	 */
	DevnetUpdate drive(DevnetContracts contracts, DevnetUpdate update) {
		if (update.isEmpty()) {
			return update;
		}
		try {
			Optional<DevnetUpdate> work = settleDoubt(update);
			if (work.isEmpty()) {
				return update;
			}
			if (work.get().isEmpty()) {
				return work.get();
			}
			return step(contracts, work.get());
		}
		catch (IOException | TransactionException | RuntimeException ex) {
			log.warn("Devnet: the market step was not applied ({}); it waits for the next one", ex.getMessage());
			return update;
		}
	}

	/** Whether a step's outcome is still unknown: sent, and no receipt yet. */
	boolean inDoubt() {
		return this.doubt != null;
	}

	// the work once the step in doubt is settled; empty while it is still waiting to
	// be mined
	private Optional<DevnetUpdate> settleDoubt(DevnetUpdate update) throws IOException {
		InDoubt pending = this.doubt;
		if (pending == null) {
			return Optional.of(update);
		}
		Optional<TransactionReceipt> receipt = this.transactions.receipt(pending.hash());
		if (receipt.isPresent()) {
			this.doubt = null;
			if (receipt.get().isStatusOK()) {
				log.info("Devnet: market step {} was mined after all ({})", pending.number(), pending.hash());
				return Optional.of(update.without(pending.update()));
			}
			return Optional.of(update);
		}
		if (this.transactions.known(pending.hash())) {
			log.info("Devnet: market step {} ({}) still waits to be mined; later steps wait for it", pending.number(),
					pending.hash());
			return Optional.empty();
		}
		log.warn("Devnet: market step {} ({}) is gone from the chain unmined; sending its part again", pending.number(),
				pending.hash());
		this.doubt = null;
		return Optional.of(update);
	}

	private DevnetUpdate step(DevnetContracts contracts, DevnetUpdate work) throws IOException, TransactionException {
		BigInteger number = appliedSteps(contracts).add(BigInteger.ONE);
		BigInteger gasPrice = this.transactions.gasPrice();
		String hash = this.transactions.submit(contracts.steward(),
				DevnetCalls.step(number, growth(contracts, work), prices(contracts, work)), gasPrice);
		TransactionReceipt receipt;
		try {
			receipt = this.transactions.awaitReceipt(hash);
		}
		catch (IOException | TransactionException ex) {
			this.doubt = new InDoubt(hash, number, work);
			log.warn("Devnet: market step {} was sent ({}) but no receipt came ({}); the next drive looks it up",
					number, hash, ex.getMessage());
			return work;
		}
		if (!receipt.isStatusOK()) {
			throw new TransactionException("market step " + number + " reverted in " + hash, receipt);
		}
		return DevnetUpdate.NONE;
	}

	private BigInteger appliedSteps(DevnetContracts contracts) {
		return (BigInteger) this.transactions.read(contracts.steward(), DevnetCalls.steps());
	}

	private static List<DevnetSteward.Growth> growth(DevnetContracts contracts, DevnetUpdate work) {
		List<DevnetSteward.Growth> growth = new ArrayList<>();
		for (Map.Entry<PoolId, Double> factor : work.growth().entrySet()) {
			double value = factor.getValue();
			if (!Double.isFinite(value) || value < 0) {
				continue;
			}
			BigInteger scaled = new BigDecimal(value).multiply(ONE).setScale(0, RoundingMode.FLOOR).toBigInteger();
			growth.add(new DevnetSteward.Growth(contracts.vaults().get(factor.getKey()).vault(), scaled));
		}
		return growth;
	}

	private static List<DevnetSteward.Price> prices(DevnetContracts contracts, DevnetUpdate work) {
		return work.prices()
			.entrySet()
			.stream()
			.map((price) -> new DevnetSteward.Price(contracts.asset(price.getKey()).priceFeed(),
					DevnetDeployer.feedAnswer(price.getValue())))
			.toList();
	}

}
