package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.yieldpilot.chain.ChainAccess;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.VaultSnapshot;
import com.yieldpilot.vault.Vaults;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Plans a batch of actions: finds each one's vault, reads the vaults on chain together
 * and has {@link PlanSizing} turn each action into its vault call, the plans of a batch
 * side by side.
 */
@Component
class Planner {

	private final Vaults vaults;

	private final ChainAccess chains;

	private final PlanSizing sizing;

	Planner(Vaults vaults, ChainAccess chains, PlanSizing sizing) {
		this.vaults = vaults;
		this.chains = chains;
		this.sizing = sizing;
	}

	/** One action to plan: the intent's action at its index, under its on-chain id. */
	record Request(ActionIntent intent, Action action, String onchainId, double scale) {
	}

	/**
	 * Plans a batch: the vaults of all of them are read in one batched snapshot (the
	 * vault lens: as many round trips as one vault's), then each is sized on a virtual
	 * thread of its own, and their previews are asked together in rounds
	 * ({@link PreviewRounds}) at the block their vault was read at. A batched read that
	 * fails is retried vault by vault, so that one unreadable vault defers only its own
	 * executions. Amounts are valued from the batch's view of the market, which the cost
	 * check reads next.
	 * @return the outcomes in the order of the requests
	 */
	List<Outcome<Plan>> planAll(List<Request> requests, BatchMarket market) {
		List<@Nullable Outcome<Plan>> outcomes = new ArrayList<>();
		List<@Nullable Vault> vaultOf = new ArrayList<>();
		Map<UserId, List<Vault>> owned = this.vaults
			.vaults(requests.stream().map((r) -> r.intent().owner()).distinct().toList());
		List<List<PoolId>> poolsOf = new ArrayList<>();
		for (Request request : requests) {
			List<PoolId> pools = switch (request.action()) {
				case Move move -> List.of(move.from(), move.to());
				case Withdraw withdraw -> List.of(withdraw.from());
				case Deposit deposit -> List.of(deposit.into());
				default -> List.of();
			};
			poolsOf.add(pools);
			Optional<Vault> found = pools.isEmpty() ? Optional.empty()
					: owned.getOrDefault(request.intent().owner(), List.of())
						.stream()
						.filter((v) -> pools.stream().allMatch((p) -> this.vaults.target(v, p).isPresent()))
						.findFirst();
			vaultOf.add(found.orElse(null));
			if (pools.isEmpty()) {
				outcomes.add(new Outcome.Skip<>("a notification moves no funds"));
			}
			else if (found.isEmpty()) {
				outcomes.add(new Outcome.Fail<>("You have no vault that can reach "
						+ pools.stream().map(PoolId::toString).reduce((a, b) -> a + " and " + b).orElseThrow()
						+ ": create one, or allow the pool on the vault page"));
			}
			else {
				outcomes.add(null);
			}
		}
		Map<Vault, VaultSnapshot> snapshots = snapshots(vaultOf.stream().filter(Objects::nonNull).distinct().toList());
		List<Callable<Outcome<Plan>>> work = new ArrayList<>();
		List<Integer> at = new ArrayList<>();
		PlanSizing.Batch batch = new PlanSizing.Batch(
				new PreviewRounds((int) outcomes.stream().filter(Objects::isNull).count(), this.chains::client),
				market);
		for (int i = 0; i < requests.size(); i++) {
			if (outcomes.get(i) != null) {
				continue;
			}
			Request request = requests.get(i);
			Vault vault = Objects.requireNonNull(vaultOf.get(i));
			List<PoolId> pools = poolsOf.get(i);
			at.add(i);
			work.add(() -> {
				try {
					VaultSnapshot read = snapshots.get(vault);
					return this.sizing.plan(vault, (read != null) ? read : this.vaults.snapshot(vault),
							request.action(), pools, request.onchainId(), request.scale(), batch);
				}
				catch (VaultReadException | IOException ex) {
					return new Outcome.Defer<>(
							"the chain could not be read to plan the call (" + ex.getMessage() + ")");
				}
				finally {
					batch.previews().done();
				}
			});
		}
		List<Outcome<Plan>> planned = inParallel(work);
		for (int k = 0; k < at.size(); k++) {
			outcomes.set(at.get(k), planned.get(k));
		}
		return outcomes.stream().map(Objects::requireNonNull).toList();
	}

	/** The vaults' snapshots in one batched read; empty when it failed. */
	private Map<Vault, VaultSnapshot> snapshots(List<Vault> distinct) {
		if (distinct.size() < 2) {
			return Map.of(); // one vault: read inside its plan, where a failure defers it
		}
		try {
			List<VaultSnapshot> read = this.vaults.snapshots(distinct);
			Map<Vault, VaultSnapshot> byVault = new HashMap<>();
			for (int i = 0; i < distinct.size(); i++) {
				byVault.put(distinct.get(i), read.get(i));
			}
			return byVault;
		}
		catch (VaultReadException ex) {
			return Map.of();
		}
	}

	private static <T> List<T> inParallel(List<Callable<T>> work) {
		if (work.size() == 1) {
			try {
				return List.of(work.getFirst().call());
			}
			catch (Exception ex) {
				throw rethrow(ex);
			}
		}
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<T> results = new ArrayList<>();
			for (Future<T> future : threads.invokeAll(work)) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while planning", ex);
		}
		catch (ExecutionException ex) {
			throw rethrow(ex.getCause());
		}
	}

	private static RuntimeException rethrow(Throwable ex) {
		if (ex instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (ex instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(ex);
	}

}
