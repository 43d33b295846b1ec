package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.execution.ApprovalRefusedException;
import com.yieldpilot.execution.DeferredExecution;
import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionAdmin;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.Executions;
import com.yieldpilot.execution.ExecutorKeyStatus;
import com.yieldpilot.execution.GuardrailVerdict;
import com.yieldpilot.execution.internal.GuardrailEngine;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.RuleIntents;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The farmers' and admins' view of the pipeline. */
@Service
class ExecutionService implements Executions, ExecutionAdmin {

	/** The most executions one page lists. */
	static final int MAX_LIMIT = 500;

	private final ExecutionReads store;

	private final ExecutionIntake intake;

	private final ChainAccess chains;

	private final ExecutorSigners signers;

	private final ObjectProvider<LocalChain> localChain;

	private final UserAccounts accounts;

	private final RuleIntents intents;

	private final GuardrailEngine guardrails;

	private final Clock clock;

	ExecutionService(ExecutionReads store, ExecutionIntake intake, ChainAccess chains, ExecutorSigners signers,
			ObjectProvider<LocalChain> localChain, UserAccounts accounts, RuleIntents intents,
			GuardrailEngine guardrails, Clock clock) {
		this.store = store;
		this.intents = intents;
		this.guardrails = guardrails;
		this.intake = intake;
		this.chains = chains;
		this.signers = signers;
		this.localChain = localChain;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public List<Execution> list(UserId owner, @Nullable ExecutionState state, int limit) {
		return this.store.list(owner, state, Math.clamp(limit, 1, MAX_LIMIT));
	}

	@Override
	public Optional<Execution> find(UserId owner, ExecutionId id) {
		return this.store.find(id).filter((e) -> e.owner().equals(owner));
	}

	@Override
	public List<Execution> ofIntent(UserId owner, IntentId intent) {
		return this.store.ofIntent(intent).stream().filter((e) -> e.owner().equals(owner)).toList();
	}

	/**
	 * Approves after the guardrails look at the intent again: they reviewed it when it
	 * was proposed, up to {@code approval-ttl} ago, and a pool's risk, its data or its
	 * sources may have changed since. What they would block now is refused, and the
	 * execution stays in the inbox until it expires, to be approved again once the block
	 * clears.
	 */
	@Override
	public Execution approve(UserId owner, ExecutionId id) {
		Execution execution = requireWaiting(owner, id);
		ActionIntent intent = this.intents.find(execution.intent())
			.orElseThrow(() -> new IllegalStateException("Its intent is not stored any more"));
		GuardrailVerdict now = this.guardrails.recheck(intent)
			.orElseThrow(() -> new ApprovalRefusedException(
					"The guardrails could not read its facts now (the market or your portfolio); try again shortly"));
		if (now.outcome() == GuardrailVerdict.Outcome.BLOCKED) {
			throw new ApprovalRefusedException("The guardrails would block it now: " + String.join("; ", now.reasons())
					+ ". It stays in your inbox until it expires: approve it again once that clears, or reject it");
		}
		this.intake.decide(id, true);
		return this.store.find(id).orElseThrow();
	}

	@Override
	public Execution reject(UserId owner, ExecutionId id) {
		requireWaiting(owner, id);
		this.intake.decide(id, false);
		return this.store.find(id).orElseThrow();
	}

	private Execution requireWaiting(UserId owner, ExecutionId id) {
		Execution execution = find(owner, id).orElseThrow(() -> new NoSuchElementException("No such execution"));
		if (execution.state() != ExecutionState.AWAITING_APPROVAL) {
			throw new IllegalStateException(
					"It no longer waits for approval: it is " + execution.state().name().toLowerCase());
		}
		return execution;
	}

	/**
	 * The keys that have signed, and local mode's executor key before its first
	 * transaction too, so admins see its balance before it matters.
	 */
	@Override
	@PreAuthorize("hasRole('ADMIN')")
	public List<ExecutorKeyStatus> keys() {
		List<ExecutorKeyStatus> keys = new ArrayList<>();
		for (ExecutionReads.KeyRow key : this.store.keys()) {
			keys.add(status(key.chainId(), key.address(), key.nextNonce(), key.unconfirmed(), key.oldest()));
		}
		LocalChain local = this.localChain.getIfAvailable();
		if (local != null) {
			String address = this.signers.signer(local.chainId()).getAddress().toLowerCase(Locale.ROOT);
			if (keys.stream().noneMatch((k) -> k.chainId() == local.chainId() && k.address().equals(address))) {
				keys.add(status(local.chainId(), address, null, 0, null));
			}
		}
		return keys;
	}

	/**
	 * @param nextNonce null for a key that has not signed: it starts at the chain's count
	 */
	private ExecutorKeyStatus status(long chainId, String address, @Nullable Long nextNonce, int unconfirmed,
			@Nullable Instant oldest) {
		BigInteger balance = null;
		Long chainNonce = null;
		try {
			Web3j web3j = this.chains.client(chainId);
			balance = web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST).send().getBalance();
			chainNonce = web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
				.send()
				.getTransactionCount()
				.longValueExact();
		}
		catch (IOException | RuntimeException ex) {
			// shown as unknown: the admin page says the chain could not be read
		}
		long next = (nextNonce != null) ? nextNonce : ((chainNonce != null) ? chainNonce : 0);
		return new ExecutorKeyStatus(chainId, address, balance, next, chainNonce, unconfirmed, oldest);
	}

	@Override
	@PreAuthorize("hasRole('ADMIN')")
	public List<Execution> stuck(Duration olderThan) {
		return this.store.stuck(this.clock.instant().minus(olderThan));
	}

	@Override
	@PreAuthorize("hasRole('ADMIN')")
	public List<Execution> alerts(int limit) {
		return this.store.alerts(Math.clamp(limit, 1, MAX_LIMIT));
	}

	@Override
	@PreAuthorize("hasRole('ADMIN')")
	public List<DeferredExecution> deferred(int limit) {
		List<ExecutionReads.DeferredRow> rows = this.store.deferred(Math.clamp(limit, 1, MAX_LIMIT));
		Map<UserId, String> farmers = this.accounts
			.usernames(rows.stream().map(ExecutionReads.DeferredRow::owner).collect(Collectors.toSet()));
		return rows.stream()
			.map((r) -> new DeferredExecution(r.id(), r.owner(), farmers.getOrDefault(r.owner(), "(deleted user)"),
					r.rule(), r.ruleName(), r.summary(), r.reason(), r.retryAt(), r.deferredAt()))
			.toList();
	}

}
