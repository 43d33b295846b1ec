package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.pipeline.ExecutionPipeline.Item;
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
 * item's pending steps, for the pipeline to store together once the simulation answered
 * (decision 0017, third round); a crash before that plans the execution again from the
 * chain.
 */
@Component
class BatchPreflight {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Planner planner;

	private final CostCheck costs;

	private final Fees fees;

	private final ExecutorSigners signers;

	private final ChainAccess chains;

	private final ObjectProvider<ExecutionCrashHook> crashHook;

	private final Clock clock;

	BatchPreflight(Planner planner, CostCheck costs, Fees fees, ExecutorSigners signers, ChainAccess chains,
			ObjectProvider<ExecutionCrashHook> crashHook, Clock clock) {
		this.planner = planner;
		this.costs = costs;
		this.fees = fees;
		this.signers = signers;
		this.chains = chains;
		this.crashHook = crashHook;
		this.clock = clock;
	}

	/**
	 * How the pipeline stops an item the preflight takes no further: it stores the states
	 * the item reached on the way first, and ending it may make the intent's next
	 * execution ready, which only the pipeline runs. It is called at once, so that the
	 * stops and the steps of the others keep their order.
	 */
	@FunctionalInterface
	interface Stop {

		void stop(Item item, Outcome<?> outcome);

	}

	/**
	 * Plans, cost-checks and simulates the items, each with its intent found; an item
	 * that cannot go on is handed to {@code stop} as soon as that is known.
	 * @return the items whose call passed the simulation, in the batch's order per chain,
	 * each with its plan, fee quote, gas limit and its three pending steps
	 */
	List<Item> preflightAll(List<Item> found, Stop stop) {
		// the pools' and ETH's figures are read once for the batch, by planning and the
		// cost check alike
		BatchMarket market = this.costs.market();
		List<Outcome<Plan>> plans = this.planner.planAll(found.stream()
			.map((i) -> new Planner.Request(i.intent(), i.intent().actions().get(i.row.getActionIndex()),
					i.row.getOnchainId(), i.row.getScale().doubleValue()))
			.toList(), market);
		List<Item> planned = new ArrayList<>();
		for (int k = 0; k < found.size(); k++) {
			Item item = found.get(k);
			if (plans.get(k) instanceof Outcome.Next<Plan> next) {
				item.plan = next.value();
				planned.add(item);
			}
			else {
				stop.stop(item, plans.get(k));
			}
		}
		OffsetDateTime plannedAt = now(this.clock);
		for (Item item : planned) {
			Plan plan = item.plan();
			item.pending.add(new ExecutionStore.Step(ExecutionState.PLANNED, plan.summary(), plannedAt,
					Map.of(EXECUTION.PLAN, JSON.writeValueAsString(plan), EXECUTION.SUMMARY, plan.summary(),
							EXECUTION.CHAIN_ID, plan.chainId(), EXECUTION.VAULT_ADDRESS, plan.vault())));
			reached(item.id, ExecutionState.PLANNED);
		}
		List<Item> checked = new ArrayList<>();
		Map<Item, String> paid = new HashMap<>();
		for (Map.Entry<Long, List<Item>> chain : Item.byChain(planned).entrySet()) {
			Fees.Quote quote;
			try {
				quote = this.fees.quote(this.chains.client(chain.getKey()));
			}
			catch (IOException ex) {
				chain.getValue()
					.forEach((i) -> stop.stop(i,
							new Outcome.Defer<>("the chain's fees could not be read (" + ex.getMessage() + ")")));
				continue;
			}
			List<Outcome<String>> costs = this.costs.checkAll(chain.getValue().stream().map(Item::plan).toList(), quote,
					market);
			for (int k = 0; k < chain.getValue().size(); k++) {
				Item item = chain.getValue().get(k);
				item.quote = quote;
				Outcome<String> cost = costs.get(k);
				if (cost instanceof Outcome.Next<String> next) {
					paid.put(item, next.value());
					checked.add(item);
				}
				else {
					stop.stop(item, cost);
				}
			}
		}
		OffsetDateTime checkedAt = now(this.clock);
		for (Item item : checked) {
			item.pending.add(new ExecutionStore.Step(ExecutionState.COST_CHECKED, paid.get(item), checkedAt, Map.of()));
			reached(item.id, ExecutionState.COST_CHECKED);
		}
		List<Item> simulated = new ArrayList<>();
		for (Map.Entry<Long, List<Item>> chain : Item.byChain(checked).entrySet()) {
			List<Item> items = chain.getValue();
			List<ChainCalls.Outcome> gas;
			try {
				gas = ChainCalls.simulateAll(this.chains.client(chain.getKey()),
						this.signers.signer(chain.getKey()).getAddress(),
						items.stream().map((i) -> new ChainCalls.Call(i.plan().vault(), i.plan().calldata())).toList());
			}
			catch (IOException ex) {
				items.forEach((i) -> stop.stop(i,
						new Outcome.Defer<>("the simulation could not reach the chain (" + ex.getMessage() + ")")));
				continue;
			}
			for (int k = 0; k < items.size(); k++) {
				Item item = items.get(k);
				if (gas.get(k).reverted()) {
					stop.stop(item,
							new Outcome.Fail<>("the simulation reverted, nothing was signed: " + gas.get(k).revert()));
					continue;
				}
				// a quarter above the estimate: the state may change between the
				// simulation
				// and the block that includes it (a position's shares accrue), and unused
				// gas is not paid for
				item.gasLimit = Long.parseLong(Objects.requireNonNull(gas.get(k).output())) * 5 / 4;
				simulated.add(item);
			}
		}
		OffsetDateTime simulatedAt = now(this.clock);
		for (Item item : simulated) {
			item.pending.add(new ExecutionStore.Step(ExecutionState.SIMULATED,
					"the call passes: estimateGas " + (item.gasLimit * 4 / 5) + ", limit " + item.gasLimit, simulatedAt,
					Map.of(EXECUTION.GAS_LIMIT, item.gasLimit)));
		}
		return simulated;
	}

	private void reached(ExecutionId id, ExecutionState state) {
		this.crashHook.getIfAvailable(() -> ExecutionCrashHook.NONE).reached(id, state);
	}

}
