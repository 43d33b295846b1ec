package com.yieldpilot.risk.internal.model;

import java.util.Arrays;
import java.util.List;

/**
 * A small L2-regularised logistic regression on a few robust, monotone-transformed
 * features (log APY volatility, cross-sectional ranks, clipped trend): the floor the
 * trees are blended with, because it cannot chase one period's quirks the way tree
 * interactions can (decision record 0011). The blend averages the two in log-odds,
 * {@code share} of it the floor's. Unknown inputs count as the training mean (0 after
 * standardising).
 *
 * @param share the floor's share of the blended log-odds, in (0, 1]
 * @param terms the keys of the terms the weights belong to, as {@link #TERMS} named them
 * when it was fitted
 * @param weights one per term, on standardised inputs
 * @param intercept the log-odds at the mean of every term
 * @param means the training mean of each transformed term
 * @param scales the training standard deviation of each transformed term
 */
public record LinearFloor(double share, List<String> terms, double[] weights, double intercept, double[] means,
		double[] scales) {

	/** The terms and their transforms; their order is the order of the weights. */
	static final List<Term> TERMS = List.of(new Term(Feature.APY_VOLATILITY_7D, Transform.LOG),
			new Term(Feature.APY_VOLATILITY_30D, Transform.LOG), new Term(Feature.APY_MEAN_7D, Transform.LOG),
			new Term(Feature.APY_TREND, Transform.CLIP), new Term(Feature.APY_SPIKE, Transform.CLIP),
			new Term(Feature.APY_VS_MEAN_90D, Transform.CLIP), new Term(Feature.APY_VOLATILITY_RANK, Transform.NONE),
			new Term(Feature.APY_PEER_RANK, Transform.NONE), new Term(Feature.TVL_VOLATILITY_7D, Transform.LOG),
			new Term(Feature.TVL_WORST_DAY_30D, Transform.CLIP), new Term(Feature.TVL_CHANGE_7D, Transform.CLIP),
			new Term(Feature.REWARD_SHARE_30D, Transform.NONE));

	private static final double L2 = 1.0;

	public LinearFloor {
		if (!(share > 0 && share <= 1)) {
			throw new IllegalArgumentException("The floor's share must be in (0, 1]");
		}
		if (!terms.equals(keys())) {
			throw new IllegalArgumentException(
					"The floor was fitted on the terms " + terms + ", this version computes " + keys());
		}
		if (weights.length != terms.size() || means.length != terms.size() || scales.length != terms.size()) {
			throw new IllegalArgumentException("The floor needs one weight, mean and scale per term");
		}
		terms = List.copyOf(terms);
		weights = weights.clone();
		means = means.clone();
		scales = scales.clone();
	}

	/** The keys of the current terms, e.g. {@code apy_volatility_7d:LOG}. */
	public static List<String> keys() {
		return TERMS.stream().map(t -> t.feature().key() + ":" + t.transform()).toList();
	}

	/** Fits by Newton's method on the given rows of the table. */
	static LinearFloor fit(FeatureTable table, List<Integer> rows, double share) {
		int k = TERMS.size();
		int n = rows.size();
		double[][] x = new double[n][];
		double[] y = new double[n];
		double[] means = new double[k];
		double[] scales = new double[k];
		int[] counts = new int[k];
		for (int i = 0; i < n; i++) {
			int r = rows.get(i);
			x[i] = transformed(table.features(), r);
			y[i] = table.outcome(r);
			for (int j = 0; j < k; j++) {
				if (!Double.isNaN(x[i][j])) {
					means[j] += x[i][j];
					counts[j]++;
				}
			}
		}
		for (int j = 0; j < k; j++) {
			means[j] = (counts[j] == 0) ? 0 : means[j] / counts[j];
		}
		for (double[] xi : x) {
			for (int j = 0; j < k; j++) {
				if (!Double.isNaN(xi[j])) {
					scales[j] += (xi[j] - means[j]) * (xi[j] - means[j]);
				}
			}
		}
		for (int j = 0; j < k; j++) {
			scales[j] = (counts[j] < 2 || scales[j] <= 0) ? 1 : Math.sqrt(scales[j] / counts[j]);
		}
		for (double[] xi : x) {
			standardise(xi, means, scales);
		}
		// Newton-Raphson on [intercept, weights] with an L2 penalty on the weights
		double[] beta = new double[k + 1];
		for (int iteration = 0; iteration < 25; iteration++) {
			double[] gradient = new double[k + 1];
			double[][] hessian = new double[k + 1][k + 1];
			for (int i = 0; i < n; i++) {
				double p = sigmoid(dot(beta, x[i]));
				double w = Math.max(p * (1 - p), 1e-9);
				double residual = y[i] - p;
				for (int a = 0; a <= k; a++) {
					double xa = (a == 0) ? 1 : x[i][a - 1];
					gradient[a] += residual * xa;
					for (int b = a; b <= k; b++) {
						double xb = (b == 0) ? 1 : x[i][b - 1];
						hessian[a][b] += w * xa * xb;
					}
				}
			}
			for (int a = 1; a <= k; a++) {
				gradient[a] -= L2 * beta[a];
				hessian[a][a] += L2;
			}
			for (int a = 0; a <= k; a++) {
				for (int b = 0; b < a; b++) {
					hessian[a][b] = hessian[b][a];
				}
			}
			double[] step = solve(hessian, gradient);
			double size = 0;
			for (int a = 0; a <= k; a++) {
				beta[a] += step[a];
				size = Math.max(size, Math.abs(step[a]));
			}
			if (size < 1e-6) {
				break;
			}
		}
		return new LinearFloor(share, keys(), Arrays.copyOfRange(beta, 1, k + 1), beta[0], means, scales);
	}

	/**
	 * The trees' probabilities blended with the floor's, in place, for {@code rows}
	 * feature rows.
	 */
	void blend(double[] treeScores, float[] features, int rows) {
		for (int r = 0; r < rows; r++) {
			treeScores[r] = sigmoid((1 - this.share) * logit(treeScores[r]) + this.share * logOdds(features, r));
		}
	}

	/** The floor's log-odds of one row. */
	double logOdds(float[] features, int row) {
		double[] x = transformed(features, row);
		standardise(x, this.means, this.scales);
		double sum = this.intercept;
		for (int j = 0; j < x.length; j++) {
			sum += this.weights[j] * x[j];
		}
		return sum;
	}

	/**
	 * Each feature's part of the blended log-odds of one row against the training mean:
	 * the share times weight times standardised value.
	 */
	double[] contributions(float[] features, int row) {
		double[] x = transformed(features, row);
		standardise(x, this.means, this.scales);
		double[] contributions = new double[Feature.COUNT];
		for (int j = 0; j < x.length; j++) {
			contributions[TERMS.get(j).feature().ordinal()] += this.share * this.weights[j] * x[j];
		}
		return contributions;
	}

	private static double[] transformed(float[] features, int row) {
		double[] x = new double[TERMS.size()];
		for (int j = 0; j < x.length; j++) {
			Term term = TERMS.get(j);
			x[j] = term.transform().apply(features[row * Feature.COUNT + term.feature().ordinal()]);
		}
		return x;
	}

	private static void standardise(double[] x, double[] means, double[] scales) {
		for (int j = 0; j < x.length; j++) {
			x[j] = Double.isNaN(x[j]) ? 0 : (x[j] - means[j]) / scales[j];
		}
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof LinearFloor that && this.share == that.share && this.terms.equals(that.terms)
				&& Arrays.equals(this.weights, that.weights) && this.intercept == that.intercept
				&& Arrays.equals(this.means, that.means) && Arrays.equals(this.scales, that.scales);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.weights) + 31 * Double.hashCode(this.intercept);
	}

	@Override
	public String toString() {
		return "LinearFloor[share " + this.share + ", " + this.terms.size() + " terms]";
	}

	private static double dot(double[] beta, double[] x) {
		double sum = beta[0];
		for (int j = 0; j < x.length; j++) {
			sum += beta[j + 1] * x[j];
		}
		return sum;
	}

	static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

	static double logit(double p) {
		double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
		return Math.log(q / (1 - q));
	}

	/**
	 * Gaussian elimination with partial pivoting; the matrix is small and positive
	 * definite.
	 */
	static double[] solve(double[][] a, double[] b) {
		int n = b.length;
		double[][] m = new double[n][];
		for (int i = 0; i < n; i++) {
			m[i] = Arrays.copyOf(a[i], n + 1);
			m[i][n] = b[i];
		}
		for (int c = 0; c < n; c++) {
			int pivot = c;
			for (int r = c + 1; r < n; r++) {
				if (Math.abs(m[r][c]) > Math.abs(m[pivot][c])) {
					pivot = r;
				}
			}
			double[] swap = m[c];
			m[c] = m[pivot];
			m[pivot] = swap;
			for (int r = c + 1; r < n; r++) {
				double f = m[r][c] / m[c][c];
				for (int k = c; k <= n; k++) {
					m[r][k] -= f * m[c][k];
				}
			}
		}
		double[] x = new double[n];
		for (int r = n - 1; r >= 0; r--) {
			double sum = m[r][n];
			for (int k = r + 1; k < n; k++) {
				sum -= m[r][k] * x[k];
			}
			x[r] = sum / m[r][r];
		}
		return x;
	}

	/** A feature and how it is transformed before the regression. */
	record Term(Feature feature, Transform transform) {
	}

	/** Monotone transforms that keep outliers from dominating a linear model. */
	enum Transform {

		/** As it is (ranks and shares). */
		NONE,
		/** log(1 + max(v, 0)): volatilities and levels span orders of magnitude. */
		LOG,
		/** Clipped to [−1, 3]: ratios and log changes. */
		CLIP;

		double apply(float v) {
			if (Float.isNaN(v)) {
				return Double.NaN;
			}
			return switch (this) {
				case NONE -> v;
				case LOG -> Math.log1p(Math.max(v, 0));
				case CLIP -> Math.min(3, Math.max(-1, v));
			};
		}

	}

}
