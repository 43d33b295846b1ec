package com.yieldpilot.chain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.yieldpilot.platform.LeftoverProcesses;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.EthGetCode;
import org.web3j.protocol.http.HttpService;

/**
 * A running anvil node on a free loopback port. It listens on 127.0.0.1 only and is
 * stopped by {@link #close()}. With a state file, the chain is loaded from it at start
 * and written back periodically and on exit, so local mode's contracts and balances
 * survive a restart.
 */
public final class Anvil implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Anvil.class);

	/**
	 * How long a node's own anvil waits at JVM exit for its owner to close it.
	 */
	private static final Duration OWNER_GRACE = Duration.ofSeconds(20);

	/** The hardfork the local chain runs: the contracts' EVM version. */
	static final String HARDFORK = "cancun";

	/**
	 * The EIP-2935 block-hash history contract, which Prague and later hardforks fill,
	 * one slot per block.
	 */
	static final String BLOCK_HASH_HISTORY = "0x0000F90827F1C53a10cb7A02335B175320002935";

	/** How often anvil writes its state file while it runs. */
	static final Duration STATE_INTERVAL = Duration.ofSeconds(30);

	private static final Pattern LISTENING = Pattern.compile("Listening on ([0-9.]+):(\\d+)");

	private final Process process;

	private final String rpcUrl;

	private final long chainId;

	private final @Nullable Path state;

	/** Set once this node stops anvil itself: its exit is then expected. */
	private final AtomicBoolean stopping;

	/** Completes once anvil's exit has been handled ({@link #exited()}). */
	private @Nullable CompletableFuture<Void> exitHandled;

	private Anvil(Process process, String rpcUrl, long chainId, @Nullable Path state, AtomicBoolean stopping) {
		this.process = process;
		this.rpcUrl = rpcUrl;
		this.chainId = chainId;
		this.state = state;
		this.stopping = stopping;
	}

	/**
	 * Starts anvil and waits until it listens.
	 * @param binary the anvil executable ({@link AnvilBinary#locate(String)})
	 * @param chainId the chain id to report
	 * @param state a state file to load and keep writing, or null for a throw-away chain
	 */
	public static Anvil start(Path binary, long chainId, @Nullable Path state) {
		// Cancun, the contracts' EVM version (contracts/build.mjs), not anvil's default:
		// from Prague on, each block writes its hash into the EIP-2935 history
		// contract's storage, which anvil 1.7 hashes again for every block it mines,
		// so mining slowed by 1.7 ms per thousand blocks of chain (decision 0020).
		// Past blocks' states are kept in memory as anvil sees fit, none on disk: by
		// default anvil writes them under ~/.foundry/anvil/tmp, about 400 MB per test
		// run's chain, and leaves them behind when killed (once 68 GB for the suite).
		List<String> command = new ArrayList<>(
				List.of(binary.toString(), "--host", "127.0.0.1", "--port", "0", "--chain-id", Long.toString(chainId),
						"--hardfork", HARDFORK, "--accounts", Integer.toString(DevAccounts.COUNT), "--mnemonic",
						DevAccounts.MNEMONIC, "--max-persisted-states", "0"));
		boolean loaded = state != null && Files.exists(state);
		if (state != null) {
			stopLeftover(binary.getFileName().toString(), state);
			// anvil writes its whole chain, every block and transaction, at each interval
			// (0.3 s of its time and 28 MB at 7,000 blocks) and on SIGTERM, which it gets
			// when the node stops and, after a kill -9 of the node, when the next node
			// starts (stopLeftover): the interval only bounds what a crash of anvil or of
			// the machine loses
			command.addAll(List.of("--state", state.toString(), "--state-interval",
					Long.toString(STATE_INTERVAL.toSeconds())));
		}
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			// a JVM that exits without closing its context (killed by a test runner,
			// say) must not leave anvil behind. A node's own chain (with a state file)
			// is closed by its context, after the executions that use it have stopped:
			// its hook gives that shutdown time first instead of stopping anvil beside it
			Duration grace = (state != null) ? OWNER_GRACE : Duration.ZERO;
			AtomicBoolean stopping = new AtomicBoolean();
			Runtime.getRuntime()
				.addShutdownHook(Thread.ofPlatform().unstarted(() -> stopAtExit(process, grace, stopping)));
			String address = awaitListening(process, Duration.ofSeconds(30));
			Anvil anvil = new Anvil(process, "http://" + address, chainId, state, stopping);
			anvil.exitHandled = process.onExit().thenRun(anvil::exited);
			log.info("anvil {} listening on {} (chain id {}{})", binary.getFileName(), anvil.rpcUrl, chainId,
					(state != null) ? ", state in " + state : "");
			if (loaded && anvil.holdsPragueHistory()) {
				log.warn("The local chain in {} was started by an earlier YieldPilot on anvil's Prague hardfork, "
						+ "whose block-hash history anvil hashes again for every block: each transaction takes "
						+ "longer as this chain grows (docs/decisions/0020-local-chain-hardfork.md). For a chain "
						+ "that stays fast, stop YieldPilot, delete that file and start again: the simulated "
						+ "pools' contracts and the demo vault are deployed anew, and the executions recorded so "
						+ "far keep their history.", state);
			}
			return anvil;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start anvil at " + binary, ex);
		}
	}

	/**
	 * Stops an anvil that still writes this state file after the node that started it was
	 * killed ({@code kill -9} skips the shutdown hook that would have stopped it). Two
	 * anvils on one file would overwrite each other's chain every few seconds. It gets
	 * SIGTERM, on which it writes its state, so blocks it mined after its last periodic
	 * write are kept. An anvil whose node is alive is not touched: starting beside it is
	 * refused.
	 */
	private static void stopLeftover(String executable, Path state) {
		for (ProcessHandle running : LeftoverProcesses.running(executable, "--state", state)) {
			if (!LeftoverProcesses.orphaned(running)) {
				throw new IllegalStateException("Another YieldPilot node (pid "
						+ running.parent().map(ProcessHandle::pid).map(String::valueOf).orElse("?")
						+ ") runs the local chain of this home folder (" + state
						+ "). Stop it first, or give this node " + "its own yieldpilot.home.");
			}
			if (!LeftoverProcesses.stop(running, "anvil on " + state, "TERM", Duration.ofSeconds(30))) {
				throw new IllegalStateException("An anvil left running on " + state + " (pid " + running.pid()
						+ ") could not be stopped; stop it, then start YieldPilot again.");
			}
		}
	}

	/**
	 * Whether the chain holds Prague's block-hash history contract: a state file that an
	 * anvil on its default hardfork wrote, which this anvil loaded.
	 */
	boolean holdsPragueHistory() {
		// the service alone, not a Web3j: Web3j.shutdown() would stop the executor that
		// every Web3j built without one of its own shares
		HttpService rpc = new HttpService(this.rpcUrl);
		try {
			String code = new Request<>("eth_getCode", List.of(BLOCK_HASH_HISTORY, "latest"), rpc, EthGetCode.class)
				.send()
				.getCode();
			return ContractCode.present(code);
		}
		catch (IOException ex) {
			log.warn("Could not read the local chain's code at {}: {}", BLOCK_HASH_HISTORY, ex.getMessage());
			return false;
		}
	}

	public String rpcUrl() {
		return this.rpcUrl;
	}

	public long chainId() {
		return this.chainId;
	}

	public boolean isRunning() {
		return this.process.isAlive();
	}

	/** The anvil process's id, for diagnostics. */
	public long pid() {
		return this.process.pid();
	}

	/** Its exit code once it has exited; empty while it runs. */
	public OptionalInt exitCode() {
		return this.process.isAlive() ? OptionalInt.empty() : OptionalInt.of(this.process.exitValue());
	}

	/**
	 * The state file the chain is loaded from and written to; null for a throw-away
	 * chain.
	 */
	public @Nullable Path state() {
		return this.state;
	}

	/** Completes once anvil has exited and its exit has been handled. */
	CompletableFuture<Void> exitHandled() {
		return Objects.requireNonNull(this.exitHandled);
	}

	/**
	 * Says so when anvil exits while this node still needs it (it crashed, or something
	 * killed it): every read and send on the local chain fails from then on.
	 */
	private void exited() {
		if (this.stopping.get()) {
			return;
		}
		log.error(
				"The local chain's anvil (pid {}) exited unexpectedly with code {}: nothing can be read from or "
						+ "sent to the local chain until YieldPilot is restarted{}",
				this.process.pid(), this.process.exitValue(),
				(this.state != null) ? ", which starts it again from " + this.state + " (written every "
						+ STATE_INTERVAL.toSeconds() + " s, so the last blocks may be lost)" : "");
	}

	private static void stopAtExit(Process process, Duration grace, AtomicBoolean stopping) {
		try {
			if (!grace.isZero()) {
				process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		stopping.set(true);
		process.destroy();
	}

	/** Stops anvil; SIGTERM first, so it writes its state file. */
	@Override
	public void close() {
		this.stopping.set(true);
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/**
	 * Reads anvil's output until it says where it listens, then keeps draining it at
	 * debug level.
	 */
	private static String awaitListening(Process process, Duration timeout) {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<String> listening = new CompletableFuture<>();
		Thread drain = Thread.ofVirtual().name("anvil-output").start(() -> {
			try {
				String line;
				while ((line = output.readLine()) != null) {
					Matcher matcher = LISTENING.matcher(line);
					if (!listening.isDone() && matcher.find()) {
						listening.complete(matcher.group(1) + ":" + matcher.group(2));
					}
					log.debug("anvil: {}", line);
				}
				listening.completeExceptionally(
						new IllegalStateException("anvil exited with code " + process.waitFor() + " before listening"));
			}
			catch (IOException | InterruptedException ex) {
				listening.completeExceptionally(ex);
			}
		});
		try {
			return listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			process.destroyForcibly();
			drain.interrupt();
			throw new IllegalStateException("anvil did not start listening within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
			throw new IllegalStateException("Interrupted while starting anvil", ex);
		}
	}

}
