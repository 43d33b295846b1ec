package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
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
import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.rules.ActionIntent;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.VaultSnapshot;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.Vaults;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns one action into one vault call. Amounts come from the vault's positions and idle
 * balance read on chain now; a guardrail's scale and the vault's own limits shrink them;
 * the minimum outputs are the targets' previews less the configured slippage, which is
 * what makes a donation front-run on an empty target revert instead of robbing the
 * deposit.
 */
@Component
class Planner {

	private final Vaults vaults;

	private final ChainAccess chains;

	private final ExecutorSigners signers;

	private final ExecutionProperties properties;

	private final Clock clock;

	Planner(Vaults vaults, ChainAccess chains, ExecutorSigners signers, ExecutionProperties properties, Clock clock) {
		this.vaults = vaults;
		this.chains = chains;
		this.signers = signers;
		this.properties = properties;
		this.clock = clock;
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
		Batch batch = new Batch(
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
					return plan(vault, (read != null) ? read : this.vaults.snapshot(vault), request.action(), pools,
							request.onchainId(), request.scale(), batch);
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

	private Outcome<Plan> plan(Vault vault, VaultSnapshot read, Action action, List<PoolId> pools, String onchainId,
			double scale, Batch batch) throws IOException {
		VaultState state = read.state();
		String executor = this.signers.signer(vault.chainId()).getAddress();
		if (state.executor() == null || !state.executor().equalsIgnoreCase(executor)) {
			return new Outcome.Fail<>("Your vault's executor is " + state.executor() + ", not YieldPilot's key "
					+ executor + ": set it on the vault page");
		}
		if (state.paused()) {
			return new Outcome.Fail<>("Your vault is paused: unpause it on the vault page to let rules act");
		}
		List<String> targets = new ArrayList<>();
		for (PoolId pool : pools) {
			String target = this.vaults.target(vault, pool).orElseThrow();
			if (state.allowlist().stream().noneMatch(target::equalsIgnoreCase)) {
				return new Outcome.Fail<>(
						pool + " (" + target + ") is not on your vault's allowlist: allow it on the " + "vault page");
			}
			targets.add(target);
		}
		Portfolio portfolio = read.portfolio();
		Sizing sizing = new Sizing(vault, state, batch, portfolio.block());
		long deadline = this.clock.instant().plus(this.properties.deadline()).getEpochSecond();
		return switch (action) {
			case Move move -> redeem(sizing, portfolio, move.amount(), move.limit(), move.from(), targets.get(0), scale,
					(shares, assets, minAssets) -> {
						BigInteger minShares = lessSlippage(sizing.preview(targets.get(1), "previewDeposit", assets));
						return new Plan(Plan.Kind.MOVE, vault.chainId(), vault.address(), vault.assetSymbol(),
								vault.assetDecimals(), targets.get(0), move.from().toString(), targets.get(1),
								move.to().toString(), shares, assets, minAssets, minShares, deadline, portfolio.block(),
								VaultCalls.move(onchainId, targets.get(0), targets.get(1), shares, minAssets, minShares,
										deadline),
								"move " + sizing.words(assets) + " from " + move.from() + " to " + move.to(),
								usd(batch, vault, move.from(), assets));
					});
			case Withdraw withdraw ->
				redeem(sizing, portfolio, withdraw.amount(), null, withdraw.from(), targets.get(0), scale,
						(shares, assets, minAssets) -> new Plan(Plan.Kind.WITHDRAW, vault.chainId(), vault.address(),
								vault.assetSymbol(), vault.assetDecimals(), targets.get(0), withdraw.from().toString(),
								null, null, shares, assets, minAssets, BigInteger.ZERO, deadline, portfolio.block(),
								VaultCalls.withdraw(onchainId, targets.get(0), shares, minAssets, deadline),
								"withdraw " + sizing.words(assets) + " from " + withdraw.from() + " into the vault",
								usd(batch, vault, withdraw.from(), assets)));
			case Deposit deposit -> deposit(sizing, portfolio, deposit, targets.get(0), scale, onchainId, deadline);
			default -> new Outcome.Skip<>("a notification moves no funds");
		};
	}

	@FunctionalInterface
	private interface RedeemPlan {

		Plan plan(BigInteger shares, BigInteger assets, BigInteger minAssets) throws IOException;

	}

	private Outcome<Plan> redeem(Sizing sizing, Portfolio portfolio, Amount amount, @Nullable Amount limit, PoolId pool,
			String target, double scale, RedeemPlan planner) throws IOException {
		BigInteger held = portfolio.positions()
			.stream()
			.filter((p) -> p.target().equalsIgnoreCase(target))
			.map(Position::shares)
			.findFirst()
			.orElse(BigInteger.ZERO);
		if (held.signum() <= 0) {
			return new Outcome.Skip<>("nothing to move: your vault holds no shares of " + pool);
		}
		BigInteger shares;
		if (amount instanceof Amount.Share share) {
			shares = fraction(held, share.percent().movePointLeft(2));
		}
		else {
			Outcome<BigInteger> assets = sizing.units(amount, pool);
			if (!(assets instanceof Outcome.Next<BigInteger> next)) {
				return retype(assets);
			}
			shares = sizing.preview(target, "previewWithdraw", next.value()).min(held);
		}
		if (limit != null) {
			Outcome<BigInteger> cap = sizing.units(limit, pool);
			if (!(cap instanceof Outcome.Next<BigInteger> next)) {
				return retype(cap);
			}
			shares = shares.min(sizing.preview(target, "previewWithdraw", next.value()));
		}
		shares = fraction(shares, BigDecimal.valueOf(scale));
		BigInteger assets = sizing.preview(target, "previewRedeem", shares);
		BigInteger allowed = sizing.allowed();
		if (allowed.signum() <= 0) {
			return new Outcome.Defer<>("your vault's allowance for this period is used up; it refills with the period");
		}
		if (assets.compareTo(allowed) > 0) {
			shares = shares.multiply(allowed).divide(assets);
			assets = sizing.preview(target, "previewRedeem", shares);
		}
		if (shares.signum() <= 0 || assets.signum() <= 0) {
			return new Outcome.Skip<>("nothing to move: the amount rounds to zero");
		}
		return new Outcome.Next<>(planner.plan(shares, assets, lessSlippage(assets)));
	}

	private Outcome<Plan> deposit(Sizing sizing, Portfolio portfolio, Deposit deposit, String target, double scale,
			String onchainId, long deadline) throws IOException {
		Vault vault = sizing.vault;
		BigInteger idle = portfolio.idle().movePointRight(vault.assetDecimals()).toBigInteger();
		if (idle.signum() <= 0) {
			return new Outcome.Skip<>("nothing to deposit: the vault holds no idle " + vault.assetSymbol());
		}
		BigInteger assets;
		if (deposit.amount() instanceof Amount.Share share) {
			assets = fraction(idle, share.percent().movePointLeft(2));
		}
		else {
			Outcome<BigInteger> units = sizing.units(deposit.amount(), deposit.into());
			if (!(units instanceof Outcome.Next<BigInteger> next)) {
				return retype(units);
			}
			assets = next.value().min(idle);
		}
		assets = fraction(assets, BigDecimal.valueOf(scale));
		BigInteger allowed = sizing.allowed();
		if (allowed.signum() <= 0) {
			return new Outcome.Defer<>("your vault's allowance for this period is used up; it refills with the period");
		}
		assets = assets.min(allowed);
		if (assets.signum() <= 0) {
			return new Outcome.Skip<>("nothing to deposit: the amount rounds to zero");
		}
		BigInteger minShares = lessSlippage(sizing.preview(target, "previewDeposit", assets));
		return new Outcome.Next<>(new Plan(Plan.Kind.DEPOSIT, vault.chainId(), vault.address(), vault.assetSymbol(),
				vault.assetDecimals(), null, null, target, deposit.into().toString(), BigInteger.ZERO, assets,
				BigInteger.ZERO, minShares, deadline, portfolio.block(),
				VaultCalls.deposit(onchainId, target, assets, minShares, deadline),
				"deposit " + sizing.words(assets) + " into " + deposit.into(),
				usd(sizing.batch, vault, deposit.into(), assets)));
	}

	/** The vault's amounts and limits, in the base asset's smallest unit. */
	private final class Sizing {

		private final Vault vault;

		private final VaultState state;

		private final Batch batch;

		private final long block;

		Sizing(Vault vault, VaultState state, Batch batch, long block) {
			this.vault = vault;
			this.state = state;
			this.batch = batch;
			this.block = block;
		}

		/**
		 * An ERC-4626 view of the target for the amount, at the block the vault was read
		 * at, so every number of the plan comes from one block; asked in the batch's
		 * round.
		 */
		BigInteger preview(String target, String view, BigInteger amount) throws IOException {
			return this.batch.previews().preview(this.vault.chainId(), this.block, target, view, amount);
		}

		/**
		 * The most one execution may move now: the per-execution limit and what is left
		 * of the period's.
		 */
		BigInteger allowed() {
			return units(this.state.maxAssetsPerExecution()).min(units(this.state.availableAllowance()));
		}

		private BigInteger units(BigDecimal amount) {
			return amount.movePointRight(this.vault.assetDecimals()).setScale(0, RoundingMode.DOWN).toBigInteger();
		}

		Outcome<BigInteger> units(Amount amount, PoolId pool) {
			return switch (amount) {
				case Amount.Tokens tokens -> tokens.symbol().equalsIgnoreCase(this.vault.assetSymbol())
						? new Outcome.Next<>(units(tokens.quantity()))
						: new Outcome.Fail<>("the amount is in " + tokens.symbol() + " but your vault holds "
								+ this.vault.assetSymbol() + ": write it in " + this.vault.assetSymbol());
				case Amount.Usd usd -> stablecoin(this.batch, pool) ? new Outcome.Next<>(units(usd.dollars()))
						: new Outcome.Fail<>("an amount in dollars needs a dollar stablecoin; your vault holds "
								+ this.vault.assetSymbol() + ": write the amount in " + this.vault.assetSymbol());
				case Amount.Share share -> new Outcome.Fail<>("a share has no size of its own");
			};
		}

		String words(BigInteger units) {
			return new BigDecimal(units, this.vault.assetDecimals()).stripTrailingZeros().toPlainString() + " "
					+ this.vault.assetSymbol();
		}

	}

	/**
	 * What the plans of one batch share: the rounds their previews are asked in, and the
	 * market's view of each pool they name, read once for the batch.
	 */
	private record Batch(PreviewRounds previews, BatchMarket market) {
	}

	private static Optional<PoolSnapshot> pool(Batch batch, PoolId pool) {
		return batch.market().pool(pool);
	}

	private static boolean stablecoin(Batch batch, PoolId pool) {
		return pool(batch, pool).map((s) -> s.pool().stablecoin()).orElse(false);
	}

	private @Nullable BigDecimal usd(Batch batch, Vault vault, PoolId pool, BigInteger units) {
		BigDecimal amount = new BigDecimal(units, vault.assetDecimals());
		Optional<PoolSnapshot> snapshot = pool(batch, pool);
		if (snapshot.isEmpty()) {
			return null;
		}
		if (snapshot.get().pool().stablecoin()) {
			return amount;
		}
		return snapshot.get()
			.value(Metric.PRICE)
			.filter((v) -> !v.stale())
			.map(LatestValue::value)
			.map((price) -> amount.multiply(BigDecimal.valueOf(price)))
			.orElse(null);
	}

	private BigInteger lessSlippage(BigInteger amount) {
		return fraction(amount, BigDecimal.ONE.subtract(this.properties.slippage()));
	}

	private static BigInteger fraction(BigInteger amount, BigDecimal fraction) {
		return new BigDecimal(amount).multiply(fraction).setScale(0, RoundingMode.DOWN).toBigInteger();
	}

	@SuppressWarnings("unchecked")
	private static <T> Outcome<T> retype(Outcome<?> stop) {
		return (Outcome<T>) stop;
	}

}
