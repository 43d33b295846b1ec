package com.yieldpilot.vault;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.yieldpilot.chain.contracts.MockERC4626;
import com.yieldpilot.chain.contracts.YieldVault;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;

import static com.yieldpilot.vault.VaultChain.ALLOWANCE;
import static com.yieldpilot.vault.VaultChain.DAY;
import static com.yieldpilot.vault.VaultChain.DEPLOYER;
import static com.yieldpilot.vault.VaultChain.EXECUTOR;
import static com.yieldpilot.vault.VaultChain.MAX_PER_EXECUTION;
import static com.yieldpilot.vault.VaultChain.OWNER;
import static com.yieldpilot.vault.VaultChain.STRANGER;
import static com.yieldpilot.vault.VaultChain.executionId;
import static com.yieldpilot.vault.VaultChain.usdc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random sequences of owner, executor and stranger calls against one vault on anvil
 * (RELIABILITY items 13 to 15 as invariants). After every step: every unit of the asset
 * is in the vault, a target, the owner's wallet or the market (the deployer, who mints
 * and moves yield), and no one else holds a target's shares; the vault holds no shares of
 * a target the owner never allowlisted; the executor's moves stay within the
 * per-execution limit and, summed over the current period, within the allowance; while
 * paused, the executor's calls fail, and so do its calls under a used execution id; a
 * stranger's calls always fail. Each try starts from the same snapshot of the set-up
 * chain.
 */
class YieldVaultPropertiesIT {

	private static VaultChain chain;

	private static List<MockERC4626> targets;

	private String snapshot = "";

	private BigInteger firstPeriodStart = BigInteger.ZERO;

	private final List<Move> moves = new ArrayList<>();

	private final Set<Integer> everAllowed = new HashSet<>();

	private final Set<BigInteger> usedExecutionIds = new HashSet<>();

	private byte[] lastExecutionId = executionId();

	@BeforeContainer
	static void startChain() {
		chain = VaultChain.start();
		targets = List.of(chain.aave, chain.morpho, chain.unlisted);
	}

	@AfterContainer
	static void stopChain() {
		chain.close();
	}

	@BeforeTry
	void snapshot() throws Exception {
		this.snapshot = chain.devnet.snapshot();
		this.firstPeriodStart = chain.vault(OWNER).periodStart().send();
		this.moves.clear();
		this.everAllowed.clear();
		this.usedExecutionIds.clear();
		this.everAllowed.addAll(List.of(0, 1));
	}

	@AfterTry
	void revert() {
		chain.devnet.revert(this.snapshot);
	}

	@Property(tries = 50)
	void fundsStayPutLimitsHoldAndPauseStopsTheExecutor(@ForAll("sequences") List<Step> steps) throws Exception {
		for (Step step : steps) {
			boolean pausedBefore = chain.vault(OWNER).paused().send();
			Outcome outcome = apply(step);
			if (outcome.byExecutor()) {
				Statistics.label("executor calls").collect(outcome.succeeded() ? "went through" : "reverted");
			}
			if (step instanceof Stranger) {
				assertThat(outcome.succeeded()).as("a stranger's %s", step).isFalse();
			}
			if (outcome.byExecutor() && pausedBefore) {
				assertThat(outcome.succeeded()).as("the executor's %s while paused", step).isFalse();
			}
			BigInteger id = new BigInteger(1, this.lastExecutionId);
			if (outcome.byExecutor() && this.usedExecutionIds.contains(id)) {
				assertThat(outcome.succeeded()).as("the executor's %s under a used execution id", step).isFalse();
			}
			if (outcome.byExecutor() && outcome.succeeded()) {
				this.usedExecutionIds.add(id);
				assertThat(outcome.moved()).as("moved by %s", step).isLessThanOrEqualTo(MAX_PER_EXECUTION);
				this.moves.add(new Move(chain.devnet.timestamp(), outcome.moved()));
			}
			assertInvariants(step);
		}
	}

