/**
 * The technical ground every module stands on: the application's home folder, the
 * database (an embedded PostgreSQL in local mode, an external one in production), the
 * clustered Quartz scheduler with its start-up guard and health check, and log redaction.
 * It holds no business logic and depends on no other module; see
 * docs/decisions/0001-platform-module.md.
 */
@NullMarked
@ApplicationModule(displayName = "Platform")
package com.yieldpilot.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
