package com.yieldpilot.bench;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.Vaults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.tx.Transfer;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

import static org.awaitility.Awaitility.await;

/**
 * Target: from a market update that makes a rule fire to the signed transaction's
 * broadcast, p99 ≤ 50 ms on the local chain; and ≥ 500 intents per second through the
 * pipeline with many vaults.
 * <p>
 * The measured path runs on one YieldPilot node in local mode ({@link BenchNode}): a new
 * APY for a pool is stored and {@code MarketUpdated} published as a market refresh does;
 * the node evaluates the rule shards at once (the farmer's live rule in Drools) and
 * proposes the intent; the guardrails review it (event publication registry, guardrail
 * DRL); the pipeline plans it from the vault read on anvil, checks its cost, simulates it
 * ({@code eth_call}, {@code eth_estimateGas}), signs it under the key's nonce lock, saves
 * it and sends it. An operation ends when anvil has answered
 * {@code eth_sendRawTransaction} and the answer is recorded (the pipeline's hook after
 * the broadcast). Confirmation is not in it.
 * <p>
 * {@code marketUpdateToBroadcast}: one firing at a time (the farmer's deposit intents
 * wait for each other by design), two rules on one pool (above and below 5%) so each move
 * fires one. Between operations, not measured: the previous intent settles. The simulated
 * market keeps moving meanwhile, so a firing may wait for an evaluation already running.
 * The stage split is printed at the end from {@code execution_step}.
 * <p>
 * {@code fleetIntentsToBroadcast}: {@value #FLEET} farmers with a vault each (created
 * through the factory, funded, allowlisted), one market move fires one intent for each;
 * the score is the time per intent from the market update to the last broadcast.
 * <p>
 * Baselines of the same run: {@code rawSend} is one {@code eth_sendRawTransaction} of a
 * presigned transfer, {@code rawSendFleet} {@value #FLEET} of them one after the other.
 * <p>
 * The node's JVM has a fixed heap, as the production image's has (its
 * {@code InitialRAMPercentage} equals its {@code MaxRAMPercentage}): from the JVM's small
 * default initial heap, G1 grows the heap only as far as its throughput goal needs, to
 * 0.5–0.75 GB here around a live set of about 240 MB, and then pauses every 2–10 s for a
 * young collection and runs a marking cycle every 6 s, each pause 20–60 ms.
 */
// prepended: JMH's -jvmArgsAppend on the command line (-D settings, -Xlog) replaces the
// annotation's appended arguments, not these
@Fork(value = 1, jvmArgsPrepend = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 1, time = 20)
@Measurement(iterations = 4, time = 60)
public class ExecutionLatencyBenchmark {

	static final int FLEET = 100;

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	/** The node, the demo farmer's vault topped up, and the latency rules. */
	@State(Scope.Benchmark)
	public static class Node {

		BenchNode node;

		final List<Timed> timed = new ArrayList<>();

		final List<Long> fleetStarts = new ArrayList<>();

		final List<Timed> fleetTimed = new ArrayList<>();

		final List<List<BenchNode.Sent>> fleetRounds = new ArrayList<>();

		/**
		 * 0: anvil mines a block for each transaction as it arrives (local mode's
		 * default); otherwise a block every so many seconds, as a production chain does,
		 * from the end of the fleet's or the raw key's setup (creating the fleet waits
		 * for hundreds of receipts one after the other).
		 */
		@Param("0")
		public int blockSeconds;

		void mining() {
			if (this.blockSeconds > 0) {
				this.node.blockTime(this.blockSeconds);
			}
		}

		@Setup(Level.Trial)
		public void start() throws Exception {
			this.node = BenchNode.start();
			UserId farmer = this.node.context.getBean(UserAccounts.class).findByUsername("farmer").orElseThrow().id();
			Vaults vaults = this.node.context.getBean(Vaults.class);
			await().atMost(Duration.ofMinutes(3)).until(() -> vaults.vault(farmer, LocalChain.CHAIN_ID).isPresent());
			Vault vault = vaults.vault(farmer, LocalChain.CHAIN_ID).orElseThrow();
			// enough room for every deposit of the run: 10 M USDC more, limits raised
			BigInteger more = BenchNode.USDC.multiply(BigInteger.valueOf(10_000_000));
			Credentials owner = DevAccounts.demoFarmer();
			this.node.context.getBean(LocalDevnet.class).mint(vault.assetAddress(), owner.getAddress(), more);
			MockStablecoin
				.load(vault.assetAddress(), this.node.web3j, BenchNode.manager(this.node.web3j, owner), this.node.gas())
				.approve(vault.address(), more)
				.send();
			YieldVault onchain = YieldVault.load(vault.address(), this.node.web3j,
					BenchNode.manager(this.node.web3j, owner), this.node.gas());
			onchain.fund(more).send();
			onchain.setLimits(more, more.multiply(BigInteger.TEN), BigInteger.valueOf(86_400)).send();
			this.node.apy(BenchNode.TRIGGER, 1.0);
			this.node.depositRule("farmer", "Bench up", BenchNode.TRIGGER, "> 5%");
			this.node.depositRule("farmer", "Bench down", BenchNode.TRIGGER, "< 5%");
			// "Bench down" holds at once and fires: the first deposit is part of
			// the warm-up
			this.node.nextSent(PATIENCE, () -> "the first firing");
		}

		/** Warm-up firings stay out of the stage split. */
		boolean measuring;

		@Setup(Level.Iteration)
		public void iteration(IterationParams params) {
			this.measuring = params.getType() == IterationType.MEASUREMENT;
		}

