/**
 * Keeps the event publication registry moving between restarts: a delivery that failed is
 * tried again after a growing pause, one left in flight by a node that died is taken
 * over, and completed publications are deleted after a retention period. Internal to the
 * platform module.
 */
@NullMarked
package com.yieldpilot.platform.events;

import org.jspecify.annotations.NullMarked;
