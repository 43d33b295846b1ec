package com.yieldpilot.execution.internal.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

class ReadyQueueTest {

	private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	private final BlockingQueue<List<Integer>> batches = new LinkedBlockingQueue<>();

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void aSingleReadyItemRunsAtOnceInABatchOfItsOwn() throws InterruptedException {
		ReadyQueue<Integer> queue = new ReadyQueue<>(256, 2, this.threads, this.batches::add);

		queue.add(1);

		assertThat(this.batches.poll(10, TimeUnit.SECONDS)).containsExactly(1);
	}

	@Test
	void itemsReadyWhileTheBatchesRunGoTogetherInTheNextBatch() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		ReadyQueue<Integer> queue = new ReadyQueue<>(256, 1, this.threads, (batch) -> {
			running.incrementAndGet();
			this.batches.add(batch);
			hold(release);
		});
		queue.add(0);
		assertThat(this.batches.poll(10, TimeUnit.SECONDS)).containsExactly(0);

		IntStream.rangeClosed(1, 50).forEach(queue::add);
		assertThat(running).hasValue(1); // the one batch slot is busy: they wait
		release.countDown();

		assertThat(this.batches.poll(10, TimeUnit.SECONDS))
			.containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
		assertThat(running).hasValue(2);
	}

	@Test
	void aBatchTakesAtMostItsSizeAndNoMoreBatchesRunThanAllowed() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		ReadyQueue<Integer> queue = new ReadyQueue<>(3, 2, this.threads, (batch) -> {
			most.accumulateAndGet(running.incrementAndGet(), Math::max);
			this.batches.add(batch);
			hold(release);
			running.decrementAndGet();
		});
		queue.add(0);
		// one at a time: added together before the first batch takes them, they would
		// share it
		await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 1);
		queue.add(1);
		await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == 2);
		IntStream.rangeClosed(2, 8).forEach(queue::add);
		release.countDown();

		int taken = 0;
		while (taken < 9) {
			List<Integer> batch = this.batches.poll(10, TimeUnit.SECONDS);
			assertThat(batch).isNotNull().hasSizeBetween(1, 3);
			taken += batch.size();
		}
		assertThat(taken).isEqualTo(9);
		assertThat(most).hasValue(2);
	}

	@Test
	void anItemAddedHereRunsOnTheCallersThreadWhenABatchMayStart() {
		List<Thread> ran = new CopyOnWriteArrayList<>();
		ReadyQueue<Integer> queue = new ReadyQueue<>(256, 1, this.threads, (batch) -> {
			ran.add(Thread.currentThread());
			this.batches.add(batch);
		});

		queue.addHere(1);

		assertThat(ran).containsExactly(Thread.currentThread());
		assertThat(this.batches.poll()).containsExactly(1);
	}

	@Test
	void anItemAddedHereWhileTheBatchesRunWaitsForTheNextBatch() throws InterruptedException {
		CountDownLatch release = new CountDownLatch(1);
		List<Thread> ran = new CopyOnWriteArrayList<>();
		ReadyQueue<Integer> queue = new ReadyQueue<>(256, 1, this.threads, (batch) -> {
			ran.add(Thread.currentThread());
			this.batches.add(batch);
			hold(release);
		});
		queue.add(0);
		assertThat(this.batches.poll(10, TimeUnit.SECONDS)).containsExactly(0);

		queue.addHere(1); // returns at once: the one slot is busy
		release.countDown();

		assertThat(this.batches.poll(10, TimeUnit.SECONDS)).containsExactly(1);
		assertThat(ran).hasSize(2).doesNotContain(Thread.currentThread());
	}

	@Test
	void itemsAddedWhileHoldingRunOnTheHoldersThreadAfterItsWorkAsOneBatch() {
		List<Thread> ran = new CopyOnWriteArrayList<>();
		ReadyQueue<Integer> queue = new ReadyQueue<>(256, 2, this.threads, (batch) -> {
			ran.add(Thread.currentThread());
			this.batches.add(batch);
		});

		queue.holding(() -> {
			queue.add(1);
			queue.add(2);
			assertThat(this.batches).as("nothing runs before the held work ends").isEmpty();
		});

		assertThat(ran).containsExactly(Thread.currentThread());
		assertThat(this.batches.poll()).containsExactly(1, 2);
	}

	@Test
	void itemsHeldByWorkThatFailsAreHandedToAnotherThread() throws InterruptedException {
		ReadyQueue<Integer> queue = new ReadyQueue<>(256, 2, this.threads, this.batches::add);

		assertThatIllegalStateException().isThrownBy(() -> queue.holding(() -> {
			queue.add(1);
			throw new IllegalStateException("the held work failed");
		}));

		assertThat(this.batches.poll(10, TimeUnit.SECONDS)).containsExactly(1);
	}

	@Test
	void refusesABatchOfNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReadyQueue<>(0, 1, this.threads, (batch) -> {
		}));
	}

	private static void hold(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