		@TearDown(Level.Trial)
		public void stop() {
			try {
				if (!this.timed.isEmpty()) {
					StageReport.print(this.node.dsl, this.timed);
					StageReport.printRefreshes(this.timed, this.node.refreshes);
				}
				if (!this.fleetRounds.isEmpty()) {
					StageReport.printFleet(this.node.dsl, this.fleetStarts, this.fleetRounds);
					StageReport.print(this.node.dsl, this.fleetTimed);
				}
			}
			finally {
				this.node.close();
			}
		}

	}

	/** One timed firing: when the market moved, and the execution it led to. */
	record Timed(Instant marketAt, long startNanos, BenchNode.Sent sent) {
	}

	/** Before each firing, not measured: the previous one settled, the shards ready. */
	@State(Scope.Benchmark)
	public static class Turn {

		boolean up;

		@Setup(Level.Invocation)
		public void ready(Node node) {
			// a fleet's hundred confirmations and settlements take minutes on a
			// loaded machine
			node.node.awaitSettled(Duration.ofMinutes(10));
			node.node.clearSent();
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public ExecutionId marketUpdateToBroadcast(Node node, Turn turn) {
		turn.up = !turn.up;
		Instant at = Instant.now();
		long start = System.nanoTime();
		node.node.apy(BenchNode.TRIGGER, turn.up ? 6.0 : 4.0);
		BenchNode.Sent sent = node.node.nextSent(PATIENCE, () -> "the rule " + (turn.up ? "Bench up" : "Bench down"));
		if (node.measuring) {
			node.timed.add(new Timed(at, start, sent));
		}
		return sent.id();
	}

	/** {@value #FLEET} farmers with a vault and two fleet rules each. */
	@State(Scope.Benchmark)
	public static class Fleet {

		boolean up;

		@Setup(Level.Trial)
		public void create(Node node) throws Exception {
			node.node.apy(BenchNode.FLEET_TRIGGER, 1.0);
			BenchFleet.create(node.node, FLEET);
			// every "Fleet down" rule fired on its creation: let those settle first
			node.node.awaitSettled(Duration.ofMinutes(5));
			node.mining();
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@OperationsPerInvocation(FLEET)
	@Warmup(iterations = 2, batchSize = 1)
	@Measurement(iterations = 8, batchSize = 1)
	public int fleetIntentsToBroadcast(Node node, Fleet fleet, Turn turn) {
		fleet.up = !fleet.up;
		Instant at = Instant.now();
		long start = System.nanoTime();
		node.node.apy(BenchNode.FLEET_TRIGGER, fleet.up ? 6.0 : 4.0);
		List<BenchNode.Sent> round = new ArrayList<>(FLEET);
		for (int i = 0; i < FLEET; i++) {
			round.add(node.node.nextSent(PATIENCE, () -> "the fleet's firings"));
		}
		if (node.measuring) {
			node.fleetStarts.add(start);
			node.fleetRounds.add(round);
			round.forEach((sent) -> node.fleetTimed.add(new Timed(at, start, sent)));
		}
		return round.size();
	}

	/** Presigned transfers from a key of the bench's own. */
	public abstract static class Raw {

		final Credentials key;

		Raw() {
			try {
				this.key = Credentials.create(Keys.createEcKeyPair());
			}
			catch (java.security.GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

		long nonce;

		final List<String> next = new ArrayList<>();

		BenchNode node;

		@Setup(Level.Trial)
		public void key(Node node) throws Exception {
			this.node = node.node;
			new Transfer(this.node.web3j, BenchNode.manager(this.node.web3j, DevAccounts.vaultFactoryOwner()))
				.sendFunds(this.key.getAddress(), BigDecimal.valueOf(100), Convert.Unit.ETHER)
				.send();
			this.nonce = this.node.web3j
				.ethGetTransactionCount(this.key.getAddress(), DefaultBlockParameterName.PENDING)
				.send()
				.getTransactionCount()
				.longValueExact();
			node.mining();
		}

		void sign(int count) throws Exception {
			BigInteger price = this.node.web3j.ethGasPrice().send().getGasPrice();
			this.next.clear();
			for (int i = 0; i < count; i++) {
				RawTransaction tx = RawTransaction.createEtherTransaction(LocalChain.CHAIN_ID,
						BigInteger.valueOf(this.nonce++), BigInteger.valueOf(21_000),
						DevAccounts.account(2).getAddress(), BigInteger.ONE, price, price.multiply(BigInteger.TWO));
				this.next.add(Numeric.toHexString(TransactionEncoder.signMessage(tx, LocalChain.CHAIN_ID, this.key)));
			}
		}

		String send(String raw) throws Exception {
			EthSendTransaction sent = this.node.web3j.ethSendRawTransaction(raw).send();
			if (sent.hasError()) {
				throw new IllegalStateException(sent.getError().getMessage());
			}
			return sent.getTransactionHash();
		}

	}

	@State(Scope.Benchmark)
	public static class RawFleet extends Raw {

		@Setup(Level.Invocation)
		public void presign() throws Exception {
			sign(FLEET);
		}

	}

	@State(Scope.Benchmark)
	public static class RawSingle extends Raw {

		@Setup(Level.Invocation)
		public void presign() throws Exception {
			sign(1);
		}

	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Measurement(iterations = 4, time = 15)
	public String rawSend(RawSingle raw) throws Exception {
		return raw.send(raw.next.get(0));
	}

	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@OperationsPerInvocation(FLEET)
	@Warmup(iterations = 2, batchSize = 1)
	@Measurement(iterations = 8, batchSize = 1)
	public String rawSendFleet(RawFleet raw) throws Exception {
		String last = null;
		for (String tx : raw.next) {
			last = raw.send(tx);
		}
		return last;
	}

}
