package com.yieldpilot.rules.lang;

/**
 * A value in a condition: a metric, a window over a metric's history, a literal, or
 * arithmetic over them. Units are checked by validation, not here.
 */
public sealed interface Expression permits MetricCall, Window, Literal, Arithmetic, Negation {

}
