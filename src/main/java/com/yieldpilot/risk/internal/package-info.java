/**
 * The risk module's adapters: the offline {@code risk score-history} command and, later,
 * persistence, jobs and listeners. The model itself lives in {@code internal.model}.
 */
@NullMarked
package com.yieldpilot.risk.internal;

import org.jspecify.annotations.NullMarked;
