package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.execution.ExecutionConfirmed;
import com.yieldpilot.execution.ExecutionFailed;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionRecord;
import com.yieldpilot.execution.internal.db.tables.records.ExecutionTxRecord;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentStatus;
import com.yieldpilot.rules.RuleIntents;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.Notify;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.service.TxSignService;
import org.web3j.utils.Numeric;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * Runs an accepted intent's fund-moving actions one after the other: plan → cost check →
 * simulate → sign and save → broadcast, each state stored before the next step, under the
 * node's lease on the execution. Nothing before signing spends a nonce, so a node that
 * resumes an execution stopped there plans it again from the chain as it is now; one that
 * resumes a signed execution only ever sends the saved bytes. The signing transaction
 * checks the lease's fencing token and takes the key's next nonce under a row lock, so
 * two nodes never sign the same execution and never share a nonce.
 */
@Component
public class ExecutionPipeline {

	private static final Logger log = LoggerFactory.getLogger(ExecutionPipeline.class);

	/** The states a node may pick an execution up from to run its steps. */
	static final Set<ExecutionState> RUNNABLE = EnumSet.of(ExecutionState.QUEUED, ExecutionState.PLANNED,
			ExecutionState.COST_CHECKED, ExecutionState.SIMULATED, ExecutionState.DEFERRED, ExecutionState.SIGNED);

	private static final Set<ExecutionState> BEFORE_SIGNING = EnumSet.of(ExecutionState.QUEUED, ExecutionState.PLANNED,
			ExecutionState.COST_CHECKED, ExecutionState.SIMULATED, ExecutionState.DEFERRED);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ExecutionStore store;

	private final RuleIntents intents;

	private final Planner planner;

	private final CostCheck costs;

	private final Fees fees;

	private final ExecutorSigners signers;

	private final ChainAccess chains;

	private final PausedExecution paused;

	private final ExecutionResults results;

	private final ExecutionProperties properties;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<ExecutionCrashHook> crashHook;

	private final Scheduler scheduler;

	private final Clock clock;

	private final Counter alerts;

	/**
	 * Keys whose nonce sequence exists in PostgreSQL ("chainId/address"): only a key not
	 * in it reads the chain's transaction count before signing.
	 */
	private final Set<String> knownKeys = ConcurrentHashMap.newKeySet();

