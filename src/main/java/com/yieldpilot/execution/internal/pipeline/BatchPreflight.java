package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import static com.yieldpilot.execution.internal.pipeline.Columns.now;
import static com.yieldpilot.execution.internal.db.Tables.EXECUTION;

/**
 * What an execution batch learns before anything is signed: its plans, their costs and
 * simulations. Planning and the cost check read the pools' and ETH's figures once for the
 * batch; fees are quoted, and the calls simulated, once per chain. None of it spends
 * anything, so the PLANNED, COST_CHECKED and SIMULATED steps are only collected in each
 * item's pending steps and stored together, in one commit, once the simulation answered
 * (decision 0017, third round); a crash before that plans the execution again from the
 * chain. What a head start learnt while the guardrails reviewed the intent
 * ({@link HeadStart}) is taken instead of planning, quoting and simulating again, while
 * the chain's head is the block it read.
 */
@Component
class BatchPreflight {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ExecutionStore store;

	private final Planner planner;

	private final CostCheck costs;

	private final Fees fees;

	private final PausedExecution paused;

	private final ExecutorSigners signers;

	private final ChainAccess chains;

	private final ObjectProvider<ExecutionCrashHook> crashHook;

	private final Clock clock;

	private final HeadStart headStart;

	BatchPreflight(ExecutionStore store, Planner planner, CostCheck costs, Fees fees, PausedExecution paused,
			ExecutorSigners signers, ChainAccess chains, ObjectProvider<ExecutionCrashHook> crashHook, Clock clock,
			HeadStart headStart) {
		this.headStart = headStart;
		this.store = store;
		this.planner = planner;
		this.costs = costs;
		this.fees = fees;
		this.paused = paused;
		this.signers = signers;
		this.chains = chains;
		this.crashHook = crashHook;
		this.clock = clock;
	}

	/**
	 * How the pipeline stops an item the preflight takes no further, once the states the
	 * item reached on the way are stored: ending it may make the intent's next execution
	 * ready, which only the pipeline runs. It is called at once, so that the stops and
	 * the steps of the others keep their order.
	 */
	@FunctionalInterface
	interface Stop {

		void stop(BatchItem item, Outcome<?> outcome);

	}

	/**
	 * Plans, cost-checks and simulates the items, each with its intent found, and stores
	 * the three steps of those that passed in one commit; an item that cannot go on is
	 * handed to {@code stop} as soon as that is known, after the steps it reached.
	 * @return the items whose call passed the simulation and whose steps were stored
	 * under their tokens, in the batch's order per chain, each with its plan, fee quote
	 * and gas limit
	 */
	List<BatchItem> preflightAll(List<BatchItem> found, Stop stop) {
		return store(simulateAll(found, (item, outcome) -> {
			if (item.pending.isEmpty() || !store(List.of(item), false).isEmpty()) {
				stop.stop(item, outcome);
			} // otherwise another node holds it now
		}), true);
	}

