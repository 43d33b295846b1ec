/**
 * Validation of a rule's syntax tree: every name resolved through the metric catalog
 * (never anything else), units checked, actions only on pools that may be acted on, and
 * the farmer's plan limits. The catalog is reached through the {@link RuleVocabulary}
 * port, so the checks run the same against the real catalog and an in-memory one.
 */
@NullMarked
package com.yieldpilot.rules.check;

import org.jspecify.annotations.NullMarked;
