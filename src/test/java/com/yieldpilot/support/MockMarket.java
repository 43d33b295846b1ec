package com.yieldpilot.support;

import java.math.BigDecimal;
import java.math.BigInteger;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.contracts.MockAavePool;
import com.yieldpilot.chain.contracts.MockComet;
import com.yieldpilot.chain.contracts.MockERC4626;
import com.yieldpilot.chain.contracts.MockPriceFeed;
import com.yieldpilot.chain.contracts.MockStablecoin;

/**
 * A small USDC market on a test chain, built from the mock contracts: a 6-decimal token,
 * a USD feed answering $1.0001, an ERC-4626 vault holding a million, an Aave pool and a
 * Comet both paying 5% APR on the token.
 */
public record MockMarket(MockStablecoin usdc, MockERC4626 vault, MockPriceFeed feed, MockAavePool aave,
		MockComet comet) {

	/** One unit of the token in its smallest unit. */
	public static final BigInteger USDC = BigInteger.valueOf(1_000_000);

	/** 5% a year in Aave's ray. */
	public static final BigInteger RAY_5_PERCENT = new BigDecimal("0.05").movePointRight(27).toBigIntegerExact();

	/** 5% a year as Comet's rate per second, scaled by 1e18 (0.05 / 31,536,000). */
	public static final BigInteger COMET_5_PERCENT = BigInteger.valueOf(1_585_489_599L);

	/** 5% APR compounded per second over 365 days, in percent. */
	public static final double APY_5_PERCENT = 5.1271;

	/** Comet's utilization, scaled by 1e18: 90%. */
	public static final BigInteger UTILIZATION = new BigInteger("900000000000000000");

	public static MockMarket deploy(Devnet chain) throws Exception {
		var web3j = chain.web3j();
		MockStablecoin token = MockStablecoin.deploy(web3j, chain.deployer(), chain.gas(), "USD Coin", "USDC").send();
		MockERC4626 erc4626 = MockERC4626
			.deploy(web3j, chain.deployer(), chain.gas(), token.getContractAddress(), "Vault USDC", "vUSDC")
			.send();
		MockPriceFeed price = MockPriceFeed
			.deploy(web3j, chain.deployer(), chain.gas(), BigInteger.valueOf(8), "USDC / USD",
					BigInteger.valueOf(100_010_000))
			.send();
		MockAavePool pool = MockAavePool.deploy(web3j, chain.deployer(), chain.gas()).send();
		MockComet market = MockComet
			.deploy(web3j, chain.deployer(), chain.gas(), token.getContractAddress(), BigInteger.valueOf(6))
			.send();
		String me = DevAccounts.deployer().getAddress();
		BigInteger million = USDC.multiply(BigInteger.valueOf(1_000_000));
		token.mint(me, million.multiply(BigInteger.TEN)).send();
		token.approve(erc4626.getContractAddress(), million.multiply(BigInteger.TEN)).send();
		erc4626.deposit(million, me).send();
		pool.setRates(token.getContractAddress(), RAY_5_PERCENT, RAY_5_PERCENT).send();
		market.setMarket(UTILIZATION, million.multiply(BigInteger.TWO), COMET_5_PERCENT).send();
		return new MockMarket(token, erc4626, price, pool, market);
	}

}
