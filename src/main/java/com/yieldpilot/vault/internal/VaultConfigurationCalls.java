package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.KnownTarget;
import com.yieldpilot.vault.PreparedCall;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultId;
import com.yieldpilot.vault.VaultLimits;
import com.yieldpilot.vault.WalletAction;
import com.yieldpilot.vault.WalletCallException;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;

import org.springframework.stereotype.Component;

/**
 * Prepares the owner's calls on an existing vault, each checked first against what the
 * chain holds now, so the farmer hears what is wrong before the wallet asks them to sign.
 */
@Component
class VaultConfigurationCalls {

	/** Redeeming to the owner accepts at most this much less than the preview (0.5 %). */
	private static final BigInteger SLIPPAGE_PER_MILLE = BigInteger.valueOf(5);

	private final VaultRepository repository;

	private final VaultChains chains;

	private final KnownTargets known;

	private final VaultFactories factories;

	private final WalletLinks links;

	VaultConfigurationCalls(VaultRepository repository, VaultChains chains, KnownTargets known,
			VaultFactories factories, WalletLinks links) {
		this.repository = repository;
		this.chains = chains;
		this.known = known;
		this.factories = factories;
		this.links = links;
	}

	Vault owned(UserId user, VaultId id) {
		return this.repository.byUser(user)
			.stream()
			.filter((v) -> v.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new WalletCallException("There is no such vault among yours."));
	}

	List<KnownTarget> targets(UserId user, VaultId id) {
		Vault vault = owned(user, id);
		return this.known.on(vault.chainId())
			.stream()
			.filter((t) -> Addresses.same(t.asset(), vault.assetAddress()))
			.toList();
	}

	List<PreparedCall> fund(UserId user, VaultId id, BigDecimal amount) {
		On on = on(user, id);
		BigInteger units = units(on, amount, "The amount to fund");
		ChainReads reads = new ChainReads(on.web3j());
		BigInteger balance = reads.balanceOf(on.vault().assetAddress(), on.owner());
		if (balance.compareTo(units) < 0) {
			throw new WalletCallException(
					"Your wallet " + on.owner() + " holds only " + on.amount(balance) + "; fund at most that.");
		}
		List<PreparedCall> calls = new ArrayList<>();
		if (reads.allowance(on.vault().assetAddress(), on.owner(), on.vault().address()).compareTo(units) < 0) {
			Function approve = new Function("approve", List.of(new Address(on.vault().address()), new Uint256(units)),
					List.of());
			calls.add(new PreparedCall(WalletAction.APPROVE,
					"Let the vault take " + on.amount(units) + " from your wallet", on.vault().chainId(), on.owner(),
					on.vault().assetAddress(), FunctionEncoder.encode(approve), BigInteger.ZERO, on.vault().address()));
		}
		calls.add(on.call(WalletAction.FUND, "Fund the vault with " + on.amount(units),
				on.contract().fund(units).encodeFunctionCall()));
		return calls;
	}

	PreparedCall withdraw(UserId user, VaultId id, BigDecimal amount) {
		On on = on(user, id);
		BigInteger units = units(on, amount, "The amount to withdraw");
		BigInteger idle = new ChainReads(on.web3j()).balanceOf(on.vault().assetAddress(), on.vault().address());
		if (idle.compareTo(units) < 0) {
			throw new WalletCallException("The vault holds only " + on.amount(idle)
					+ " idle; withdraw at most that, or redeem a position first.");
		}
		return on.call(WalletAction.WITHDRAW, "Withdraw " + on.amount(units) + " to your wallet " + on.owner(),
				on.contract().withdrawToken(on.vault().assetAddress(), units).encodeFunctionCall());
	}

