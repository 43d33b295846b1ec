/**
 * Farmers' rules: the rule language (text, syntax tree, canonical printer), validation
 * against the metric catalog and the farmer's plan, and later the compiler to Drools, the
 * evaluation and the rule screens. The root package is the public API: rule validation
 * for the current user, and the {@link com.yieldpilot.rules.Entitlements} port that
 * billing implements.
 */
@NullMarked
@ApplicationModule(displayName = "Rules")
package com.yieldpilot.rules;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
