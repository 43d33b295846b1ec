package com.yieldpilot.market.internal.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.yieldpilot.market.Metric;
import com.yieldpilot.market.MetricSample;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.SourceStatus;
import com.yieldpilot.market.internal.store.SourceStatusStore;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A source that times out or returns garbage is marked degraded, and nothing else breaks.
 */
class MarketRefreshIT extends ApplicationIT {

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	SourceStatusStore status;

	private final String tag = UUID.randomUUID().toString().substring(0, 6);

	@Test
	void failingSourceBecomesDegradedWhileTheOthersKeepIngesting() {
		AtomicInteger healthyPolls = new AtomicInteger();
		MarketSource broken = source("broken-" + this.tag, now -> {
			throw new IllegalStateException("DefiLlama answered garbage: unexpected token '<' at 1:1");
		});
		MarketSource healthy = source("healthy-" + this.tag, now -> {
			healthyPolls.incrementAndGet();
			PoolId pool = PoolId.parse("healthy-" + this.tag + ":base:USDC");
			return Optional.of(new MarketBatch(Source.SIMULATOR, now,
					List.of(new PoolDescriptor(pool, null, null, true, PoolDescriptor.Origin.SIMULATED)),
					List.of(new MetricSample(pool.toString(), Metric.APY, now, 4.0 + healthyPolls.get(),
							Source.SIMULATOR, null))));
		});
		MarketRefresh refresh = new MarketRefresh(provider(broken, healthy), this.ingestion, this.status,
				Clock.systemUTC(), new SimpleMeterRegistry());

		for (int i = 0; i < SourceStatus.DEGRADED_AFTER; i++) {
			assertThat(refresh.refresh()).as("the healthy source still stores its sample").isEqualTo(1);
		}

		SourceStatus brokenStatus = this.status.find("broken-" + this.tag).orElseThrow();
		assertThat(brokenStatus.degraded()).isTrue();
		assertThat(brokenStatus.lastError()).contains("garbage");
		assertThat(brokenStatus.errorRate()).isEqualTo(1.0);
		SourceStatus healthyStatus = this.status.find("healthy-" + this.tag).orElseThrow();
		assertThat(healthyStatus.degraded()).isFalse();
		assertThat(healthyStatus.successes()).isEqualTo(3);
		assertThat(healthyPolls).hasValue(3);
	}

	@Test
	void sourceSwitchedOffIsNotPolledUntilSwitchedOnAgain() {
		AtomicInteger polls = new AtomicInteger();
		String name = "switchable-" + this.tag;
		MarketSource source = source(name, now -> {
			polls.incrementAndGet();
			return Optional.empty();
		});
		MarketRefresh refresh = new MarketRefresh(provider(source), this.ingestion, this.status, Clock.systemUTC(),
				new SimpleMeterRegistry());

		this.status.setEnabled(name, false, Instant.now());
		refresh.refresh();
		assertThat(polls).hasValue(0);

		this.status.setEnabled(name, true, Instant.now());
		refresh.refresh();
		assertThat(polls).hasValue(1);
	}

	@Test
	void recoveryClearsTheDegradedState() {
		AtomicInteger calls = new AtomicInteger();
		MarketSource flaky = source("flaky-" + this.tag, now -> {
			if (calls.incrementAndGet() <= SourceStatus.DEGRADED_AFTER) {
				throw new IllegalStateException("timed out after 30 s");
			}
			return Optional.empty();
		});
		MarketRefresh refresh = new MarketRefresh(provider(flaky), this.ingestion, this.status, Clock.systemUTC(),
				new SimpleMeterRegistry());
		for (int i = 0; i < SourceStatus.DEGRADED_AFTER; i++) {
			refresh.refresh();
		}
		assertThat(this.status.find("flaky-" + this.tag).orElseThrow().degraded()).isTrue();
		refresh.refresh();
		SourceStatus recovered = this.status.find("flaky-" + this.tag).orElseThrow();
		assertThat(recovered.degraded()).isFalse();
		assertThat(recovered.lastError()).as("the last error stays visible").contains("timed out");
	}

	/** The sources as Spring hands them over: an ordered bean provider. */
	private static ObjectProvider<MarketSource> provider(MarketSource... sources) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		for (MarketSource source : sources) {
			beans.addBean(source.name(), source);
		}
		return beans.getBeanProvider(MarketSource.class);
	}

	private static MarketSource source(String name, java.util.function.Function<Instant, Optional<MarketBatch>> poll) {
		return new MarketSource() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Optional<MarketBatch> poll(Instant now) {
				return poll.apply(now);
			}

		};
	}

}
