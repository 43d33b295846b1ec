package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.yieldpilot.chain.contracts.VaultFactory;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.identity.AuditLog;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.vault.ConfirmedCall;
import com.yieldpilot.vault.PreparedCall;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.WalletAction;
import com.yieldpilot.vault.WalletCallException;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks prepared calls against the chain before the wallet signs them, and verifies what
 * the wallet sent: the receipt from YieldPilot's own RPC, the transaction being the
 * prepared call from the expected wallet, and the event its effect emits. Only then is a
 * created vault or an accepted ownership recorded.
 */
@Component
class WalletConfirmations {

	private static final Pattern HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

	private static final String APPROVAL = EventEncoder.buildEventSignature("Approval(address,address,uint256)");

	private static final Map<WalletAction, Event> EFFECTS = Map.ofEntries(
			Map.entry(WalletAction.CREATE_VAULT, VaultFactory.VAULTCREATED_EVENT),
			Map.entry(WalletAction.FUND, YieldVault.FUNDED_EVENT),
			Map.entry(WalletAction.WITHDRAW, YieldVault.TOKENWITHDRAWN_EVENT),
			Map.entry(WalletAction.REDEEM, YieldVault.POSITIONREDEEMED_EVENT),
			Map.entry(WalletAction.ALLOW_TARGET, YieldVault.TARGETALLOWED_EVENT),
			Map.entry(WalletAction.REMOVE_TARGET, YieldVault.TARGETREMOVED_EVENT),
			Map.entry(WalletAction.SET_LIMITS, YieldVault.LIMITSSET_EVENT),
			Map.entry(WalletAction.SET_EXECUTOR, YieldVault.EXECUTORSET_EVENT),
			Map.entry(WalletAction.PAUSE, YieldVault.PAUSED_EVENT),
			Map.entry(WalletAction.UNPAUSE, YieldVault.UNPAUSED_EVENT),
			Map.entry(WalletAction.TRANSFER_OWNERSHIP, YieldVault.OWNERSHIPTRANSFERSTARTED_EVENT),
			Map.entry(WalletAction.ACCEPT_OWNERSHIP, YieldVault.OWNERSHIPTRANSFERRED_EVENT));

	private final VaultChains chains;

	private final VaultCreation creation;

	private final VaultRepository repository;

	private final WalletLinks links;

	private final WalletProperties properties;

	private final TransactionTemplate transactions;

	private final AuditLog audit;

	WalletConfirmations(VaultChains chains, VaultCreation creation, VaultRepository repository, WalletLinks links,
			WalletProperties properties, TransactionTemplate transactions, AuditLog audit) {
		this.chains = chains;
		this.creation = creation;
		this.repository = repository;
		this.links = links;
		this.properties = properties;
		this.transactions = transactions;
		this.audit = audit;
	}

	void check(PreparedCall call) {
		Web3j web3j = this.chains.client(call.chainId());
		Optional<String> refusal = refusal(web3j, call, DefaultBlockParameterName.LATEST);
		if (refusal.isPresent()) {
			throw new WalletCallException("The chain would refuse this: " + refusal.get() + ".");
		}
	}

	ConfirmedCall confirm(UserId user, PreparedCall call, String hash) {
		if (hash == null || !HASH.matcher(hash).matches()) {
			throw new WalletCallException("The wallet returned '" + hash + "', which is not a transaction hash.");
		}
		Web3j web3j = this.chains.client(call.chainId());
		TransactionReceipt receipt = receipt(web3j, hash);
		org.web3j.protocol.core.methods.response.Transaction sent = transaction(web3j, hash);
		if (!Addresses.same(sent.getFrom(), call.from()) || !Addresses.same(sent.getTo(), call.to())
				|| !call.data().equalsIgnoreCase(sent.getInput()) || !call.value().equals(sent.getValue())) {
			throw new WalletCallException("The transaction " + hash + " is not the call YieldPilot prepared ("
					+ call.action().label().toLowerCase() + " from " + call.from() + "); nothing was recorded.");
		}
		if (!receipt.isStatusOK()) {
			String reason = refusal(web3j, call,
					DefaultBlockParameter.valueOf(receipt.getBlockNumber().subtract(BigInteger.ONE)))
				.orElse("the contract refused it");
			throw new WalletCallException(
					"The transaction " + hash + " failed on chain: " + reason + ". Nothing changed.");
		}
		String emitter = (call.action() == WalletAction.CREATE_VAULT || call.action() == WalletAction.APPROVE)
				? call.to() : call.vault();
		String topic = (call.action() == WalletAction.APPROVE) ? APPROVAL
				: EventEncoder.encode(EFFECTS.get(call.action()));
		if (receipt.getLogs().stream().noneMatch((log) -> emits(log, emitter, topic))) {
			throw new WalletCallException("The transaction " + hash + " went through but did not "
					+ call.action().label().toLowerCase() + "; nothing was recorded.");
		}
		long block = receipt.getBlockNumber().longValueExact();
		String summary = record(user, call);
		return new ConfirmedCall(call.action(), hash, block, summary + " (block " + block + ").");
	}

