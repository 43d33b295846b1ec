package com.yieldpilot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.yieldpilot.platform.scheduling.ClusterJobs;
import com.yieldpilot.YieldPilotApplication;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.ExecutionState;
import com.yieldpilot.execution.internal.pipeline.ExecutionCrashHook;
import com.yieldpilot.market.MarketUpdated;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketBatch;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.rules.RuleBook;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.Devnet;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.rules.internal.db.Tables.RULE_INTENT;
import static org.awaitility.Awaitility.await;

/**
 * One YieldPilot node in local mode, started the way {@code ./mvnw spring-boot:run}
 * starts it (embedded PostgreSQL migrated by Flyway in a fresh home folder, anvil with
 * the contracts, the simulated market, the demo farmer and vault, Quartz, the rule
 * shards, the guardrails and the execution pipeline), plus what the benchmarks need to
 * watch it: a probe on the pipeline's hook that hears each transaction the chain answered
 * for, and the time of the last market update.
 */
final class BenchNode implements AutoCloseable {

	/** The pool whose APY the benchmarks move: registered by the benchmark itself. */
	static final PoolId TRIGGER = PoolId.parse("bench:base:TRIGGER");

	/** The fleet's own trigger, so the latency rules stay quiet while the fleet fires. */
	static final PoolId FLEET_TRIGGER = PoolId.parse("bench:base:FLEET");

	/** Where every benchmark deposit goes: one of local mode's simulated USDC pools. */
	static final PoolId TARGET = PoolId.parse("aave-v3:base:USDC");

	static final BigInteger USDC = BigInteger.TEN.pow(6);

	/** The pipeline's clustered heartbeat job ({@code ExecutionSchedule}). */
	private static final JobKey HEARTBEAT = JobKey.jobKey("execution-work", "execution");

	/** One transaction the chain answered for, and when (System.nanoTime). */
	record Sent(ExecutionId id, long nanos) {
	}

	/**
	 * When (System.nanoTime) each market refresh the benchmark did not make was published
	 * since the node started: the simulated market's, not the risk scores of its pools.
	 */
	final List<Long> refreshes;

	final ConfigurableApplicationContext context;

	private final LinkedBlockingQueue<Sent> sent;

	private final MarketIngestion ingestion;

	private final TransactionTemplate transactions;

	final DSLContext dsl;

	final Web3j web3j;

	private BenchNode(ConfigurableApplicationContext context, LinkedBlockingQueue<Sent> sent, List<Long> refreshes) {
		this.context = context;
		this.sent = sent;
		this.refreshes = refreshes;
		this.ingestion = context.getBean(MarketIngestion.class);
		this.transactions = context.getBean(TransactionTemplate.class);
		this.dsl = context.getBean(DSLContext.class);
		this.web3j = context.getBean(LocalChain.class).web3j();
	}

