/**
 * The guardrails' machinery: the Drools build of a guardrail version with its problems
 * placed in the DRL, the facts read for an intent, the run of a version over them, the
 * stored versions, kill switch and verdicts, and the listener that reviews each proposed
 * intent.
 */
@NullMarked
package com.yieldpilot.execution.internal;

import org.jspecify.annotations.NullMarked;
