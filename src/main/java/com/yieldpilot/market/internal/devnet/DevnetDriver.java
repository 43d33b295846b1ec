package com.yieldpilot.market.internal.devnet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.yieldpilot.market.internal.onchain.BlockReader;
import com.yieldpilot.market.internal.onchain.ChainCall;
import com.yieldpilot.market.internal.onchain.ChainReadException;
import com.yieldpilot.market.internal.onchain.Erc4626Reads;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.exceptions.TransactionException;

/**
 * Applies an update to the devnet's contracts. One Multicall3 read gives every vault's
 * total assets and the deployer's token balances at one block; then, in order, each token
 * mints what the deployer lacks for the yield, each vault whose assets change gets
 * {@code accrue} (growth) or {@code lose} (a loss) of the difference, and each feed gets
 * its new price: at most one transaction per token, vault and feed. The first failure
 * stops the drive; what was not applied is returned, so the caller retries it with the
 * next step and nothing is applied twice.
 */
final class DevnetDriver {

	private static final Logger log = LoggerFactory.getLogger(DevnetDriver.class);

	private final Web3j web3j;

	private final DeployerTransactions transactions;

	DevnetDriver(Web3j web3j, DeployerTransactions transactions) {
		this.web3j = web3j;
		this.transactions = transactions;
	}

	/**
	 * @return what is still to do: empty when everything was applied
	 */
	DevnetUpdate drive(DevnetContracts contracts, DevnetUpdate update) {
		if (update.isEmpty()) {
			return update;
		}
		Map<PoolId, Double> growth = new LinkedHashMap<>(update.growth());
		Map<String, Double> prices = new LinkedHashMap<>(update.prices());
		try {
			BigInteger gasPrice = this.transactions.gasPrice();
			moveVaults(contracts, growth, gasPrice);
			for (Map.Entry<String, Double> price : List.copyOf(prices.entrySet())) {
				this.transactions.send(contracts.asset(price.getKey()).priceFeed(),
						DevnetCalls.setAnswer(DevnetDeployer.feedAnswer(price.getValue())), gasPrice);
				prices.remove(price.getKey());
			}
		}
		catch (IOException | TransactionException | RuntimeException ex) {
			log.warn("Devnet: driving the contracts stopped ({}); {} vaults and {} prices wait for the next step",
					ex.getMessage(), growth.size(), prices.size());
		}
		return new DevnetUpdate(growth, prices);
	}

	// applied pools leave the growth map, and so do pools whose change rounds to less
	// than
	// a unit of the asset (a millionth of a USDC): the devnet clock counts a drive as
	// complete only when nothing is left
	private void moveVaults(DevnetContracts contracts, Map<PoolId, Double> growth, BigInteger gasPrice)
			throws IOException, TransactionException {
		List<DevnetContracts.PoolVault> vaults = growth.keySet().stream().map(contracts.vaults()::get).toList();
		if (vaults.isEmpty()) {
			return;
		}
		List<DevnetContracts.AssetContracts> assets = List.copyOf(contracts.assets().values());
		List<BigInteger> state = readState(contracts, vaults, assets);
		Map<PoolId, BigInteger> changes = new LinkedHashMap<>();
		Map<String, BigInteger> needed = new LinkedHashMap<>();
		for (int i = 0; i < vaults.size(); i++) {
			DevnetContracts.PoolVault vault = vaults.get(i);
			BigInteger total = state.get(i);
			double factor = growth.get(vault.pool());
			if (total.signum() == 0 || !Double.isFinite(factor)) {
				// an empty vault has no share price to move
				growth.remove(vault.pool());
				continue;
			}
			BigInteger target = new BigDecimal(total).multiply(new BigDecimal(factor))
				.setScale(0, RoundingMode.FLOOR)
				.toBigInteger();
			BigInteger change = target.subtract(total);
			if (change.signum() != 0) {
				changes.put(vault.pool(), change);
			}
			else {
				growth.remove(vault.pool());
			}
			if (change.signum() > 0) {
				needed.merge(vault.asset(), change, BigInteger::add);
			}
		}
		for (int i = 0; i < assets.size(); i++) {
			DevnetContracts.AssetContracts asset = assets.get(i);
			BigInteger shortfall = needed.getOrDefault(asset.asset().symbol(), BigInteger.ZERO)
				.subtract(state.get(vaults.size() + i));
			if (shortfall.signum() > 0) {
				this.transactions.send(asset.token(), DevnetCalls.mint(this.transactions.from(), shortfall), gasPrice);
			}
		}
		for (Map.Entry<PoolId, BigInteger> change : changes.entrySet()) {
			String vault = contracts.vaults().get(change.getKey()).vault();
			BigInteger amount = change.getValue();
			this.transactions.send(vault,
					(amount.signum() > 0) ? DevnetCalls.accrue(amount) : DevnetCalls.lose(amount.negate()), gasPrice);
			growth.remove(change.getKey());
		}
	}

	// total assets of each vault, then the deployer's balance of each token
	@SuppressWarnings("rawtypes")
	private List<BigInteger> readState(DevnetContracts contracts, List<DevnetContracts.PoolVault> vaults,
			List<DevnetContracts.AssetContracts> assets) {
		List<ChainCall> calls = new ArrayList<>();
		vaults.forEach(v -> calls.add(new ChainCall(v.vault(), Erc4626Reads.totalAssets())));
		assets.forEach(a -> calls.add(new ChainCall(a.token(), DevnetCalls.balanceOf(this.transactions.from()))));
		BlockReader reader = new BlockReader(this.web3j, contracts.multicall3());
		List<@Nullable List<Type>> results = reader.batch(calls, reader.latestBlock());
		List<BigInteger> values = new ArrayList<>();
		for (int i = 0; i < calls.size(); i++) {
			List<Type> result = results.get(i);
			if (result == null) {
				throw new ChainReadException(
						"Reading " + calls.get(i).function().getName() + " of " + calls.get(i).target() + " failed");
			}
			values.add((BigInteger) result.get(0).getValue());
		}
		return values;
	}

}