	private void assertInvariants(Step step) throws Exception {
		List<String> holders = new ArrayList<>(List.of(chain.vault, OWNER.getAddress(), DEPLOYER.getAddress()));
		targets.forEach((target) -> holders.add(target.getContractAddress()));
		BigInteger held = BigInteger.ZERO;
		for (String holder : holders) {
			held = held.add(chain.balance(holder));
		}
		assertThat(held).as("the asset is all in the vault, a target, the owner or the market after %s", step)
			.isEqualTo(chain.usdc.totalSupply().send());
		for (int i = 0; i < targets.size(); i++) {
			MockERC4626 target = targets.get(i);
			BigInteger vaultShares = chain.shares(target, chain.vault);
			assertThat(vaultShares.add(chain.shares(target, DEPLOYER.getAddress())))
				.as("%s's shares belong to the vault and the market after %s", target.getContractAddress(), step)
				.isEqualTo(target.totalSupply().send());
			if (!this.everAllowed.contains(i)) {
				assertThat(vaultShares).as("shares of a target never allowlisted after %s", step).isZero();
			}
		}
		BigInteger now = chain.devnet.timestamp();
		BigInteger windowStart = now.subtract(now.subtract(this.firstPeriodStart).mod(DAY));
		BigInteger inWindow = this.moves.stream()
			.filter((move) -> move.at().compareTo(windowStart) >= 0)
			.map(Move::assets)
			.reduce(BigInteger.ZERO, BigInteger::add);
		assertThat(inWindow).as("moved in the current period after %s", step).isLessThanOrEqualTo(ALLOWANCE);
	}

	private Outcome apply(Step step) throws Exception {
		YieldVault executor = chain.vault(EXECUTOR);
		YieldVault owner = chain.vault(OWNER);
		return switch (step) {
			case Deposit(int target, long amount) -> {
				this.lastExecutionId = executionId();
				BigInteger assets = usdc(amount);
				yield executor(executor.executeDeposit(this.lastExecutionId, address(target), assets, BigInteger.ZERO,
						chain.deadline()), (receipt) -> assets);
			}
			case Withdraw(int target, int percent) -> {
				this.lastExecutionId = executionId();
				yield executor(
						executor.executeWithdraw(this.lastExecutionId, address(target), part(sharesOf(target), percent),
								BigInteger.ZERO, chain.deadline()),
						(receipt) -> YieldVault.getWithdrawnEvents(receipt).getFirst().assets);
			}
			case Shift(int from, int to, int percent) -> {
				this.lastExecutionId = executionId();
				yield executor(
						executor.executeMove(this.lastExecutionId, address(from), address(to),
								part(sharesOf(from), percent), BigInteger.ZERO, BigInteger.ZERO, chain.deadline()),
						(receipt) -> YieldVault.getMovedEvents(receipt).getFirst().assets);
			}
			case Replay(int target) -> executor(executor.executeDeposit(this.lastExecutionId, address(target), usdc(1),
					BigInteger.ZERO, chain.deadline()), (receipt) -> usdc(1));
			case Pause() -> other(owner.pause());
			case Unpause() -> other(owner.unpause());
			case Allow(int target) -> {
				Outcome outcome = other(owner.allowTarget(address(target)));
				if (outcome.succeeded()) {
					this.everAllowed.add(target);
				}
				yield outcome;
			}
			case Remove(int target) -> other(owner.removeTarget(address(target)));
			case OwnerWithdraw(int percent) ->
				other(owner.withdrawToken(chain.usdc.getContractAddress(), part(chain.balance(chain.vault), percent)));
			case OwnerRedeem(int target, int percent) ->
				other(owner.redeemPosition(address(target), part(sharesOf(target), percent), BigInteger.ZERO));
			case OwnerFund(long amount) -> other(owner.fund(usdc(amount)));
			case Stranger(int kind) -> other(strangerCall(kind));
			case Warp(long seconds) -> {
				chain.devnet.advanceTime(seconds);
				yield new Outcome(false, true, BigInteger.ZERO);
			}
			case Yield(int target, int permille) -> {
				MockERC4626 vault = targets.get(target);
				BigInteger assets = vault.totalAssets()
					.send()
					.multiply(BigInteger.valueOf(Math.abs(permille)))
					.divide(BigInteger.valueOf(1_000));
				yield other((permille >= 0) ? vault.accrue(assets) : vault.lose(assets));
			}
		};
	}