	private final ExecutorService runner = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("execution-", 0).factory());

	ExecutionPipeline(ExecutionStore store, RuleIntents intents, Planner planner, CostCheck costs, Fees fees,
			ExecutorSigners signers, ChainAccess chains, PausedExecution paused, ExecutionResults results,
			ExecutionProperties properties, TransactionTemplate transactions, ApplicationEventPublisher events,
			ObjectProvider<ExecutionCrashHook> crashHook, Scheduler scheduler, Clock clock, MeterRegistry meters) {
		this.store = store;
		this.intents = intents;
		this.planner = planner;
		this.costs = costs;
		this.fees = fees;
		this.signers = signers;
		this.chains = chains;
		this.paused = paused;
		this.results = results;
		this.properties = properties;
		this.transactions = transactions;
		this.events = events;
		this.crashHook = crashHook;
		this.scheduler = scheduler;
		this.clock = clock;
		this.alerts = Counter.builder("yieldpilot.execution.alerts")
			.description("RPC answers that contradict what was signed (a wrong hash)")
			.register(meters);
	}

	/**
	 * Takes an intent the guardrails accepted: one execution per fund-moving action, the
	 * first run at once (or put in the approvals inbox). A redelivered intent finds its
	 * executions and starts nothing twice.
	 */
	public void start(ActionIntent intent, double scale) {
		List<ExecutionStore.NewExecution> rows = new ArrayList<>();
		List<Action> actions = intent.actions();
		boolean approval = intent.approvalRequired() && intent.mode() == Mode.LIVE;
		for (int i = 0; i < actions.size(); i++) {
			if (actions.get(i) instanceof Notify) {
				continue;
			}
			ExecutionState first = rows.isEmpty() && approval ? ExecutionState.AWAITING_APPROVAL
					: ExecutionState.QUEUED;
			rows.add(new ExecutionStore.NewExecution(ExecutionId.random(), intent.id(), i, intent.owner(),
					intent.rule(), intent.ruleName(), intent.mode(), scale, VaultCalls.onchainId(intent.id(), i), first,
					rows.isEmpty() && !approval,
					approval ? this.clock.instant().plus(this.properties.approvalTtl()) : null));
		}
		if (rows.isEmpty()) {
			this.intents.settle(intent.id(), IntentStatus.COMPLETED, "nothing to execute: the rule only notifies");
			return;
		}
		// in the caller's transaction when there is one: the guardrails' acceptance and
		// the
		// executions commit together
		Boolean created = this.transactions.execute((status) -> this.store.create(rows));
		if (!Boolean.TRUE.equals(created)) {
			return;
		}
		if (!approval) {
			runAfterCommit(rows.get(0).id());
		}
	}

	/**
	 * Runs the execution on the pipeline's own threads once the caller's transaction (the
	 * one that created or released it) commits: no step of the pipeline may ride on, or
	 * be rolled back with, someone else's transaction. Were this node to die before, the
	 * execution is marked ready and any node's heartbeat runs it.
	 */
	void runAfterCommit(ExecutionId id) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					ExecutionPipeline.this.runner.execute(() -> run(id));
				}
			});
		}
		else {
			this.runner.execute(() -> run(id));
		}
	}

	@PreDestroy
	void stop() {
		this.runner.shutdown();
	}

	/**
	 * Runs the execution's steps from where it stands, if no other node works on it.
	 */
	public void run(ExecutionId id) {
		OptionalLong claimed = this.store.claim(id, node(), this.properties.lease(), RUNNABLE);
		if (claimed.isEmpty()) {
			return;
		}
		long token = claimed.getAsLong();
		ExecutionRecord row = this.store.row(id).orElseThrow();
		ExecutionState state = ExecutionState.valueOf(row.getState());
		try {
			if (state == ExecutionState.SIGNED) {
				broadcast(row, token);
			}
			else {
				fromPlan(row, token);
			}
		}
		catch (RuntimeException ex) {
			if (BEFORE_SIGNING.contains(state)) {
				log.warn("Execution {} stopped unexpectedly before signing; deferred", id, ex);
				defer(id, token, "an unexpected error stopped it before signing (" + ex.getMessage() + ")");
			}
			else {
				log.warn("Execution {} stopped unexpectedly after signing; the saved transaction will be re-sent", id,
						ex);
			}
		}
		this.store.release(id, token);
	}

	private void fromPlan(ExecutionRecord row, long token) {
		ExecutionId id = new ExecutionId(row.getId());
		Optional<ActionIntent> found = this.intents.find(row.getIntentId());
		if (found.isEmpty()) {
			finish(id, token, BEFORE_SIGNING, ExecutionState.FAILED, "its intent no longer exists", null);
			return;
		}
		ActionIntent intent = found.get();
		Action action = intent.actions().get(row.getActionIndex());
		Outcome<Plan> planned = this.planner.plan(intent, action, row.getOnchainId(), row.getScale().doubleValue());
		boolean paper = intent.mode() == Mode.PAPER;
		if (!(planned instanceof Outcome.Next<Plan> next)) {
			stop(id, token, planned, paper);
			return;
		}
		Plan plan = next.value();
		if (!this.store.advance(id, token, BEFORE_SIGNING, ExecutionState.PLANNED, plan.summary(),
				Map.of(EXECUTION.PLAN, JSON.writeValueAsString(plan), EXECUTION.SUMMARY, plan.summary(),
						EXECUTION.CHAIN_ID, plan.chainId(), EXECUTION.VAULT_ADDRESS, plan.vault()))) {
			return;
		}
		reached(id, ExecutionState.PLANNED);
		Web3j web3j = this.chains.client(plan.chainId());
		Fees.Quote quote;
		try {
			quote = this.fees.quote(web3j);
		}
		catch (IOException ex) {
			stop(id, token, new Outcome.Defer<>("the chain's fees could not be read (" + ex.getMessage() + ")"), paper);
			return;
		}
		Outcome<String> cost = this.costs.check(plan, quote);
		if (!(cost instanceof Outcome.Next<String> paid)) {
			stop(id, token, cost, paper);
			return;
		}
		if (!this.store.advance(id, token, List.of(ExecutionState.PLANNED), ExecutionState.COST_CHECKED, paid.value(),
				Map.of())) {
			return;
		}
		reached(id, ExecutionState.COST_CHECKED);
		TxSignService signer = this.signers.signer(plan.chainId());
		ChainCalls.Outcome gas;
		try {
			gas = ChainCalls.simulate(web3j, signer.getAddress(), plan.vault(), plan.calldata());
		}
		catch (IOException ex) {
			stop(id, token, new Outcome.Defer<>("the simulation could not reach the chain (" + ex.getMessage() + ")"),
					paper);
			return;
		}
		if (gas.reverted()) {
			stop(id, token, new Outcome.Fail<>("the simulation reverted, nothing was signed: " + gas.revert()), paper);
			return;
		}
		long gasLimit = Long.parseLong(gas.output()) * 5 / 4;
		if (!this.store.advance(id, token, List.of(ExecutionState.COST_CHECKED), ExecutionState.SIMULATED,
				"eth_call passed; estimateGas " + gas.output() + ", limit " + gasLimit,
				Map.of(EXECUTION.GAS_LIMIT, gasLimit))) {
			return;
		}
		reached(id, ExecutionState.SIMULATED);
		if (paper) {
			finish(id, token, Set.of(ExecutionState.SIMULATED), ExecutionState.PAPER_RECORDED,
					"paper: would " + plan.summary() + " (simulated, not signed)", null);
			return;
		}
		Optional<String> pause = this.paused.reason();
		if (pause.isPresent()) {
			defer(id, token, "execution is paused by an admin: " + pause.get());
			return;
		}
		BigInteger cap = this.fees.cap(intent.maxGasGwei());
		Fees.Caps caps = this.fees.first(quote, cap);
		if (caps == null) {
			defer(id, token,
					"gas costs " + Fees.inGwei(quote.price()) + " gwei now, above the cap of " + Fees.inGwei(cap)
							+ " gwei ("
							+ ((intent.maxGasGwei() != null) ? "the rule's max gas"
									: "the " + "system's yieldpilot.execution.max-fee-gwei")
							+ "); it runs when gas is cheaper");
			return;
		}
		if (!sign(id, token, plan, gasLimit, caps, signer, web3j)) {
			return;
		}
		reached(id, ExecutionState.SIGNED);
		broadcast(this.store.row(id).orElseThrow(), token);
	}

	/**
	 * Takes the key's next nonce, signs, and saves the raw transaction and its hash, all
	 * in one database transaction that first checks this node still holds the lease.
	 */
	private boolean sign(ExecutionId id, long token, Plan plan, long gasLimit, Fees.Caps caps, TxSignService signer,
			Web3j web3j) {
		String from = signer.getAddress().toLowerCase(Locale.ROOT);
		String key = plan.chainId() + "/" + from;
		if (!this.knownKeys.contains(key)) {
			// a key's sequence starts at the chain's count the first time it signs; from
			// then on PostgreSQL's row is the only source of nonces
			try {
				BigInteger chainNonce = web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING)
					.send()
					.getTransactionCount();
				this.store.ensureKey(plan.chainId(), from, chainNonce.longValueExact());
				this.knownKeys.add(key);
			}
			catch (IOException | RuntimeException ex) {
				defer(id, token, "the executor key's nonce could not be read (" + ex.getMessage() + ")");
				return false;
			}
		}
		Boolean signed = this.transactions.execute((status) -> {
			if (!this.store.lockFor(id, token, ExecutionState.SIMULATED)) {
				return false; // another node took over: the fence
			}
			OptionalLong taken = this.store.takeNonce(plan.chainId(), from);
			if (taken.isEmpty()) {
				// its row is gone: read the chain's count again before signing
				this.knownKeys.remove(key);
				throw new IllegalStateException("the executor key " + from + " has no nonce sequence yet");
			}
			long nonce = taken.getAsLong();
			RawTransaction tx = RawTransaction.createTransaction(plan.chainId(), BigInteger.valueOf(nonce),
					BigInteger.valueOf(gasLimit), plan.vault(), BigInteger.ZERO, plan.calldata(), caps.priorityFee(),
					caps.maxFee());
			byte[] bytes = signer.sign(tx, plan.chainId());
			String raw = Numeric.toHexString(bytes);
			String hash = Numeric.toHexString(Hash.sha3(bytes));
			this.store.saveAttempt(id, 1, hash, raw, caps.maxFee(), caps.priorityFee());
			return this.store.move(id, token, List.of(ExecutionState.SIMULATED), ExecutionState.SIGNED,
					"signed with nonce " + nonce + " as " + hash + " (max fee " + Fees.inGwei(caps.maxFee())
							+ " gwei, tip " + Fees.inGwei(caps.priorityFee()) + " gwei)",
					Map.of(EXECUTION.FROM_ADDRESS, from, EXECUTION.NONCE, nonce, EXECUTION.TX_HASH, hash));
		});
		return Boolean.TRUE.equals(signed);
	}

	/** Sends the newest saved attempt; never signs anything new. */
	void broadcast(ExecutionRecord row, @Nullable Long token) {
		ExecutionId id = new ExecutionId(row.getId());
		List<ExecutionTxRecord> attempts = this.store.attempts(id);
		ExecutionTxRecord latest = attempts.get(attempts.size() - 1);
		Broadcaster.Sent sent = Broadcaster.send(this.chains.client(row.getChainId()), latest.getRawTx(),
				latest.getTxHash());
		switch (sent.kind()) {
			case ACCEPTED, KNOWN -> {
				this.store.sent(latest.getTxHash());
				this.crashHook.getIfAvailable(() -> ExecutionCrashHook.NONE).sent(id);
				if (this.store.advance(id, token, List.of(ExecutionState.SIGNED), ExecutionState.BROADCAST,
						sent.detail(), Map.of())) {
					reached(id, ExecutionState.BROADCAST);
				}
			}
			case MISMATCH -> {
				this.alerts.increment();
				log.error("ALERT execution {}: {}; it stays signed, and the same bytes are sent again", id,
						sent.detail());
				this.store.alert(id, sent.detail()
						+ ": not advanced on this answer; the same bytes are sent again. Check the RPC provider");
			}
			case FAILED -> log.warn("Execution {} not sent yet, will retry with the same bytes: {}", id, sent.detail());
		}
	}

	/** Ends an execution and lets the intent go on, or end, with it. */
	boolean finish(ExecutionId id, @Nullable Long token, Set<ExecutionState> from, ExecutionState to, String reason,
			@Nullable Map<org.jooq.Field<?>, Object> sets) {
		Map<org.jooq.Field<?>, Object> values = new java.util.HashMap<>((sets != null) ? sets : Map.of());
		if (to == ExecutionState.CONFIRMED) {
			this.store.row(id).flatMap(this.results::read).ifPresent((result) -> values.put(EXECUTION.RESULT, result));
		}
		Boolean moved = this.transactions.execute((status) -> {
			if (!this.store.move(id, token, from, to, reason, values)) {
				return false;
			}
			ExecutionRecord row = this.store.row(id).orElseThrow();
			if (to == ExecutionState.FAILED) {
				this.events.publishEvent(
						new ExecutionFailed(id, row.getIntentId(), row.getOwnerId(), reason, row.getTxHash()));
			}
			if (to == ExecutionState.CONFIRMED) {
				this.events.publishEvent(new ExecutionConfirmed(id, row.getIntentId(), row.getOwnerId(),
						row.getChainId(), row.getTxHash(), row.getBlockNumber(), row.getGasUsed(), row.getCostWei()));
			}
			return true;
		});
		if (Boolean.TRUE.equals(moved)) {
			log.info("Execution {} {}: {}", id, to.name().toLowerCase(Locale.ROOT), reason);
			next(this.store.row(id).orElseThrow());
			return true;
		}
		return false;
	}

	/**
	 * After an execution ends: run the intent's next action, or settle the intent.
	 */
	private void next(ExecutionRecord ended) {
		ExecutionState state = ExecutionState.valueOf(ended.getState());
		List<ExecutionRecord> all = this.store.rowsOfIntent(ended.getIntentId());
		boolean goOn = state == ExecutionState.CONFIRMED || state == ExecutionState.SKIPPED
				|| state == ExecutionState.PAPER_RECORDED;
		for (ExecutionRecord later : all) {
			if (later.getActionIndex() > ended.getActionIndex()
					&& ExecutionState.valueOf(later.getState()) == ExecutionState.QUEUED) {
				if (goOn) {
					this.store.ready(new ExecutionId(later.getId()));
					run(new ExecutionId(later.getId()));
					return;
				}
				this.store.move(new ExecutionId(later.getId()), null, ExecutionState.QUEUED, ExecutionState.CANCELLED,
						"not run: action " + (ended.getActionIndex() + 1) + " ended "
								+ state.name().toLowerCase(Locale.ROOT));
			}
		}
		settle(ended.getIntentId(), this.store.rowsOfIntent(ended.getIntentId()));
	}

	private void settle(com.yieldpilot.rules.IntentId intent, List<ExecutionRecord> all) {
		if (all.stream().anyMatch((r) -> !ExecutionState.valueOf(r.getState()).isFinal())) {
			return;
		}
		IntentStatus status = IntentStatus.COMPLETED;
		List<String> reasons = new ArrayList<>();
		for (ExecutionRecord r : all) {
			ExecutionState s = ExecutionState.valueOf(r.getState());
			switch (s) {
				case FAILED -> status = IntentStatus.FAILED;
				case EXPIRED -> status = (status == IntentStatus.FAILED) ? status : IntentStatus.EXPIRED;
				case REJECTED -> status = (status == IntentStatus.COMPLETED) ? IntentStatus.BLOCKED : status;
				default -> {
				}
			}
			if (s != ExecutionState.CANCELLED) {
				reasons.add(describe(r, s));
			}
		}
		String reason = String.join("; ", reasons);
		try {
			this.intents.settle(intent, status, (reason.length() <= 500) ? reason : reason.substring(0, 499) + "…");
		}
		catch (IllegalStateException ex) {
			log.warn("Intent {} was already settled otherwise: {}", intent, ex.getMessage());
		}
	}

	private static String describe(ExecutionRecord r, ExecutionState s) {
		return switch (s) {
			case CONFIRMED -> "confirmed: " + r.getSummary() + " in tx " + r.getTxHash();
			case REJECTED -> "rejected in your approvals inbox";
			default -> String.valueOf(r.getReason());
		};
	}

	/**
	 * Ends or defers an execution that cannot go on. A paper execution records what would
	 * have happened instead of failing or waiting: nothing of it was ever going to move.
	 */
	private void stop(ExecutionId id, long token, Outcome<?> outcome, boolean paper) {
		if (paper && (outcome instanceof Outcome.Fail<?> || outcome instanceof Outcome.Defer<?>)) {
			String why = (outcome instanceof Outcome.Fail<?> fail) ? "would fail: " + fail.reason()
					: "could not be simulated now: " + ((Outcome.Defer<?>) outcome).reason();
			finish(id, token, BEFORE_SIGNING, ExecutionState.PAPER_RECORDED, "paper: " + why, null);
			return;
		}
		switch (outcome) {
			case Outcome.Skip<?> skip -> finish(id, token, BEFORE_SIGNING, ExecutionState.SKIPPED, skip.reason(), null);
			case Outcome.Fail<?> fail -> finish(id, token, BEFORE_SIGNING, ExecutionState.FAILED, fail.reason(), null);
			case Outcome.Defer<?> defer -> defer(id, token, defer.reason());
			case Outcome.Next<?> next -> throw new IllegalArgumentException("not a stop");
		}
	}

	private void defer(ExecutionId id, long token, String reason) {
		this.store.move(id, token, BEFORE_SIGNING, ExecutionState.DEFERRED, reason,
				Map.of(EXECUTION.RETRY_AT, java.time.OffsetDateTime
					.ofInstant(this.clock.instant().plus(this.properties.deferFor()), java.time.ZoneOffset.UTC)));
	}

	private void reached(ExecutionId id, ExecutionState state) {
		this.crashHook.getIfAvailable(() -> ExecutionCrashHook.NONE).reached(id, state);
	}

	String node() {
		try {
			return this.scheduler.getSchedulerInstanceId();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("The scheduler has no instance id", ex);
		}
	}

	/** The rule's own cap on gas, if it wrote one. */
	java.math.@Nullable BigDecimal ruleCap(ExecutionRecord row) {
		return this.intents.find(row.getIntentId()).map(ActionIntent::maxGasGwei).orElse(null);
	}

	/** Moves an execution out of the approvals inbox. */
	void decide(ExecutionId id, boolean approved) {
		if (approved) {
			if (!this.store.move(id, null, ExecutionState.AWAITING_APPROVAL, ExecutionState.QUEUED,
					"approved by you")) {
				throw new IllegalStateException("It no longer waits for approval");
			}
			this.store.ready(id);
			run(id);
			return;
		}
		if (!finish(id, null, Set.of(ExecutionState.AWAITING_APPROVAL), ExecutionState.REJECTED,
				"rejected by you: nothing moved", null)) {
			throw new IllegalStateException("It no longer waits for approval");
		}
	}

	/** Expires what waited in the approvals inbox too long. */
	void expireApprovals() {
		for (ExecutionId id : this.store.expiredApprovals(100)) {
			finish(id, null, Set.of(ExecutionState.AWAITING_APPROVAL), ExecutionState.EXPIRED,
					"not approved before it expired: nothing moved", null);
		}
	}

}