	private List<BatchItem> simulateAll(List<BatchItem> found, Stop stop) {
		// what was planned while the guardrails reviewed, where the chain has not moved
		Map<BatchItem, HeadStart.Ahead> ahead = this.headStart.take(found);
		List<BatchItem> fresh = found.stream().filter((i) -> !ahead.containsKey(i)).toList();
		// the pools' and ETH's figures are read once for the batch, by planning and the
		// cost check alike
		BatchMarket market = fresh.isEmpty() ? null : this.costs.market();
		List<Outcome<Plan>> plans = fresh.isEmpty() ? List.of()
				: this.planner.planAll(fresh.stream()
					.map((i) -> new Planner.Request(i.intent(), i.intent().actions().get(i.row.getActionIndex()),
							i.row.getOnchainId(), i.row.getScale().doubleValue()))
					.toList(), Objects.requireNonNull(market));
		List<BatchItem> planned = new ArrayList<>();
		int next = 0;
		for (BatchItem item : found) {
			HeadStart.Ahead head = ahead.get(item);
			Outcome<Plan> plan = (head != null) ? new Outcome.Next<>(head.plan()) : plans.get(next++);
			if (plan instanceof Outcome.Next<Plan> done) {
				item.plan = done.value();
				planned.add(item);
			}
			else {
				stop.stop(item, plan);
			}
		}
		OffsetDateTime plannedAt = now(this.clock);
		for (BatchItem item : planned) {
			Plan plan = item.plan();
			item.pending.add(new ExecutionStore.Step(ExecutionState.PLANNED, plan.summary(), plannedAt,
					Map.of(EXECUTION.PLAN, JSON.writeValueAsString(plan), EXECUTION.SUMMARY, plan.summary(),
							EXECUTION.CHAIN_ID, plan.chainId(), EXECUTION.VAULT_ADDRESS, plan.vault())));
			reached(item.id, ExecutionState.PLANNED);
		}
		List<BatchItem> checked = new ArrayList<>();
		Map<BatchItem, String> paid = new HashMap<>();
		for (Map.Entry<Long, List<BatchItem>> chain : BatchItem.byChain(planned).entrySet()) {
			List<BatchItem> quoting = chain.getValue().stream().filter((i) -> !ahead.containsKey(i)).toList();
			Map<BatchItem, Outcome<String>> costs = costAll(chain.getKey(), quoting, market, stop);
			for (BatchItem item : chain.getValue()) {
				HeadStart.Ahead head = ahead.get(item);
				if (head != null) {
					item.quote = head.quote();
				}
				Outcome<String> cost = (head != null) ? new Outcome.Next<>(head.cost()) : costs.get(item);
				if (cost instanceof Outcome.Next<String> passed) {
					paid.put(item, passed.value());
					checked.add(item);
				}
				else if (cost != null) {
					stop.stop(item, cost);
				} // null: stopped when the fees could not be read
			}
		}
		OffsetDateTime checkedAt = now(this.clock);
		for (BatchItem item : checked) {
			item.pending.add(new ExecutionStore.Step(ExecutionState.COST_CHECKED, paid.get(item), checkedAt, Map.of()));
			reached(item.id, ExecutionState.COST_CHECKED);
		}
		List<BatchItem> simulated = new ArrayList<>();
		for (Map.Entry<Long, List<BatchItem>> chain : BatchItem.byChain(checked).entrySet()) {
			// a head start's simulation stands while the chain's head is the block it was
			// read at; once a block is mined (or other calls of the chain are simulated
			// anyway, in the same round trip) it is simulated again, as the steps would
			List<BatchItem> all = chain.getValue();
			boolean standing = all.stream().allMatch(ahead::containsKey)
					&& this.headStart.unchanged(chain.getKey(), all.stream().map(ahead::get).toList());
			List<BatchItem> items = standing ? List.of() : all;
			List<ChainCalls.Outcome> gas = List.of();
			if (!items.isEmpty()) {
				try {
					gas = ChainCalls.simulateAll(this.chains.client(chain.getKey()),
							this.signers.signer(chain.getKey()).getAddress(),
							items.stream()
								.map((i) -> new ChainCalls.Call(i.plan().vault(), i.plan().calldata()))
								.toList());
				}
				catch (IOException ex) {
					items.forEach((i) -> stop.stop(i,
							new Outcome.Defer<>("the simulation could not reach the chain (" + ex.getMessage() + ")")));
					continue;
				}
			}
			for (int k = 0; k < all.size(); k++) {
				BatchItem item = all.get(k);
				if (standing) {
					item.gasLimit = Objects.requireNonNull(ahead.get(item)).gasLimit();
				}
				else if (gas.get(k).reverted()) {
					stop.stop(item,
							new Outcome.Fail<>("the simulation reverted, nothing was signed: " + gas.get(k).revert()));
					continue;
				}
				else {
					item.gasLimit = gasLimit(gas.get(k));
				}
				simulated.add(item);
			}
		}
		OffsetDateTime simulatedAt = now(this.clock);
		for (BatchItem item : simulated) {
			item.pending.add(new ExecutionStore.Step(ExecutionState.SIMULATED,
					"the call passes: estimateGas " + (item.gasLimit * 4 / 5) + ", limit " + item.gasLimit, simulatedAt,
					Map.of(EXECUTION.GAS_LIMIT, item.gasLimit)));
		}
		return simulated;
	}

