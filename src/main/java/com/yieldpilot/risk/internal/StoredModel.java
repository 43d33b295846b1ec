package com.yieldpilot.risk.internal;

import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.internal.model.DriftBaseline;
import com.yieldpilot.risk.internal.model.RiskModel;

/**
 * A model version ready to score: its registry entry, the model and the training
 * distribution of its features.
 */
record StoredModel(ModelVersion version, RiskModel model, DriftBaseline baseline) {
}
