package com.yieldpilot.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A trained model version as the registry keeps it, without its artifact.
 *
 * @param version the version number, 1 for the first
 * @param status PROMOTED (the one that scores), REJECTED (worse than the promoted one on
 * the same validation window) or RETIRED (replaced)
 * @param createdAt when it was trained
 * @param decision why it was promoted or rejected
 * @param asOf the last day of data it was trained with (the model that scores)
 * @param trainFrom first day of the trees' rows
 * @param trainTo last day of the trees' rows
 * @param calibrateFrom first day of the calibration slice
 * @param calibrateTo last day of the calibration slice
 * @param validateFrom first day of the validation window, null without one
 * @param validateTo last day of the validation window
 * @param validatedAsOf the last day of data of the twin that was validated: the same
 * recipe trained before the window's outcomes matured; null when the version was
 * validated as it scores (versions stored before twins, and models registered alone)
 * @param features the features' keys
 * @param hyperparameters how the trees were grown
 * @param library training library and version
 * @param trainRows rows the trees learned from
 * @param validationRows rows it was validated on
 * @param auc AUC on the validation window (of the validated twin where there is one)
 * @param brier Brier score there
 * @param ece expected calibration error (10 bins) there
 * @param baseRate share of adverse outcomes there
 * @param reliability per bin: mean score, outcome rate and count
 */
public record ModelVersion(int version, String status, Instant createdAt, String decision, LocalDate asOf,
		LocalDate trainFrom, LocalDate trainTo, LocalDate calibrateFrom, LocalDate calibrateTo,
		@Nullable LocalDate validateFrom, @Nullable LocalDate validateTo, @Nullable LocalDate validatedAsOf,
		List<String> features, String hyperparameters, String library, int trainRows, int validationRows,
		@Nullable Double auc, @Nullable Double brier, @Nullable Double ece, @Nullable Double baseRate,
		List<double[]> reliability) {

	public ModelVersion {
		features = List.copyOf(features);
		reliability = List.copyOf(reliability);
	}

}
