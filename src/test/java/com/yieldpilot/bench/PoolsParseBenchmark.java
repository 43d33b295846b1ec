package com.yieldpilot.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.openjdk.jmh.annotations.TearDown;
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
 * <p>
 * The body is a byte array ({@code body=heap}, the timing figures) or a file
 * ({@code body=file}): then the heap holds no copy of it, as when the body streams in
 * from the network, and {@code -jvmArgs -Xmx16m} shows what each way of parsing needs
 * beyond the body. {@code -prof gc} reports the bytes allocated per parse.
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

	@Param({ "heap" })
	String body;

	private final PoolsParser parser = new PoolsParser();

	private final JsonMapper json = JsonMapper.builder().build();

	private byte[] bytes = new byte[0];

	private Path file = Path.of("");

	@Setup(Level.Trial)
	public void generateBody() throws IOException {
		long size;
		if (this.body.equals("file")) {
			this.file = Files.createTempFile("pools-", ".json");
			PoolsBodies.write(this.pools, 20_000, this.file);
			size = Files.size(this.file);
		}
		else {
			this.bytes = PoolsBodies.body(this.pools, 20_000);
			size = this.bytes.length;
		}
		BatchReport report;
		try (InputStream in = open()) {
			report = this.parser.parse(in, (pool) -> {
			});
		}
		if (report.accepted() != this.pools) {
			throw new IllegalStateException("the synthetic body should parse completely: " + report);
		}
		System.out.printf(Locale.ROOT, "%n%d pools, %.1f MB body in %s, max heap %d MB%n", this.pools, size / 1e6,
				this.body, Runtime.getRuntime().maxMemory() >> 20);
	}

	@TearDown(Level.Trial)
	public void deleteFile() throws IOException {
		if (this.body.equals("file")) {
			Files.delete(this.file);
		}
	}

	@Benchmark
	public BatchReport streaming(Blackhole blackhole) throws IOException {
		try (InputStream in = open()) {
			return this.parser.parse(in, blackhole::consume);
		}
	}

	@Benchmark
	public List<DefiLlamaPool> streamingIntoList() throws IOException {
		List<DefiLlamaPool> all = new ArrayList<>();
		try (InputStream in = open()) {
			this.parser.parse(in, all::add);
		}
		return all;
	}

	@Benchmark
	public JsonNode jacksonTree() throws IOException {
		try (InputStream in = open()) {
			return this.json.readTree(in);
		}
	}

	private InputStream open() {
		if (this.body.equals("file")) {
			try {
				return new BufferedInputStream(Files.newInputStream(this.file), 64 * 1024);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new ByteArrayInputStream(this.bytes);
	}

}