	PreparedCall redeem(UserId user, VaultId id, String target) {
		On on = on(user, id);
		String address = Addresses.checksum(target, "The position to redeem");
		ChainReads reads = new ChainReads(on.web3j());
		BigInteger shares = reads.balanceOf(address, on.vault().address());
		if (shares.signum() == 0) {
			throw new WalletCallException("The vault holds no shares of " + address + ".");
		}
		BigInteger preview = reads.previewRedeem(address, shares);
		BigInteger minimum = preview.multiply(BigInteger.valueOf(1000).subtract(SLIPPAGE_PER_MILLE))
			.divide(BigInteger.valueOf(1000));
		return on.call(WalletAction.REDEEM,
				"Redeem all " + shares + " shares of " + name(on, address) + " (about " + on.amount(preview)
						+ ", at least " + on.amount(minimum) + ") to your wallet",
				on.contract().redeemPosition(address, shares, minimum).encodeFunctionCall());
	}

	PreparedCall allowTarget(UserId user, VaultId id, String target) {
		On on = on(user, id);
		String address = Addresses.checksum(target, "The pool to allowlist");
		KnownTarget pool = this.known.find(on.vault().chainId(), address)
			.orElseThrow(() -> new WalletCallException(address + " is not an ERC-4626 pool YieldPilot knows on "
					+ "this chain; only known pools can be allowlisted from the app."));
		if (!Addresses.same(pool.asset(), on.vault().assetAddress())) {
			throw new WalletCallException(pool.pool() + " is not an ERC-4626 vault of " + on.vault().assetSymbol()
					+ ": it holds " + pool.asset() + ", your vault " + on.vault().assetAddress() + ".");
		}
		if (WalletContracts.read(on.contract().isTarget(address), "the allowlist")) {
			throw new WalletCallException(pool.pool() + " is already on the allowlist.");
		}
		BigInteger max = WalletContracts.read(on.contract().MAX_TARGETS(), "the allowlist's size");
		List<?> allowed = WalletContracts.read(on.contract().targets(), "the allowlist");
		if (BigInteger.valueOf(allowed.size()).compareTo(max) >= 0) {
			throw new WalletCallException("The allowlist is full (" + max + " pools); remove one first.");
		}
		return on.call(WalletAction.ALLOW_TARGET, "Allowlist " + pool.pool() + " (" + address + ")",
				on.contract().allowTarget(address).encodeFunctionCall());
	}

	PreparedCall removeTarget(UserId user, VaultId id, String target) {
		On on = on(user, id);
		String address = Addresses.checksum(target, "The pool to remove");
		if (!WalletContracts.read(on.contract().isTarget(address), "the allowlist")) {
			throw new WalletCallException(address + " is not on the allowlist.");
		}
		return on.call(WalletAction.REMOVE_TARGET, "Remove " + name(on, address) + " from the allowlist",
				on.contract().removeTarget(address).encodeFunctionCall());
	}

	PreparedCall setLimits(UserId user, VaultId id, VaultLimits limits) {
		On on = on(user, id);
		BigInteger max = units(on, limits.maxPerExecution(), "The most one execution may move");
		BigInteger allowance = units(on, limits.allowancePerPeriod(), "The allowance per period");
		BigInteger period = BigInteger.valueOf(limits.period().toSeconds());
		return on.call(WalletAction.SET_LIMITS,
				"Set the limits: at most " + on.amount(max) + " per execution and " + on.amount(allowance) + " per "
						+ limits.period().toString().substring(2).toLowerCase(),
				on.contract().setLimits(max, allowance, period).encodeFunctionCall());
	}

	PreparedCall setExecutor(UserId user, VaultId id) {
		On on = on(user, id);
		String factory = this.factories.factory(on.vault().chainId())
			.orElseThrow(() -> new WalletCallException(
					"YieldPilot has no vault factory on this chain, so it " + "cannot name its executor here."));
		String executor = WalletContracts.read(WalletContracts.factory(on.web3j(), factory).defaultExecutor(),
				"YieldPilot's executor");
		if (Addresses.isZero(executor)) {
			throw new WalletCallException("YieldPilot has no executor on this chain yet.");
		}
		String current = WalletContracts.read(on.contract().executor(), "the vault's executor");
		if (Addresses.same(current, executor)) {
			throw new WalletCallException("YieldPilot's executor " + executor + " is already the vault's executor.");
		}
		return on.call(WalletAction.SET_EXECUTOR,
				"Make YieldPilot's executor " + executor + " the vault's executor"
						+ (Addresses.isZero(current) ? "" : " instead of " + current),
				on.contract().setExecutor(executor).encodeFunctionCall());
	}

