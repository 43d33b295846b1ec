/**
 * Risk scores: the calibrated probability that a pool's yield does not hold or its
 * capital flees within four weeks, with the features that drove it. The module turns each
 * pool's history into features, trains and calibrates gradient-boosted trees on matured
 * outcomes, keeps model versions, and serves scores to rules, screens and the API. Why it
 * works this way: {@code docs/decisions/0011-risk-scores.md}.
 */
@NullMarked
@ApplicationModule(displayName = "Risk")
package com.yieldpilot.risk;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
