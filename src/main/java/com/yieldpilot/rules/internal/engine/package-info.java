/**
 * The live rule engine. A user's rule arrives as a {@link Condition} tree over numeric
 * terms (latest metrics and window aggregates), becomes a handful of facts in a Drools
 * session, and a small set of trusted generic rules ({@code network.drl}) keeps every
 * condition's truth current as term values change. Nothing of the user's text becomes
 * code: a rule is data matched by the same generic rules as every other rule. See
 * docs/decisions/0005-rules-as-facts.md.
 */
@NullMarked
package com.yieldpilot.rules.internal.engine;

import org.jspecify.annotations.NullMarked;
