package com.yieldpilot.market.internal.devnet;

import java.math.BigInteger;

/**
 * A simulated asset as a devnet token: a stablecoin is a 6-decimal {@code MockStablecoin}
 * (USDC-like), anything else an 18-decimal {@code MockToken} (WETH-like).
 */
record DevnetAsset(String symbol, boolean stablecoin) {

	int decimals() {
		return this.stablecoin ? 6 : 18;
	}

	/**
	 * What each vault of this asset is seeded with, so its share price is defined: about
	 * a million dollars, in the token's smallest unit.
	 */
	BigInteger seed() {
		BigInteger whole = BigInteger.valueOf(this.stablecoin ? 1_000_000 : 300);
		return whole.multiply(BigInteger.TEN.pow(decimals()));
	}

}
