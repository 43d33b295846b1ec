/**
 * The risk model without any infrastructure: daily pool histories, outcomes (the adverse
 * event), features computed from data up to each day only, gradient-boosted trees trained
 * with Tribuo on matured outcomes, isotonic calibration, explanations, metrics and the
 * walk-forward that scores a history as production would have.
 */
@NullMarked
package com.yieldpilot.risk.internal.model;

import org.jspecify.annotations.NullMarked;
