/**
 * From a validated syntax tree to what the engine runs: metric calls become terms,
 * literals become numbers in the unit of what they are compared with, and/or/not/for
 * become gates. Only validated trees come here; see
 * docs/decisions/0005-rules-as-facts.md.
 */
@NullMarked
package com.yieldpilot.rules.internal.compile;

import org.jspecify.annotations.NullMarked;
