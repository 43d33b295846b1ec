package com.yieldpilot.market.internal.devnet;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.market.internal.local.SimulatedStepListener;
import com.yieldpilot.market.internal.onchain.BlockReader;
import com.yieldpilot.market.internal.simulator.MarketStep;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * Moves the devnet's contracts along with the simulator, on a worker thread of its own: a
 * step is a transaction of the steward, awaited, and the market refresh (scheduled, or an
 * admin's "refresh now") must not wait for it. The worker deploys the contracts first,
 * then applies the steps one drive at a time, never two at once; steps that arrive while
 * it drives are merged and applied together next. A drive that fails leaves what it did
 * not apply for the next step, merged into it. After each complete drive the
 * {@link DevnetClock} learns which block shows which simulated instant.
 */
final class DevnetFeed implements SimulatedStepListener, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DevnetFeed.class);

	private final DevnetDeployment deployment;

	private final DevnetDriver driver;

	private final Web3j web3j;

	private final DevnetClock clock;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("devnet-feed").factory());

	private final Object lock = new Object();

	// guarded by lock: what is still to apply, up to which simulated instant, and
	// whether a drive is queued or running
	private DevnetUpdate pending = DevnetUpdate.NONE;

	private @Nullable Instant pendingUntil;

	private boolean scheduled;

	DevnetFeed(DevnetDeployment deployment, DevnetDriver driver, Web3j web3j, DevnetClock clock) {
		this.deployment = deployment;
		this.driver = driver;
		this.web3j = web3j;
		this.clock = clock;
	}

	@Override
	public void stepped(MarketStep step, Duration simulated) {
		DevnetUpdate update = DevnetUpdate.of(step, simulated, this.deployment.plan().poolAssets());
		synchronized (this.lock) {
			this.pending = this.pending.then(update);
			this.pendingUntil = step.at();
			if (this.scheduled) {
				return;
			}
			this.scheduled = true;
		}
		submit();
	}

	private void submit() {
		try {
			this.worker.execute(this::drive);
		}
		catch (RejectedExecutionException ex) {
			// shutting down: the chain stops with the node
			synchronized (this.lock) {
				this.scheduled = false;
			}
		}
	}

	private void drive() {
		DevnetUpdate work;
		Instant until;
		synchronized (this.lock) {
			work = this.pending;
			until = this.pendingUntil;
			this.pending = DevnetUpdate.NONE;
		}
		DevnetUpdate left = work;
		try {
			DevnetContracts contracts = this.deployment.ensure(work.prices());
			left = this.driver.drive(contracts, work);
			if (left.isEmpty() && until != null) {
				this.clock.driven(new BlockReader(this.web3j, null).latestBlock(), until);
			}
		}
		catch (DevnetException ex) {
			// no vaults yet, so no yield to keep: a fresh deployment starts at a share
			// price of 1
			log.warn("{}; trying again at the next step", ex.getMessage());
			left = DevnetUpdate.NONE;
		}
		catch (RuntimeException ex) {
			log.warn("Devnet: the drive failed ({}); trying again at the next step", ex.toString());
		}
		boolean again;
		synchronized (this.lock) {
			this.pending = left.then(this.pending);
			// steps that came in meanwhile go now; after a failure they wait for the
			// next step
			again = left.isEmpty() && !this.pending.isEmpty();
			this.scheduled = again;
		}
		if (again) {
			submit();
		}
	}

	/**
	 * Runs {@code work} on the feed's worker, between drives, so that it shares the
	 * deployer's nonce sequence without racing them.
	 */
	<T> CompletableFuture<T> onWorker(Callable<T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		this.worker.execute(() -> {
			try {
				result.complete(work.call());
			}
			catch (Exception ex) {
				result.completeExceptionally(ex);
			}
		});
		return result;
	}

	/** Lets a running drive finish (within ten seconds), then stops the worker. */
	@Override
	public void close() {
		this.worker.shutdown();
		try {
			if (!this.worker.awaitTermination(10, TimeUnit.SECONDS)) {
				this.worker.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.worker.shutdownNow();
		}
	}

	@Override
	public String toString() {
		return "devnet";
	}

}
