/**
 * Quartz as one clustered JDBC scheduler shared by every node: the start-up guard that
 * refuses any other configuration, the cluster check-in reader and the scheduler health
 * check.
 */
@NullMarked
package com.yieldpilot.platform.scheduling;

import org.jspecify.annotations.NullMarked;