	static BenchNode start() {
		Path home;
		try {
			home = Files.createDirectories(Path.of("target", "bench-homes")).resolve(UUID.randomUUID().toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		LinkedBlockingQueue<Sent> sent = new LinkedBlockingQueue<>();
		ExecutionCrashHook probe = new ExecutionCrashHook() {
			@Override
			public void reached(ExecutionId id, ExecutionState state) {
			}

			@Override
			public void sent(ExecutionId id) {
				sent.add(new Sent(id, System.nanoTime()));
			}
		};
		List<Long> refreshes = new CopyOnWriteArrayList<>();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(YieldPilotApplication.class)
			.initializers((ctx) -> ctx.getBeanFactory().registerSingleton("benchBroadcastProbe", probe),
					(ctx) -> ctx.addApplicationListener(ApplicationListener.forPayload((MarketUpdated update) -> {
						if (update.source() != Source.RISK_MODEL && !update.pools().contains(TRIGGER)
								&& !update.pools().contains(FLEET_TRIGGER)) {
							refreshes.add(System.nanoTime());
						}
					})))
			// the pipeline's heartbeat at its production period (2 s): a faster one would
			// load the database and the cores during the measured firings too; between
			// them, awaitSettled runs it at once instead
			.run("--yieldpilot.home=" + home.toAbsolutePath(), "--server.port=0", "--logging.level.com.yieldpilot=WARN",
					"--server.shutdown=immediate", "--spring.quartz.wait-for-jobs-to-complete-on-shutdown=false");
		return new BenchNode(context, sent, refreshes);
	}

	/** The next transaction the chain answered for, waiting at most {@code timeout}. */
	Sent nextSent(Duration timeout, Supplier<String> why) {
		try {
			Sent next = this.sent.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
			if (next == null) {
				throw new IllegalStateException("nothing was broadcast within " + timeout + ": " + why.get());
			}
			return next;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void clearSent() {
		this.sent.clear();
	}

	/**
	 * Waits until no intent of the bench's rules is still open, running the pipeline's
	 * heartbeat (which follows sent transactions to their confirmation) whenever it is
	 * not already about to run or running, so that the next firing need not wait for its
	 * period, and until the last heartbeat it ran has ended. Not part of any measured
	 * time.
	 */
	void awaitSettled(Duration timeout) {
		Scheduler scheduler = this.context.getBean(Scheduler.class);
		// registered whole, as the application registers its triggers
		ClusterJobs jobs = this.context.getBean(ClusterJobs.class);
		AtomicReference<@Nullable TriggerKey> heartbeat = new AtomicReference<>();
		await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(() -> {
			TriggerKey last = heartbeat.get();
			if (this.dsl.fetchCount(RULE_INTENT, RULE_INTENT.STATUS.in("PROPOSED", "WAITING", "ACCEPTED")) == 0) {
				// and the heartbeat this wait ran has ended: its tail (its commit, Quartz
				// deleting its one-shot trigger) is the harness's work, not the
				// next firing's
				return last == null || !scheduler.checkExists(last);
			}
			if (last == null || !scheduler.checkExists(last)) {
				TriggerKey next = TriggerKey.triggerKey(UUID.randomUUID().toString(), "bench");
				jobs.ensureTrigger(TriggerBuilder.newTrigger().withIdentity(next).forJob(HEARTBEAT).startNow().build());
				heartbeat.set(next);
			}
			return false;
		});
	}

	/**
	 * Stores a fresh APY for the trigger pool (registering it the first time) and for the
	 * target, in one transaction, as a market refresh does; returns when it has committed
	 * and the shards were fired.
	 */
	void apy(PoolId trigger, double percent) {
		Instant now = Instant.now();
		List<MetricSample> samples = List
			.of(new MetricSample(trigger.toString(), Metric.APY, now, percent, Source.SIMULATOR, null));
		MarketBatch batch = new MarketBatch(Source.SIMULATOR, now,
				List.of(new PoolDescriptor(trigger, null, null, true, PoolDescriptor.Origin.SIMULATED)), samples);
		this.transactions.executeWithoutResult((status) -> this.ingestion.ingest(batch));
	}

	/** Runs {@code work} signed in as the user, as their API token would. */
	<T> T as(String username, Supplier<T> work) {
		UserDetails user = this.context.getBean(UserDetailsService.class).loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** Saves a live rule for the user that deposits into the target while it holds. */
	void depositRule(String username, String name, PoolId trigger, String comparison) {
		String text = "rule \"" + name + "\"\nwhen\n  apy(" + trigger + ") " + comparison
				+ "\nthen\n  deposit 1000 USDC" + " into " + TARGET + "\noptions mode live\n";
		as(username, () -> this.context.getBean(RuleBook.class).create(text));
	}

	static TransactionManager manager(Web3j web3j, Credentials credentials) {
		return new RawTransactionManager(web3j, credentials, LocalChain.CHAIN_ID,
				new PollingTransactionReceiptProcessor(web3j, 20, 500));
	}

	ContractGasProvider gas() {
		try {
			return new StaticGasProvider(this.web3j.ethGasPrice().send().getGasPrice(), BigInteger.valueOf(6_000_000));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Makes anvil mine a block every {@code seconds} instead of one per transaction: sent
	 * transactions wait in its pool, as on a production chain.
	 */
	void blockTime(int seconds) {
		try {
			Response<?> set = new Request<>("evm_setIntervalMining", List.of(seconds),
					new HttpService(this.context.getBean(LocalChain.class).rpcUrl()), Devnet.RawResponse.class)
				.send();
			if (set.hasError()) {
				throw new IllegalStateException("evm_setIntervalMining: " + set.getError().getMessage());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
	}

}
