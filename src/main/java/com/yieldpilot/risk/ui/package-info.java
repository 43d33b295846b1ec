/**
 * The risk module's screens: the admins' model page (versions with their validation
 * metrics, drift, retraining with progress).
 */
@NullMarked
package com.yieldpilot.risk.ui;

import org.jspecify.annotations.NullMarked;
