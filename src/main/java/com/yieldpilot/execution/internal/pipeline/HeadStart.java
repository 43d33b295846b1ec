package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.IntentId;
import com.yieldpilot.rules.IntentProposed;
import com.yieldpilot.rules.lang.Mode;
import com.yieldpilot.rules.lang.Notify;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Plans, cost-checks and simulates an intent's first call while the guardrails review the
 * intent (decision 0017, sixth round): none of the three spends or stores anything, and
 * the review takes about as long as they do, so when the verdict lets the call go the
 * pipeline finds them done instead of starting them.
 * <p>
 * The pipeline takes a head start only where it is what it would find itself now: the
 * execution is the intent's first, fresh (queued, at full scale), and the chain's head is
 * still the block the plan, the fee quote and the simulation were all read at (number and
 * hash, checked once per chain and batch). Anything else (a scaled verdict, a block mined
 * meanwhile, a plan that stopped, a read that failed) is left to the pipeline's own
 * steps, which decide; so a head start never decides an outcome, it only saves a batch
 * the steps' round trips. Before the simulation step the head is read again
 * ({@link #unchanged}): once a block is mined the call is simulated again there, so the
 * simulation stays the last read before signing. The plan's amounts are the vault's
 * positions at that block, and its deadline runs from when it was planned, a few
 * milliseconds earlier.
 * <p>
 * At most {@value #AT_ONCE} run at once and none waits for a turn: a burst of firings
 * runs as batches (decision 0018) and would only load the chain with reads the blocks it
 * mines make stale.
 */
@Component
class HeadStart {

	static final int AT_ONCE = 2;

	/** A head start not taken by then is forgotten (its intent waits, or failed). */
	private static final Duration KEPT = Duration.ofSeconds(30);

	/** At most this many head starts are kept waiting to be taken. */
	private static final int KEPT_AT_MOST = 64;

	/**
	 * How long the pipeline waits for a head start still running before it plans itself.
	 */
	private static final Duration AWAITED = Duration.ofSeconds(2);

	private static final Logger log = LoggerFactory.getLogger(HeadStart.class);

	private final Planner planner;

	private final CostCheck costs;

	private final Fees fees;

	private final ChainAccess chains;

	private final ExecutorSigners signers;

	private final Clock clock;

	private final boolean enabled;

	private final Semaphore running = new Semaphore(AT_ONCE);

	private final Map<String, Started> started = new ConcurrentHashMap<>();

	private final ExecutorService runner = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("head-start-", 0).factory());

	private final Counter adopted;

	private final Counter stale;

	private final Counter unused;

	HeadStart(Planner planner, CostCheck costs, Fees fees, ChainAccess chains, ExecutorSigners signers, Clock clock,
			ExecutionProperties properties, MeterRegistry meters) {
		this.planner = planner;
		this.costs = costs;
		this.fees = fees;
		this.chains = chains;
		this.signers = signers;
		this.clock = clock;
		this.enabled = properties.headStart();
		this.adopted = counter(meters, "adopted");
		this.stale = counter(meters, "stale");
		this.unused = counter(meters, "unused");
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder("yieldpilot.execution.head.starts")
			.description("Intents' first calls planned during their review, by what became of them: adopted "
					+ "(taken by the pipeline: the chain's head had not moved), stale (a block was mined since "
					+ "they were read), unused (they stopped or failed, or the verdict scaled the call)")
			.tag("outcome", outcome)
			.register(meters);
	}

	/**
	 * What the pipeline's preflight would have found: the plan, the fee quote and the
	 * cost check's words, the gas limit, and the block all of them were read at.
	 */
	record Ahead(Plan plan, Fees.Quote quote, String cost, long gasLimit, String blockHash) {
	}

	private record Started(Instant at, CompletableFuture<@Nullable Ahead> ahead) {
	}

	/**
	 * Starts on the intent's first call as soon as it is proposed, still inside the
	 * proposing transaction (the review only starts after it commits): a proposal rolled
	 * back wasted some reads.
	 */
	@EventListener
	void on(IntentProposed proposed) {
		ActionIntent intent = proposed.intent();
		if (!this.enabled || intent.actions().getFirst() instanceof Notify
				|| (intent.approvalRequired() && intent.mode() == Mode.LIVE)) {
			return; // nothing to plan, or it waits for the farmer's approval first
		}
		Instant now = this.clock.instant();
		this.started.values().removeIf((s) -> s.at().isBefore(now.minus(KEPT)));
		String onchainId = VaultCalls.onchainId(intent.id(), 0);
		// proposed again (a waiting intent's turn came): what it started then is stale
		this.started.remove(onchainId);
		if (this.started.size() >= KEPT_AT_MOST || !this.running.tryAcquire()) {
			return;
		}
		CompletableFuture<@Nullable Ahead> ahead = new CompletableFuture<>();
		this.started.put(onchainId, new Started(now, ahead));
		try {
			this.runner.execute(() -> {
				try {
					ahead.complete(preflight(intent, onchainId));
				}
				catch (IOException | RuntimeException ex) {
					log.debug("The head start on intent {} stopped; the pipeline plans it itself: {}", intent.id(),
							ex.toString());
					ahead.complete(null);
				}
				finally {
					this.running.release();
				}
			});
		}
		catch (RuntimeException ex) { // shutting down
			this.running.release();
			this.started.remove(onchainId);
		}
	}

	private @Nullable Ahead preflight(ActionIntent intent, String onchainId) throws IOException {
		BatchMarket market = this.costs.market();
		Outcome<Plan> planned = this.planner
			.planAll(List.of(new Planner.Request(intent, intent.actions().getFirst(), onchainId, 1.0)), market)
			.getFirst();
		if (!(planned instanceof Outcome.Next<Plan> next)) {
			return null;
		}
		Plan plan = next.value();
		Web3j client = this.chains.client(plan.chainId());
		Fees.Head head = this.fees.head(client);
		if (head.block() != plan.block() || head.hash() == null) {
			return null; // a block was mined while it planned
		}
		if (!(this.costs.checkAll(List.of(plan), head.quote(), market)
			.getFirst() instanceof Outcome.Next<String> paid)) {
			return null;
		}
		ChainCalls.Outcome gas = ChainCalls
			.simulateAll(client, this.signers.signer(plan.chainId()).getAddress(),
					List.of(new ChainCalls.Call(plan.vault(), plan.calldata())))
			.getFirst();
		if (gas.reverted() || !head.hash().equals(latestHash(client))) {
			return null; // the steps find the revert, or simulate at the new head
		}
		return new Ahead(plan, head.quote(), paid.value(), BatchPreflight.gasLimit(gas), head.hash());
	}

	/**
	 * The head starts of the items that may take one, each taken once: the item is its
	 * intent's first execution, fresh and at full scale, and its chain's head is still
	 * the block the head start read.
	 */
	Map<BatchItem, Ahead> take(List<BatchItem> items) {
		if (this.started.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<Map.Entry<BatchItem, Ahead>>> byChain = new LinkedHashMap<>();
		for (BatchItem item : items) {
			// taken once, used or not: only an execution's first run can use it
			Started start = this.started.remove(item.row.getOnchainId());
			if (start == null) {
				continue;
			}
			Ahead ahead = fresh(item) ? awaited(start.ahead()) : null;
			if (ahead == null) {
				this.unused.increment();
				continue;
			}
			byChain.computeIfAbsent(ahead.plan().chainId(), (c) -> new ArrayList<>()).add(Map.entry(item, ahead));
		}
		Map<BatchItem, Ahead> taken = new LinkedHashMap<>();
		byChain.forEach((chain, candidates) -> {
			String hash = head(chain);
			for (Map.Entry<BatchItem, Ahead> candidate : candidates) {
				if (candidate.getValue().blockHash().equals(hash)) {
					taken.put(candidate.getKey(), candidate.getValue());
					this.adopted.increment();
				}
				else {
					this.stale.increment();
				}
			}
		});
		return taken;
	}

	/** The intent's first execution, not run before, at the scale the head start used. */
	private static boolean fresh(BatchItem item) {
		return item.row.getActionIndex() == 0 && ExecutionState.QUEUED.name().equals(item.row.getState())
				&& item.row.getScale().compareTo(BigDecimal.ONE) == 0;
	}

	/**
	 * Whether the head start on the intent's first call has finished (or none was made):
	 * what a test waits for before it moves the chain.
	 */
	boolean finished(IntentId intent) {
		Started start = this.started.get(VaultCalls.onchainId(intent, 0));
		return start == null || start.ahead().isDone();
	}

	/**
	 * Whether the chain's head is still the block the head starts taken were read at, so
	 * their simulations stand; false when it cannot be told.
	 */
	boolean unchanged(long chainId, List<Ahead> taken) {
		String hash = head(chainId);
		return hash != null && taken.stream().allMatch((a) -> a.blockHash().equals(hash));
	}

	private @Nullable String head(long chainId) {
		try {
			return latestHash(this.chains.client(chainId));
		}
		catch (IOException | RuntimeException ex) {
			return null; // the pipeline's own steps meet the same chain and say why
		}
	}

	private static @Nullable String latestHash(Web3j client) throws IOException {
		EthBlock latest = client.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send();
		return (latest.hasError() || latest.getBlock() == null) ? null : latest.getBlock().getHash();
	}

	private static @Nullable Ahead awaited(CompletableFuture<@Nullable Ahead> ahead) {
		try {
			return ahead.get(AWAITED.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	@PreDestroy
	void stop() {
		this.runner.shutdownNow();
	}

}
