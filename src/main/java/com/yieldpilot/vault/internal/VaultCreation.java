package com.yieldpilot.vault.internal;

import java.math.BigInteger;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.yieldpilot.chain.contracts.VaultFactory;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.KnownTarget;
import com.yieldpilot.vault.PreparedCall;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultAsset;
import com.yieldpilot.vault.VaultId;
import com.yieldpilot.vault.VaultLimits;
import com.yieldpilot.vault.VaultSetup;
import com.yieldpilot.vault.WalletAction;
import com.yieldpilot.vault.WalletCallException;
import org.web3j.protocol.Web3j;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A farmer's vault from their own wallet: the factory call (the vault's address is known
 * before it is signed) and the record, made only when the chain shows the vault at that
 * address owned by a wallet the farmer linked.
 */
@Component
class VaultCreation {

	private final VaultRepository repository;

	private final VaultChains chains;

	private final VaultFactories factories;

	private final KnownTargets known;

	private final WalletLinks links;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	private final Clock clock;

	VaultCreation(VaultRepository repository, VaultChains chains, VaultFactories factories, KnownTargets known,
			WalletLinks links, TransactionTemplate transactions, AuditLog audit, Clock clock) {
		this.repository = repository;
		this.chains = chains;
		this.factories = factories;
		this.known = known;
		this.links = links;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	VaultSetup setup(UserId user, long chainId, String wallet) {
		Onto onto = onto(user, chainId, wallet);
		String predicted = WalletContracts.read(onto.factory().predictVaultAddress(onto.wallet()),
				"the vault's address");
		String existing = WalletContracts.read(onto.factory().vaultOf(onto.wallet()), "the wallet's vault");
		ChainReads reads = new ChainReads(onto.web3j());
		Map<String, VaultAsset> assets = new LinkedHashMap<>();
		for (KnownTarget target : this.known.on(chainId)) {
			assets.computeIfAbsent(target.asset().toLowerCase(), (key) -> new VaultAsset(target.asset(),
					reads.symbol(target.asset()), reads.decimals(target.asset())));
		}
		return new VaultSetup(chainId, onto.wallet(), onto.factory().getContractAddress(),
				Addresses.checksum(predicted, "The vault's address"), !Addresses.isZero(existing),
				List.copyOf(assets.values()));
	}

	PreparedCall create(UserId user, long chainId, String wallet, String asset, VaultLimits limits) {
		VaultSetup setup = setup(user, chainId, wallet);
		if (setup.exists()) {
			throw new WalletCallException("The wallet " + setup.wallet() + " already has a vault at "
					+ setup.predictedAddress() + "; record it instead of creating another.");
		}
		String token = Addresses.checksum(asset, "The vault's asset");
		VaultAsset chosen = setup.assets()
			.stream()
			.filter((a) -> Addresses.same(a.address(), token))
			.findFirst()
			.orElseThrow(() -> new WalletCallException(token + " is not the asset of any pool YieldPilot knows on "
					+ "this chain, so the vault could never be put to work. Pick one of the offered assets."));
		BigInteger max = WalletContracts.units(limits.maxPerExecution(), chosen.decimals(), chosen.symbol(),
				"The most one execution may move");
		BigInteger allowance = WalletContracts.units(limits.allowancePerPeriod(), chosen.decimals(), chosen.symbol(),
				"The allowance per period");
		VaultFactory factory = WalletContracts.factory(this.chains.client(chainId), setup.factory());
		String data = factory.createVault(token, max, allowance, BigInteger.valueOf(limits.period().toSeconds()))
			.encodeFunctionCall();
		return new PreparedCall(WalletAction.CREATE_VAULT,
				"Create your " + chosen.symbol() + " vault at " + setup.predictedAddress() + ", owned by "
						+ setup.wallet() + ", with at most "
						+ WalletContracts.amount(max, chosen.decimals(), chosen.symbol()) + " per execution and "
						+ WalletContracts.amount(allowance, chosen.decimals(), chosen.symbol()) + " per "
						+ limits.period().toString().substring(2).toLowerCase(),
				chainId, setup.wallet(), setup.factory(), data, BigInteger.ZERO, setup.predictedAddress());
	}

	Vault record(UserId user, long chainId, String wallet) {
		Onto onto = onto(user, chainId, wallet);
		String address = WalletContracts.read(onto.factory().vaultOf(onto.wallet()), "the wallet's vault");
		if (Addresses.isZero(address) || !new ChainReads(onto.web3j()).hasCode(address)) {
			throw new WalletCallException("The chain shows no vault for " + onto.wallet() + " yet.");
		}
		String vaultAddress = Addresses.checksum(address, "The vault's address");
		YieldVault contract = WalletContracts.vault(onto.web3j(), vaultAddress);
		String owner = WalletContracts.read(contract.owner(), "the vault's owner");
		if (!Addresses.same(owner, onto.wallet())) {
			throw new WalletCallException("The vault " + vaultAddress + " is owned by " + owner + ", not by "
					+ onto.wallet() + "; it cannot be recorded for you.");
		}
		Optional<Vault> mine = this.repository.byUserAndChain(user, chainId);
		if (mine.isPresent()) {
			if (Addresses.same(mine.get().address(), vaultAddress)) {
				return mine.get();
			}
			throw new WalletCallException("You already have a vault on this chain, " + mine.get().address() + ".");
		}
		String asset = Addresses.checksum(WalletContracts.read(contract.asset(), "the vault's asset"), "The asset");
		ChainReads reads = new ChainReads(onto.web3j());
		Vault vault = new Vault(VaultId.random(), user, chainId, vaultAddress, onto.wallet(), asset,
				reads.symbol(asset), reads.decimals(asset), this.clock.instant());
		try {
			this.transactions.executeWithoutResult((status) -> {
				this.repository.insert(vault);
				this.audit.record(user, "vault.recorded", vaultAddress, "chain " + chainId + ", owner " + owner);
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw new WalletCallException("The vault " + vaultAddress + " is recorded for another account.", ex);
		}
		return vault;
	}

	private Onto onto(UserId user, long chainId, String wallet) {
		String address = Addresses.checksum(wallet, "The wallet's address");
		if (!this.links.linked(user, address)) {
			throw new WalletCallException("Connect and verify the wallet " + address + " first: YieldPilot records "
					+ "a vault only for a wallet you have proven to hold.");
		}
		String factory = this.factories.factory(chainId)
			.orElseThrow(() -> new WalletCallException("YieldPilot has no vault factory on chain " + chainId + "."));
		Web3j web3j = this.chains.client(chainId);
		return new Onto(address, web3j, WalletContracts.factory(web3j, factory));
	}

	/** A linked wallet and the factory of the chain it creates its vault on. */
	private record Onto(String wallet, Web3j web3j, VaultFactory factory) {
	}

}
