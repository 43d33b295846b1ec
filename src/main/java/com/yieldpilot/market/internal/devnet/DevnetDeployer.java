package com.yieldpilot.market.internal.devnet;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.yieldpilot.chain.contracts.DevnetSteward;
import com.yieldpilot.chain.contracts.MockERC4626;
import com.yieldpilot.chain.contracts.MockPriceFeed;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.chain.contracts.MockToken;
import com.yieldpilot.chain.contracts.Multicall3;
import com.yieldpilot.shared.PoolId;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.gas.ContractGasProvider;

/**
 * Deploys a fresh set of devnet contracts for a plan, with the deployer account:
 * Multicall3, per asset a token and an 8-decimal USD price feed at its current price, and
 * per pool a {@code MockERC4626} vault seeded with a deposit so that its share price is
 * defined (1.0 at the start). Then a {@code DevnetSteward} takes over every token, feed
 * and vault, so that each later step of the market is one transaction. About seventy
 * transactions, a second or two on anvil.
 */
final class DevnetDeployer {

	/** Chainlink's USD feeds answer with 8 decimals. */
	static final int FEED_DECIMALS = 8;

	private final Web3j web3j;

	private final DeployerTransactions transactions;

	DevnetDeployer(Web3j web3j, DeployerTransactions transactions) {
		this.web3j = web3j;
		this.transactions = transactions;
	}

	/** The deployer account, which owns the mocks until the steward takes them over. */
	String from() {
		return this.transactions.from();
	}

	/**
	 * @param prices each asset's USD price to start its feed at
	 */
	DevnetContracts deploy(DevnetPlan plan, Map<String, Double> prices) throws Exception {
		return appointSteward(deployMocks(plan, prices));
	}

	/**
	 * The set without its steward, as it was deployed before the steward existed: the
	 * deployer account owns the mocks and is named their steward.
	 */
	DevnetContracts deployMocks(DevnetPlan plan, Map<String, Double> prices) throws Exception {
		BigInteger gasPrice = this.transactions.gasPrice();
		ContractGasProvider gas = this.transactions.deployGas(gasPrice);
		var manager = this.transactions.manager();
		String multicall3 = Multicall3.deploy(this.web3j, manager, gas).send().getContractAddress();
		Map<String, DevnetContracts.AssetContracts> assets = new LinkedHashMap<>();
		for (DevnetAsset asset : plan.assets()) {
			Double price = prices.get(asset.symbol());
			if (price == null) {
				throw new IllegalArgumentException("No starting price for " + asset.symbol());
			}
			String token = deployToken(asset, gas);
			String feed = MockPriceFeed
				.deploy(this.web3j, manager, gas, BigInteger.valueOf(FEED_DECIMALS), asset.symbol() + " / USD",
						feedAnswer(price))
				.send()
				.getContractAddress();
			assets.put(asset.symbol(), new DevnetContracts.AssetContracts(asset, token, feed));
		}
		Map<PoolId, DevnetContracts.PoolVault> vaults = new LinkedHashMap<>();
		for (Map.Entry<PoolId, String> pool : plan.poolAssets().entrySet()) {
			String token = assets.get(pool.getValue()).token();
			String vault = MockERC4626
				.deploy(this.web3j, manager, gas, token, "YieldPilot devnet " + pool.getKey(), "yp" + pool.getValue())
				.send()
				.getContractAddress();
			vaults.put(pool.getKey(), new DevnetContracts.PoolVault(pool.getKey(), pool.getValue(), vault));
		}
		DevnetContracts contracts = new DevnetContracts(multicall3, this.transactions.from(), assets, vaults);
		seed(contracts, gasPrice);
		return contracts;
	}

