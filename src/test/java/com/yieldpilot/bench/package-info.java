/**
 * JMH benchmarks for the performance targets of the market and rules modules: parsing
 * DefiLlama's {@code /pools}, ingesting samples end to end into embedded PostgreSQL,
 * reading a pool's history, and the rule engine's tick, changes and cold rebuild from the
 * database. Not tests: Surefire and Failsafe never pick up {@code *Benchmark}; the
 * README's "Benchmarks" section has the command and the latest figures.
 */
@NullMarked
package com.yieldpilot.bench;

import org.jspecify.annotations.NullMarked;