	private String record(UserId user, PreparedCall call) {
		switch (call.action()) {
			case CREATE_VAULT -> {
				Vault vault = this.creation.record(user, call.chainId(), call.from());
				return "Your vault " + vault.address() + " is created and recorded";
			}
			case ACCEPT_OWNERSHIP -> {
				Vault vault = this.repository.byUserAndChain(user, call.chainId())
					.filter((v) -> Addresses.same(v.address(), call.vault()))
					.orElseThrow(() -> new WalletCallException("The vault is not among yours."));
				String owner = WalletContracts.read(
						WalletContracts.vault(this.chains.client(call.chainId()), vault.address()).owner(),
						"the vault's owner");
				if (!Addresses.same(owner, call.from()) || !this.links.linked(user, owner)) {
					throw new WalletCallException("The chain shows " + owner + " as the vault's owner, not "
							+ call.from() + "; nothing was recorded.");
				}
				this.transactions.executeWithoutResult((status) -> {
					this.repository.updateOwner(vault.id(), call.from());
					this.audit.record(user, "vault.owner-changed", vault.address(), "to " + call.from());
				});
				return "The vault is now owned by " + call.from();
			}
			default -> {
				this.audit.record(user, "vault." + call.action().name().toLowerCase().replace('_', '-'), call.vault(),
						call.description());
				return "Done: " + call.description();
			}
		}
	}

	private TransactionReceipt receipt(Web3j web3j, String hash) {
		Instant deadline = Instant.now().plus(this.properties.receiptTimeout());
		Duration poll = this.properties.pollInterval();
		try {
			while (true) {
				Optional<TransactionReceipt> receipt = web3j.ethGetTransactionReceipt(hash)
					.send()
					.getTransactionReceipt();
				if (receipt.isPresent()) {
					return receipt.get();
				}
				if (Instant.now().isAfter(deadline)) {
					throw new WalletCallException("The transaction " + hash + " is not confirmed after "
							+ this.properties.receiptTimeout().toSeconds() + " s. It may still go through: check it in "
							+ "your wallet, then open this page again.");
				}
				Thread.sleep(poll);
			}
		}
		catch (IOException ex) {
			throw ChainReads.unreadable(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WalletCallException("Stopped waiting for the transaction " + hash + ".", ex);
		}
	}

	private static org.web3j.protocol.core.methods.response.Transaction transaction(Web3j web3j, String hash) {
		try {
			return web3j.ethGetTransactionByHash(hash)
				.send()
				.getTransaction()
				.orElseThrow(() -> new WalletCallException("The chain does not know the transaction " + hash + "."));
		}
		catch (IOException ex) {
			throw ChainReads.unreadable(ex);
		}
	}

	/** Why the chain refuses the call at the block, if it does. */
	private static Optional<String> refusal(Web3j web3j, PreparedCall call, DefaultBlockParameter block) {
		try {
			EthCall result = web3j
				.ethCall(Transaction.createFunctionCallTransaction(call.from(), null, null, null, call.to(),
						call.value(), call.data()), block)
				.send();
			if (result.hasError()) {
				Object data = result.getError().getData();
				return Optional
					.of(Reverts.explain((data != null) ? data.toString() : null, result.getError().getMessage()));
			}
			if (result.isReverted()) {
				return Optional.of(Reverts.explain(result.getValue(), result.getRevertReason()));
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			throw ChainReads.unreadable(ex);
		}
	}

	private static boolean emits(Log log, String emitter, String topic) {
		return Addresses.same(log.getAddress(), emitter) && !log.getTopics().isEmpty()
				&& topic.equalsIgnoreCase(log.getTopics().getFirst());
	}

}