	private RemoteFunctionCall<TransactionReceipt> strangerCall(int kind) throws Exception {
		YieldVault stranger = chain.vault(STRANGER);
		return switch (kind) {
			case 0 -> stranger.executeDeposit(executionId(), address(0), usdc(10), BigInteger.ZERO, chain.deadline());
			case 1 -> stranger.withdrawToken(chain.usdc.getContractAddress(), usdc(1));
			case 2 -> stranger.setExecutor(STRANGER.getAddress());
			case 3 -> stranger.allowTarget(address(2));
			case 4 -> stranger.pause();
			case 5 -> stranger.transferOwnership(STRANGER.getAddress());
			default -> stranger.setLimits(usdc(1_000_000), usdc(1_000_000), DAY);
		};
	}

	private Outcome executor(RemoteFunctionCall<TransactionReceipt> call, Moved moved) throws Exception {
		try {
			TransactionReceipt receipt = call.send();
			return new Outcome(true, true, moved.from(receipt));
		}
		catch (TransactionException ex) {
			return new Outcome(true, false, BigInteger.ZERO);
		}
	}

	private Outcome other(RemoteFunctionCall<TransactionReceipt> call) throws Exception {
		try {
			call.send();
			return new Outcome(false, true, BigInteger.ZERO);
		}
		catch (TransactionException ex) {
			return new Outcome(false, false, BigInteger.ZERO);
		}
	}

	private BigInteger sharesOf(int target) throws Exception {
		return chain.shares(targets.get(target), chain.vault);
	}

	/**
	 * {@code percent} of {@code whole}, at least one unit so that the call is attempted.
	 */
	private static BigInteger part(BigInteger whole, int percent) {
		return whole.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100)).max(BigInteger.ONE);
	}

	private static String address(int target) {
		return targets.get(target).getContractAddress();
	}

	@Provide
	Arbitrary<List<Step>> sequences() {
		Arbitrary<Integer> target = Arbitraries.integers().between(0, 2);
		Arbitrary<Integer> percent = Arbitraries.integers().between(1, 100);
		Arbitrary<Step> step = Arbitraries.frequencyOf(
				Tuple.of(8, Combinators.combine(target, Arbitraries.longs().between(1, 1_500)).as(Deposit::new)),
				Tuple.of(5, Combinators.combine(target, percent).as(Withdraw::new)),
				Tuple.of(5, Combinators.combine(target, target, percent).as(Shift::new)),
				Tuple.of(2, target.map(Replay::new)), Tuple.of(2, Arbitraries.just(new Pause())),
				Tuple.of(2, Arbitraries.just(new Unpause())), Tuple.of(1, target.map(Allow::new)),
				Tuple.of(1, target.map(Remove::new)), Tuple.of(1, percent.map(OwnerWithdraw::new)),
				Tuple.of(1, Combinators.combine(target, percent).as(OwnerRedeem::new)),
				Tuple.of(1, Arbitraries.longs().between(1, 3_000).map(OwnerFund::new)),
				Tuple.of(3, Arbitraries.integers().between(0, 6).map(Stranger::new)),
				Tuple.of(2, Arbitraries.longs().between(60, 2 * 86_400).map(Warp::new)),
				Tuple.of(1,
						Combinators
							.combine(Arbitraries.integers().between(0, 1), Arbitraries.integers().between(-50, 50))
							.as(Yield::new)));
		return step.list().ofSize(20);
	}

	sealed interface Step {

	}

	record Deposit(int target, long amount) implements Step {
	}

	record Withdraw(int target, int percent) implements Step {
	}

	record Shift(int from, int to, int percent) implements Step {
	}

	/** A deposit under the execution id of the previous executor call. */
	record Replay(int target) implements Step {
	}

	record Pause() implements Step {
	}

	record Unpause() implements Step {
	}

	record Allow(int target) implements Step {
	}

	record Remove(int target) implements Step {
	}

	record OwnerWithdraw(int percent) implements Step {
	}

	record OwnerRedeem(int target, int percent) implements Step {
	}

	record OwnerFund(long amount) implements Step {
	}

	record Stranger(int kind) implements Step {
	}

	record Warp(long seconds) implements Step {
	}

	/** The market grows or shrinks a seeded target's assets by this many thousandths. */
	record Yield(int target, int permille) implements Step {
	}

	record Outcome(boolean byExecutor, boolean succeeded, BigInteger moved) {
	}

	record Move(BigInteger at, BigInteger assets) {
	}

	@FunctionalInterface
	interface Moved {

		BigInteger from(TransactionReceipt receipt) throws Exception;

	}

}
