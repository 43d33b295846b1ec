package com.yieldpilot.bench;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.market.internal.defillama.BatchReport;
import com.yieldpilot.market.internal.defillama.DefiLlamaPool;
import com.yieldpilot.market.internal.defillama.PoolsParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Target: parse a 20,000-pool {@code /pools} response in under 1 s, with bounded memory.
 * <p>
 * {@link #streaming} is {@link PoolsParser} handing each pool to a consumer that keeps
 * nothing; {@link #streamingIntoList} keeps them, as {@code DefiLlamaSource.poll} does
 * before it maps the batch; {@link #jacksonTree} is the baseline, Jackson's
 * {@code readTree} of the same bytes (the whole document as a tree, nothing validated).
 * Run with {@code -prof gc} for bytes allocated per parse, and with
 * {@code -jvmArgs -Xmx64m} to see which of them fit a 64 MB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class PoolsParseBenchmark {

	@Param("20000")
	int pools;

	private final PoolsParser parser = new PoolsParser();

	private final JsonMapper json = JsonMapper.builder().build();

	private byte[] body = new byte[0];

	@Setup(Level.Trial)
	public void generateBody() {
		this.body = PoolsBodies.body(this.pools, 20_000);
		BatchReport report = this.parser.parse(new ByteArrayInputStream(this.body), (pool) -> {
		});
		if (report.accepted() != this.pools) {
			throw new IllegalStateException("the synthetic body should parse completely: " + report);
		}
		System.out.printf("%n%d pools, %.1f MB body%n", this.pools, this.body.length / 1e6);
	}

	@Benchmark
	public BatchReport streaming(Blackhole blackhole) {
		return this.parser.parse(new ByteArrayInputStream(this.body), blackhole::consume);
	}

	@Benchmark
	public List<DefiLlamaPool> streamingIntoList() {
		List<DefiLlamaPool> all = new ArrayList<>();
		this.parser.parse(new ByteArrayInputStream(this.body), all::add);
		return all;
	}

	@Benchmark
	public JsonNode jacksonTree() {
		return this.json.readTree(new ByteArrayInputStream(this.body));
	}

}