	/**
	 * The cost checks of a chain's items, under one fee quote; when the fees cannot be
	 * read, each item is deferred here and has no entry.
	 */
	private Map<BatchItem, Outcome<String>> costAll(long chainId, List<BatchItem> items, @Nullable BatchMarket market,
			Stop stop) {
		if (items.isEmpty()) {
			return Map.of();
		}
		Fees.Quote quote;
		try {
			quote = this.fees.quote(this.chains.client(chainId));
		}
		catch (IOException ex) {
			items.forEach((i) -> stop.stop(i,
					new Outcome.Defer<>("the chain's fees could not be read (" + ex.getMessage() + ")")));
			return Map.of();
		}
		List<Outcome<String>> costs = this.costs.checkAll(items.stream().map(BatchItem::plan).toList(), quote,
				Objects.requireNonNull(market));
		Map<BatchItem, Outcome<String>> byItem = new HashMap<>();
		for (int k = 0; k < items.size(); k++) {
			items.get(k).quote = quote;
			byItem.put(items.get(k), costs.get(k));
		}
		return byItem;
	}

	/**
	 * The gas limit for a simulated call: a quarter above the estimate, since the state
	 * may change between the simulation and the block that includes it (a position's
	 * shares accrue), and unused gas is not paid for.
	 */
	static long gasLimit(ChainCalls.Outcome simulated) {
		return Long.parseLong(Objects.requireNonNull(simulated.output())) * 5 / 4;
	}

	/**
	 * Stores the states the items reached since their stored one, in one commit, under
	 * each item's own token; with {@code reached}, calls the crash hook for the last
	 * state of each that moved (the states before it were reported as they were reached).
	 * @return the items that moved
	 */
	private List<BatchItem> store(List<BatchItem> items, boolean reached) {
		List<BatchItem> pending = items.stream().filter((i) -> !i.pending.isEmpty()).toList();
		if (pending.isEmpty()) {
			return pending;
		}
		Set<ExecutionId> moved = this.store.advanceSteps(
				pending.stream().map((i) -> new ExecutionStore.Steps(i.id, i.token, i.pending)).toList(),
				ExecutionPipeline.BEFORE_SIGNING);
		List<BatchItem> advanced = new ArrayList<>();
		for (BatchItem item : pending) {
			ExecutionState last = item.pending.getLast().state();
			item.pending.clear();
			if (moved.contains(item.id)) {
				advanced.add(item);
				if (reached) {
					reached(item.id, last);
				}
			}
		}
		return advanced;
	}

	private void reached(ExecutionId id, ExecutionState state) {
		this.crashHook.getIfAvailable(() -> ExecutionCrashHook.NONE).reached(id, state);
	}

	/**
	 * The last checks before signing, of the live items that passed the simulation: an
	 * admin's pause defers them all; fees above an item's cap (the system's, or its
	 * rule's max gas) defer that item, which runs when gas is cheaper. Each item cleared
	 * gets the fee caps it is signed with.
	 * @return the items to sign
	 */
	List<BatchItem> cleared(List<BatchItem> live, Stop stop) {
		Optional<String> pause = this.paused.reason();
		if (pause.isPresent()) {
			live.forEach((i) -> stop.stop(i, new Outcome.Defer<>("execution is paused by an admin: " + pause.get())));
			return List.of();
		}
		List<BatchItem> cleared = new ArrayList<>();
		for (BatchItem item : live) {
			Fees.Quote quote = Objects.requireNonNull(item.quote);
			BigInteger cap = this.fees.cap(item.intent().maxGasGwei());
			item.caps = this.fees.first(quote, cap);
			if (item.caps == null) {
				stop.stop(item, new Outcome.Defer<>(Fees.overCap(quote, cap, item.intent().maxGasGwei() != null)));
			}
			else {
				cleared.add(item);
			}
		}
		return cleared;
	}

}