	/**
	 * Hands every token, feed and vault of a set the deployer account owns to a steward:
	 * a fresh set, or one recorded before the steward existed. A hand-over that stopped
	 * half way (the node died before the set was recorded with its steward) is finished
	 * with the steward that already owns some of the mocks; otherwise a steward is
	 * deployed.
	 * @return the same contracts, with the steward
	 * @throws DevnetException when a mock belongs to neither the deployer nor one steward
	 * of the deployer's
	 */
	DevnetContracts appointSteward(DevnetContracts ownedByDeployer) throws Exception {
		String deployer = this.transactions.from();
		Map<String, String> owners = new LinkedHashMap<>();
		for (String mock : ownedByDeployer.owned()) {
			owners.put(mock, this.transactions.owner(mock));
		}
		List<String> others = owners.values().stream().filter((o) -> !o.equalsIgnoreCase(deployer)).distinct().toList();
		if (others.size() > 1 || (others.size() == 1 && !stewardOf(others.getFirst(), deployer))) {
			throw new DevnetException("The devnet's mocks belong to " + others + ", not to the deployer " + deployer
					+ " or a steward of its; delete the local chain's state file (anvil/state.json in the home) to "
					+ "deploy a fresh set");
		}
		BigInteger gasPrice = this.transactions.gasPrice();
		String steward = others.isEmpty()
				? DevnetSteward.deploy(this.web3j, this.transactions.manager(), this.transactions.deployGas(gasPrice))
					.send()
					.getContractAddress()
				: others.getFirst();
		for (Map.Entry<String, String> owner : owners.entrySet()) {
			if (owner.getValue().equalsIgnoreCase(deployer)) {
				this.transactions.send(owner.getKey(), DevnetCalls.transferOwnership(steward), gasPrice);
			}
		}
		return ownedByDeployer.withSteward(steward);
	}

	// a contract the deployer owns: the steward of a hand-over that stopped half way
	private boolean stewardOf(String candidate, String deployer) throws IOException {
		return this.transactions.hasCode(candidate) && deployer.equalsIgnoreCase(this.transactions.owner(candidate));
	}

	/** Whether every contract of the set still has code on the chain. */
	boolean deployed(DevnetContracts contracts) throws IOException {
		return allHaveCode(contracts.addresses().values());
	}

	/** Whether every contract but the steward still has code on the chain. */
	boolean mocksDeployed(DevnetContracts contracts) throws IOException {
		return allHaveCode(contracts.mocks().values());
	}

	private boolean allHaveCode(Iterable<String> addresses) throws IOException {
		for (String address : addresses) {
			if (!this.transactions.hasCode(address)) {
				return false;
			}
		}
		return true;
	}

	/** A USD price as an 8-decimal feed answer. */
	static BigInteger feedAnswer(double priceUsd) {
		return BigDecimal.valueOf(priceUsd)
			.movePointRight(FEED_DECIMALS)
			.setScale(0, RoundingMode.HALF_UP)
			.toBigIntegerExact();
	}

	private String deployToken(DevnetAsset asset, ContractGasProvider gas) throws Exception {
		String name = "Devnet " + asset.symbol();
		if (asset.stablecoin()) {
			return MockStablecoin.deploy(this.web3j, this.transactions.manager(), gas, name, asset.symbol())
				.send()
				.getContractAddress();
		}
		return MockToken
			.deploy(this.web3j, this.transactions.manager(), gas, name, asset.symbol(),
					BigInteger.valueOf(asset.decimals()))
			.send()
			.getContractAddress();
	}

	// mint every vault's seed to the deployer, then approve and deposit it
	private void seed(DevnetContracts contracts, BigInteger gasPrice) throws IOException, TransactionException {
		String deployer = this.transactions.from();
		for (DevnetContracts.AssetContracts asset : contracts.assets().values()) {
			long vaults = contracts.vaults()
				.values()
				.stream()
				.filter(v -> v.asset().equals(asset.asset().symbol()))
				.count();
			BigInteger total = asset.asset().seed().multiply(BigInteger.valueOf(vaults));
			this.transactions.send(asset.token(), DevnetCalls.mint(deployer, total), gasPrice);
		}
		for (DevnetContracts.PoolVault vault : contracts.vaults().values()) {
			DevnetContracts.AssetContracts asset = contracts.asset(vault.asset());
			this.transactions.send(asset.token(), DevnetCalls.approve(vault.vault(), asset.asset().seed()), gasPrice);
			this.transactions.send(vault.vault(), DevnetCalls.deposit(asset.asset().seed(), deployer), gasPrice);
		}
	}

}
