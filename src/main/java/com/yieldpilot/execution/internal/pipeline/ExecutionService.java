package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.execution.Execution;
import com.yieldpilot.execution.ExecutionAdmin;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.Executions;
import com.yieldpilot.execution.ExecutorKeyStatus;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.IntentId;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The farmers' and admins' view of the pipeline. */
@Service
class ExecutionService implements Executions, ExecutionAdmin {

	/** The most executions one page lists. */
	static final int MAX_LIMIT = 500;

	private final ExecutionReads store;

	private final ExecutionPipeline pipeline;

	private final ChainAccess chains;

	private final Clock clock;

	ExecutionService(ExecutionReads store, ExecutionPipeline pipeline, ChainAccess chains, Clock clock) {
		this.store = store;
		this.pipeline = pipeline;
		this.chains = chains;
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

	@Override
	public Execution approve(UserId owner, ExecutionId id) {
		requireWaiting(owner, id);
		this.pipeline.decide(id, true);
		return this.store.find(id).orElseThrow();
	}

	@Override
	public Execution reject(UserId owner, ExecutionId id) {
		requireWaiting(owner, id);
		this.pipeline.decide(id, false);
		return this.store.find(id).orElseThrow();
	}

	private void requireWaiting(UserId owner, ExecutionId id) {
		Execution execution = find(owner, id).orElseThrow(() -> new NoSuchElementException("No such execution"));
		if (execution.state() != ExecutionState.AWAITING_APPROVAL) {
			throw new IllegalStateException(
					"It no longer waits for approval: it is " + execution.state().name().toLowerCase());
		}
	}

	@Override
	@PreAuthorize("hasRole('ADMIN')")
	public List<ExecutorKeyStatus> keys() {
		return this.store.keys().stream().map((key) -> {
			BigInteger balance = null;
			Long chainNonce = null;
			try {
				Web3j web3j = this.chains.client(key.chainId());
				balance = web3j.ethGetBalance(key.address(), DefaultBlockParameterName.LATEST).send().getBalance();
				chainNonce = web3j.ethGetTransactionCount(key.address(), DefaultBlockParameterName.LATEST)
					.send()
					.getTransactionCount()
					.longValueExact();
			}
			catch (IOException | RuntimeException ex) {
				// shown as unknown: the admin page says the chain could not be read
			}
			return new ExecutorKeyStatus(key.chainId(), key.address(), balance, key.nextNonce(), chainNonce,
					key.unconfirmed(), key.oldest());
		}).toList();
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
	public List<Execution> deferred(int limit) {
		return this.store.list(null, ExecutionState.DEFERRED, Math.clamp(limit, 1, MAX_LIMIT));
	}

}
