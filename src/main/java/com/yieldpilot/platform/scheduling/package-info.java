/**
 * Quartz as one clustered JDBC scheduler shared by every node: the start-up guard that
 * refuses any other configuration, the cluster check-in reader and the scheduler health
 * check. Exposed so admin screens can show the cluster's nodes.
 */
@NullMarked
@NamedInterface("scheduling")
package com.yieldpilot.platform.scheduling;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
