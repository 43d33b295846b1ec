package com.yieldpilot.execution.internal.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import com.yieldpilot.market.LatestValue;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.PoolSnapshot;
import com.yieldpilot.rules.lang.Action;
import com.yieldpilot.rules.lang.Amount;
import com.yieldpilot.rules.lang.Deposit;
import com.yieldpilot.rules.lang.Move;
import com.yieldpilot.rules.lang.Withdraw;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultSnapshot;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.Vaults;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Turns one action into one vault call, from the vault as read on chain at one block.
 * Amounts come from the vault's positions and idle balance; a guardrail's scale and the
 * vault's own limits shrink them; the minimum outputs are the targets' previews less the
 * configured slippage, which is what makes a donation front-run on an empty target revert
 * instead of robbing the deposit. Apart from {@link Planner}, which finds the vaults and
 * reads them for a whole batch: this is the arithmetic of one plan.
 */
@Component
class PlanSizing {

	private final Vaults vaults;

	private final ExecutorSigners signers;

	private final ExecutionProperties properties;

	private final Clock clock;

	PlanSizing(Vaults vaults, ExecutorSigners signers, ExecutionProperties properties, Clock clock) {
		this.vaults = vaults;
		this.signers = signers;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The plan of one action on the vault read at {@code read}'s block: the vault must
	 * let YieldPilot's key act, not be paused and allow every pool the action names.
	 */
	Outcome<Plan> plan(Vault vault, VaultSnapshot read, Action action, List<PoolId> pools, String onchainId,
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
	record Batch(PreviewRounds previews, BatchMarket market) {
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
