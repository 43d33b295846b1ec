/**
 * Who is who: user accounts and their roles (FARMER, ADMIN), password log-in, personal
 * API tokens for the REST API, the current user, and the audit log of security-relevant
 * changes. Sign-In with Ethereum will sit beside passwords here.
 */
@NullMarked
@ApplicationModule(displayName = "Identity")
package com.yieldpilot.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
