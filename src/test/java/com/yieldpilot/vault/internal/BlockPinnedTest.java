package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a caller of {@link BlockPinned} gets when another caller's read of the same key at
 * the same block is under way: its value, its failure, or (a read that never ends) an
 * error after the patience, never a wait without end. The class's time limit turns a wait
 * without end into a failure.
 */
@Timeout(20)
class BlockPinnedTest {

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		this.threads.shutdownNow();
	}

	@Test
	void aSecondCallerAtTheSameBlockSharesTheReadAndANewBlockReadsAgain() throws IOException {
		BlockPinned<String> pinned = new BlockPinned<>(16, Duration.ofSeconds(5));
		AtomicInteger reads = new AtomicInteger();

		String first = pinned.get("v", 7, "0xa", (block) -> "read " + reads.incrementAndGet() + " at " + block);
		String again = pinned.get("v", 7, "0xa", (block) -> "read " + reads.incrementAndGet() + " at " + block);
		String reorged = pinned.get("v", 7, "0xb", (block) -> "read " + reads.incrementAndGet() + " at " + block);

		assertThat(first).isEqualTo("read 1 at 7");
		assertThat(again).isEqualTo(first);
		assertThat(reorged).isEqualTo("read 2 at 7");
	}

	@Test
	void anErrorInTheReadFailsTheCallersWaitingForItAndIsNotKept() throws Exception {
		BlockPinned<String> pinned = new BlockPinned<>(16, Duration.ofSeconds(30));
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch fail = new CountDownLatch(1);
		Future<?> reader = this.threads.submit(() -> pinned.get("v", 7, "0xa", (block) -> {
			reading.countDown();
			await(fail);
			throw new LinkageError("a class the decoder needs is missing");
		}));
		assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<String> waited = new CompletableFuture<>();
		Thread waiter = Thread.ofPlatform().start(() -> {
			try {
				waited.complete(pinned.get("v", 7, "0xa", (block) -> "the waiter read it itself"));
			}
			catch (Throwable ex) {
				waited.completeExceptionally(ex);
			}
		});
		// the waiter waits for the read under way (with 30 s of patience), then it fails
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.TIMED_WAITING);
		fail.countDown();

		assertThatThrownBy(() -> reader.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LinkageError.class);
		// well before its patience: the waiter fails with the read's cause
		assertThatThrownBy(() -> waited.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
			.hasCauseInstanceOf(IOException.class)
			.hasRootCauseInstanceOf(LinkageError.class);
		assertThat(pinned.get("v", 7, "0xa", (block) -> "read again")).isEqualTo("read again");
	}

	@Test
	void aReadThatNeverEndsFailsTheCallerWaitingForItAfterThePatienceAndTheNextCallerReadsAgain() throws Exception {
		BlockPinned<String> pinned = new BlockPinned<>(16, Duration.ofMillis(200));
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch never = new CountDownLatch(1);
		this.threads.submit(() -> pinned.get("v", 7, "0xa", (block) -> {
			reading.countDown();
			await(never);
			return "too late";
		}));
		reading.await(5, TimeUnit.SECONDS);

		assertThatThrownBy(() -> pinned.get("v", 7, "0xa", (block) -> "not read: it waits"))
			.isInstanceOf(IOException.class)
			.hasMessage("another read of v at block 7 did not end within 200 ms");
		assertThat(pinned.get("v", 7, "0xa", (block) -> "read again")).isEqualTo("read again");
		never.countDown();
	}

	@Test
	void manyKeysAreReadTogetherAndOnlyThoseMissing() throws IOException {
		BlockPinned<String> pinned = new BlockPinned<>(16, Duration.ofSeconds(5));
		pinned.get("a", 7, "0xa", (block) -> "a1");
		AtomicInteger calls = new AtomicInteger();

		Map<String, String> values = pinned.getAll(List.of("a", "b", "c"), 7, "0xa", (block, keys) -> {
			calls.incrementAndGet();
			assertThat(keys).containsExactly("b", "c");
			return Map.of("b", "b1", "c", "c1");
		});

		assertThat(values).containsExactlyInAnyOrderEntriesOf(Map.of("a", "a1", "b", "b1", "c", "c1"));
		assertThat(calls).hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
