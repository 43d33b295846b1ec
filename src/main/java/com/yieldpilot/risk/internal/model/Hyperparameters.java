package com.yieldpilot.risk.internal.model;

/**
 * How the trees are grown and calibrated. The defaults were chosen on data up to
 * 2024-12-31 only (decision record 0011).
 *
 * @param trees boosting rounds
 * @param eta learning rate
 * @param maxDepth depth of each tree
 * @param minChildWeight the least hessian weight in a leaf (about the least samples times
 * p(1−p))
 * @param subsample share of rows each tree sees
 * @param featureSubsample share of features each tree sees
 * @param lambda L2 regularisation of leaf weights
 * @param seed the random seed: the same data and seed give the same model
 * @param calibrationDays the newest matured days held out from the trees to calibrate on
 * @param shrink how much of the calibrated score's distance from the calibration slice's
 * base rate is kept (1 keeps all); below 1 it tempers confidence that the next month's
 * market may not repeat
 * @param floorShare the {@link LinearFloor logistic floor}'s share of the blended
 * log-odds; 0 leaves the trees alone
 * @param levelWeight how far the calibrated log-odds follow the change of the market's
 * early adverse rate since the calibration slice ({@link MarketLevel}); 0 keeps the
 * slice's level
 */
public record Hyperparameters(int trees, double eta, int maxDepth, double minChildWeight, double subsample,
		double featureSubsample, double lambda, long seed, int calibrationDays, double shrink, double floorShare,
		double levelWeight) {

	public static final Hyperparameters DEFAULTS = new Hyperparameters(400, 0.03, 3, 20, 0.8, 0.8, 1.0, 42L, 60, 0.8,
			0.5, 1.0);

	public Hyperparameters {
		if (trees < 1 || eta <= 0 || maxDepth < 1 || subsample <= 0 || subsample > 1 || featureSubsample <= 0
				|| featureSubsample > 1 || calibrationDays < 1 || shrink <= 0 || shrink > 1 || floorShare < 0
				|| floorShare > 1 || !(levelWeight >= 0 && levelWeight <= 2)) {
			throw new IllegalArgumentException("Hyperparameters out of range");
		}
	}

}
