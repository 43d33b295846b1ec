package com.yieldpilot.vault;

import java.math.BigInteger;
import java.util.Objects;

/**
 * An unsigned transaction YieldPilot prepared for the farmer's wallet to sign: what it
 * does, and the fields of {@code eth_sendTransaction}. The server never signs it; it only
 * checks, once the wallet returns a hash, that the chain carried exactly this call.
 *
 * @param description what it does with its amounts and addresses, e.g. "Allowlist
 * aave-v3:base:USDC (0x…)"
 * @param from the wallet that must sign it (the vault's owner, or the pending owner)
 * @param to the contract called
 * @param data the ABI-encoded call, 0x-prefixed
 * @param value wei sent along (always zero for vault calls)
 * @param vault the vault the call is for (for a creation, the address it will have)
 */
public record PreparedCall(WalletAction action, String description, long chainId, String from, String to, String data,
		BigInteger value, String vault) {

	public PreparedCall {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(description, "description");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(data, "data");
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(vault, "vault");
	}

}
