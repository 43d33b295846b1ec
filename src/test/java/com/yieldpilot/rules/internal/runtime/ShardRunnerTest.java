package com.yieldpilot.rules.internal.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.platform.Foreground;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ShardRunnerTest {

	private final List<Integer> evaluated = new CopyOnWriteArrayList<>();

	private final CountDownLatch started = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private static final ShardEvaluator.Tick TICK = new ShardEvaluator.Tick(0, 0, 0);

	private final Foreground foreground = new Foreground();

	private ShardRunner runner;

	@AfterEach
	void stop() {
		if (this.runner != null) {
			this.runner.stop();
		}
	}

	@Test
	void requestsWhileAShardRunsEvaluateItOnceMoreAfterwards() throws InterruptedException {
		this.runner = new ShardRunner(this.foreground, (shard) -> {
			this.evaluated.add(shard);
			if (this.evaluated.size() == 1) {
				this.started.countDown();
				awaitRelease();
			}
			return TICK;
		});
		this.runner.request(3);
		assertThat(this.started.await(10, TimeUnit.SECONDS)).isTrue();
		this.runner.request(3);
		this.runner.request(3);
		this.runner.request(3);
		this.release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.evaluated.size() == 2);
		this.runner.request(3);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.evaluated.size() == 3);
		assertThat(this.evaluated).containsExactly(3, 3, 3);
	}

	@Test
	void shardsRunSideBySide() throws InterruptedException {
		CountDownLatch both = new CountDownLatch(2);
		this.runner = new ShardRunner(this.foreground, (shard) -> {
			both.countDown();
			try {
				// each evaluation waits for the other shard's to have started
				assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.evaluated.add(shard);
			return TICK;
		});
		this.runner.request(0);
		this.runner.request(1);
		await().atMost(Duration.ofSeconds(15)).until(() -> this.evaluated.size() == 2);
		assertThat(this.evaluated).containsExactlyInAnyOrder(0, 1);
	}

	@Test
	void aFailedEvaluationLeavesTheShardReadyForTheNextRequest() {
		this.runner = new ShardRunner(this.foreground, (shard) -> {
			this.evaluated.add(shard);
			if (this.evaluated.size() == 1) {
				throw new IllegalStateException("the database went away");
			}
			return TICK;
		});
		this.runner.request(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.evaluated.size() == 1);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.runner.request(1);
			assertThat(this.evaluated).hasSizeGreaterThanOrEqualTo(2);
		});
	}

	@Test
	void anUpdateThatConcernsNoRuleOfAnIdleShardEvaluatesNothingButOneDuringAnEvaluationRunsItAgain()
			throws InterruptedException {
		WatchedTerms.Change elsewhere = new WatchedTerms.Change(java.util.Set.of("aave-v3:base:USDC|apy"));
		this.runner = new ShardRunner(this.foreground, new ShardEvaluation() {
			@Override
			public ShardEvaluator.Tick evaluate(int shard) {
				ShardRunnerTest.this.evaluated.add(shard);
				if (ShardRunnerTest.this.evaluated.size() == 1) {
					ShardRunnerTest.this.started.countDown();
					awaitRelease();
				}
				return TICK;
			}

			@Override
			public boolean concerns(int shard, WatchedTerms.Change change) {
				return false;
			}
		});
		this.runner.request(2, elsewhere);
		this.runner.request(2);
		assertThat(this.started.await(10, TimeUnit.SECONDS)).isTrue();
		// the running evaluation may have read the market before this update
		this.runner.request(2, elsewhere);
		this.release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.evaluated.size() == 2);
		// idle again: an update it does not read is left to the next one and the trigger
		this.runner.request(2, elsewhere);
		this.runner.request(2);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.evaluated.size() == 3);
		assertThat(this.evaluated).containsExactly(2, 2, 2);
	}

	@Test
	void anEvaluationHoldsTheForegroundFromTheRequestUntilItEnds() throws InterruptedException {
		this.runner = new ShardRunner(this.foreground, (shard) -> {
			this.started.countDown();
			awaitRelease();
			this.evaluated.add(shard);
			return TICK;
		});
		this.runner.request(4);
		// held from the request itself, before the evaluation's thread started
		assertThat(this.foreground.leases()).isEqualTo(1);
		assertThat(this.started.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(this.foreground.awaitQuiet(Duration.ofMillis(50))).as("quiet while the shard evaluates").isFalse();
		this.release.countDown();
		assertThat(this.foreground.awaitQuiet(Duration.ofSeconds(10))).isTrue();
		assertThat(this.evaluated).as("quiet only once the evaluation ended").containsExactly(4);
	}

	private void awaitRelease() {
		try {
			this.release.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
