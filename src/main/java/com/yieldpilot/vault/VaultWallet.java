package com.yieldpilot.vault;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.yieldpilot.identity.UserId;

/**
 * The farmer's own wallet creates and configures their vault; YieldPilot never holds the
 * owner's key. This service prepares each call as an unsigned transaction for the browser
 * wallet, checks it against the chain before the wallet is asked, and, once the wallet
 * returns a transaction hash, waits for the receipt on YieldPilot's own RPC and verifies
 * that the chain carried exactly that call with its effect before anything is recorded.
 * <p>
 * A wallet is linked to a farmer by signing a single-use challenge; a vault is recorded
 * for a farmer only when its on-chain owner is one of their linked wallets. Every method
 * answers for the given user only: another farmer's vault is not found.
 * <p>
 * Invalid input, a call the chain would refuse and a transaction without its effect all
 * throw {@link WalletCallException} with a message for the farmer. See
 * docs/decisions/0016-wallet-signed-vault-calls.md.
 */
public interface VaultWallet {

	/** The chains where a vault can be created: readable by this node, with a factory. */
	List<WalletChain> chains();

	/**
	 * A message for the wallet to sign on the chain, proving it holds {@code address}: an
	 * EIP-4361 (Sign-In with Ethereum) message naming YieldPilot's configured site, so a
	 * wallet warns when another site asks for it.
	 */
	WalletChallenge challenge(UserId user, String address, long chainId);

	/**
	 * Links the wallet to the user when {@code signature} is the wallet's
	 * {@code personal_sign} of its open challenge (which it uses up).
	 * @return the wallet's address in checksum form
	 */
	String link(UserId user, String address, String signature);

	/** The user's linked wallets. */
	List<String> wallets(UserId user);

	/** The vault the wallet would create on the chain, before anything is signed. */
	VaultSetup setup(UserId user, long chainId, String wallet);

	/** Creates the vault through the chain's factory, owned by the (linked) wallet. */
	PreparedCall createVault(UserId user, long chainId, String wallet, String asset, VaultLimits limits);

	/**
	 * Records the vault the linked wallet owns on the chain for the user: after its
	 * creation was confirmed, or for a vault created earlier.
	 */
	Vault record(UserId user, long chainId, String wallet);

	/**
	 * The pools the vault may allowlist: known ERC-4626 vaults of its asset on its chain.
	 */
	List<KnownTarget> targets(UserId user, VaultId vault);

	/**
	 * Moves {@code amount} from the owner's wallet into the vault: an approval when
	 * needed, then the funding.
	 */
	List<PreparedCall> fund(UserId user, VaultId vault, BigDecimal amount);

	/** Sends {@code amount} of the vault's idle asset to the owner's wallet. */
	PreparedCall withdraw(UserId user, VaultId vault, BigDecimal amount);

	/** Redeems all the vault's shares of {@code target} to the owner's wallet. */
	PreparedCall redeem(UserId user, VaultId vault, String target);

	PreparedCall allowTarget(UserId user, VaultId vault, String target);

	PreparedCall removeTarget(UserId user, VaultId vault, String target);

	PreparedCall setLimits(UserId user, VaultId vault, VaultLimits limits);

	/** Sets or rotates the executor to YieldPilot's executor on the vault's chain. */
	PreparedCall setExecutor(UserId user, VaultId vault);

	PreparedCall pause(UserId user, VaultId vault, boolean paused);

	/** Offers the ownership to {@code newOwner}, who must accept it. */
	PreparedCall transferOwnership(UserId user, VaultId vault, String newOwner);

	/** Accepts an ownership offered to one of the user's linked wallets. */
	PreparedCall acceptOwnership(UserId user, VaultId vault);

	/**
	 * Runs the call against the chain's current state without sending it.
	 * @throws WalletCallException saying why the chain would refuse it
	 */
	void check(PreparedCall call);

	/**
	 * Waits, off the caller's thread, for the wallet's transaction and verifies it: the
	 * transaction is the prepared call from the expected wallet, it succeeded, and its
	 * effect is on chain. A created vault, or an accepted ownership, is recorded only
	 * then. The future fails with {@link WalletCallException} otherwise.
	 */
	CompletableFuture<ConfirmedCall> confirm(UserId user, PreparedCall call, String transactionHash);

}
