package com.yieldpilot.rules.lang;

/**
 * What must hold for a rule to fire: comparisons joined by {@code and}, {@code or} and
 * {@code not}, and held {@code for} a while. Comparisons carry the comments written
 * before them.
 */
public sealed interface Condition permits Comparison, And, Or, Not, Sustained {

}
