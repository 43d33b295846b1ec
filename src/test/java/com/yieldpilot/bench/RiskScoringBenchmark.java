package com.yieldpilot.bench;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.yieldpilot.risk.internal.model.Feature;
import com.yieldpilot.risk.internal.model.FeatureBuilder;
import com.yieldpilot.risk.internal.model.FeatureTable;
import com.yieldpilot.risk.internal.model.HistoryCsv;
import com.yieldpilot.risk.internal.model.Hyperparameters;
import com.yieldpilot.risk.internal.model.RiskModel;
import com.yieldpilot.risk.internal.model.RiskTrainer;
import com.yieldpilot.risk.internal.model.SyntheticHistory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Target: score 20,000 pools in under 1 s. A model with the default hyperparameters (400
 * trees of depth 3, isotonic calibration) is trained in the setup on seeded synthetic
 * history; {@link #score} scores {@code pools} feature rows in one call, as scoring after
 * a market update does; {@link #explainOne} is one pool's score with its contributions
 * (TreeSHAP); {@link #explainAll} scores and explains all of them in one pass, as scoring
 * after a market update does. Feature computation from stored history is not in these
 * figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RiskScoringBenchmark {

	@Param("20000")
	int pools;

	private RiskModel model;

	private float[] rows;

	private float[] one;

	@Setup
	public void setUp() throws Exception {
		FeatureTable table = FeatureBuilder.build(HistoryCsv.read(new StringReader(SyntheticHistory.csv(60, 300, 1))),
				List.of());
		this.model = RiskTrainer.train(table, LocalDate.of(2024, 1, 1).plusDays(299).toEpochDay(),
				Hyperparameters.DEFAULTS);
		this.rows = new float[this.pools * Feature.COUNT];
		for (int i = 0; i < this.pools; i++) {
			System.arraycopy(table.features(), (i % table.size()) * Feature.COUNT, this.rows, i * Feature.COUNT,
					Feature.COUNT);
		}
		this.one = table.row(table.size() - 1);
	}

	@Benchmark
	public double[] score() {
		return this.model.score(this.rows, this.pools);
	}

	@Benchmark
	public List<RiskModel.Explained> explainAll() {
		return this.model.explain(this.rows, this.pools);
	}

	@Benchmark
	public RiskModel.Explained explainOne() {
		return this.model.explain(this.one);
	}

}
