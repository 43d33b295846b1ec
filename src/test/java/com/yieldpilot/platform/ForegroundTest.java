package com.yieldpilot.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ForegroundTest {

	private final Foreground foreground = new Foreground();

	@Test
	void aNodeWithNothingInFlightIsQuietAtOnce() throws InterruptedException {
		assertThat(this.foreground.awaitQuiet(Duration.ZERO)).isTrue();
	}

	@Test
	void aWaiterIsReleasedWhenTheLastLeaseCloses() throws Exception {
		Foreground.Lease evaluation = this.foreground.begin();
		Foreground.Lease review = this.foreground.begin();
		CountDownLatch waiting = new CountDownLatch(1);
		CompletableFuture<Boolean> quiet = CompletableFuture.supplyAsync(() -> {
			waiting.countDown();
			try {
				return this.foreground.awaitQuiet(Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();
		evaluation.close();
		assertThat(this.foreground.leases()).isEqualTo(1);
		assertThat(quiet).isNotDone();
		review.close();
		assertThat(quiet.get(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void aWaitRunsOutWhileALeaseIsHeld() throws InterruptedException {
		try (Foreground.Lease firing = this.foreground.begin()) {
			long start = System.nanoTime();
			assertThat(this.foreground.awaitQuiet(Duration.ofMillis(40))).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
		}
		assertThat(this.foreground.awaitQuiet(Duration.ZERO)).isTrue();
	}

	@Test
	void closingALeaseTwiceReleasesItOnce() throws InterruptedException {
		Foreground.Lease first = this.foreground.begin();
		Foreground.Lease second = this.foreground.begin();
		first.close();
		first.close();
		assertThat(this.foreground.leases()).isEqualTo(1);
		assertThat(this.foreground.awaitQuiet(Duration.ZERO)).isFalse();
		second.close();
		assertThat(this.foreground.awaitQuiet(Duration.ZERO)).isTrue();
	}

	@Test
	void aLeaseLeftOpenPastItsLimitNoLongerHoldsTheNodeBack() throws InterruptedException {
		Foreground forgetful = new Foreground(Duration.ofMillis(30));
		Foreground.Lease forgotten = forgetful.begin();
		long start = System.nanoTime();

		assertThat(forgetful.awaitQuiet(Duration.ofSeconds(30))).isTrue();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("woken when it counted as abandoned, not at the end")
			.isLessThan(Duration.ofSeconds(10));
		assertThat(forgetful.leases()).isZero();
		// closing it late is harmless
		forgotten.close();
		assertThat(forgetful.awaitQuiet(Duration.ZERO)).isTrue();
	}

}
