/**
 * The rule template library's storage, and its seeding from the example rules shipped in
 * {@code rules/examples} at start.
 */
@NullMarked
package com.yieldpilot.rules.internal.templates;

import org.jspecify.annotations.NullMarked;