	PreparedCall pause(UserId user, VaultId id, boolean paused) {
		On on = on(user, id);
		if (WalletContracts.read(on.contract().paused(), "whether the vault is paused") == paused) {
			throw new WalletCallException(paused ? "The vault is already paused." : "The vault is not paused.");
		}
		return paused
				? on.call(WalletAction.PAUSE, "Pause the vault: the executor cannot act until you unpause",
						on.contract().pause().encodeFunctionCall())
				: on.call(WalletAction.UNPAUSE, "Unpause the vault: the executor may act again within the limits",
						on.contract().unpause().encodeFunctionCall());
	}

	PreparedCall transferOwnership(UserId user, VaultId id, String newOwner) {
		On on = on(user, id);
		String address = Addresses.checksum(newOwner, "The new owner");
		if (Addresses.same(address, on.owner())) {
			throw new WalletCallException(address + " already owns the vault.");
		}
		if (Addresses.same(address, on.vault().address())) {
			throw new WalletCallException("The vault cannot own itself: its funds would be locked.");
		}
		return on.call(WalletAction.TRANSFER_OWNERSHIP,
				"Offer the vault's ownership to " + address + ", which must accept it from that wallet",
				on.contract().transferOwnership(address).encodeFunctionCall());
	}

	PreparedCall acceptOwnership(UserId user, VaultId id) {
		On on = on(user, id);
		String pending = WalletContracts.read(on.contract().pendingOwner(), "the pending owner");
		if (Addresses.isZero(pending)) {
			throw new WalletCallException("No ownership transfer is waiting for this vault.");
		}
		if (!this.links.linked(user, pending)) {
			throw new WalletCallException("The ownership is offered to " + pending
					+ ", which is not one of your wallets. Connect that wallet first.");
		}
		String from = Addresses.checksum(pending, "The pending owner");
		return new PreparedCall(WalletAction.ACCEPT_OWNERSHIP, "Accept the vault's ownership with " + from,
				on.vault().chainId(), from, on.vault().address(), on.contract().acceptOwnership().encodeFunctionCall(),
				BigInteger.ZERO, on.vault().address());
	}

	private On on(UserId user, VaultId id) {
		Vault vault = owned(user, id);
		Web3j web3j = this.chains.client(vault.chainId());
		YieldVault contract = WalletContracts.vault(web3j, vault.address());
		String owner = Addresses.checksum(WalletContracts.read(contract.owner(), "the vault's owner"), "The owner");
		return new On(vault, web3j, contract, owner);
	}

	private static BigInteger units(On on, BigDecimal amount, String what) {
		return WalletContracts.units(amount, on.vault().assetDecimals(), on.vault().assetSymbol(), what);
	}

	private String name(On on, String target) {
		return this.known.find(on.vault().chainId(), target).map((t) -> t.pool() + " (" + target + ")").orElse(target);
	}

	/** A vault of the user's, its chain, its contract and its owner now. */
	private record On(Vault vault, Web3j web3j, YieldVault contract, String owner) {

		PreparedCall call(WalletAction action, String description, String data) {
			return new PreparedCall(action, description, this.vault.chainId(), this.owner, this.vault.address(), data,
					BigInteger.ZERO, this.vault.address());
		}

		String amount(BigInteger units) {
			return WalletContracts.amount(units, this.vault.assetDecimals(), this.vault.assetSymbol());
		}

	}

}
