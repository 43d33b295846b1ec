/**
 * JMH benchmarks for the performance targets of the market module: parsing DefiLlama's
 * {@code /pools}, ingesting samples end to end into embedded PostgreSQL, and reading a
 * pool's history. Not tests: Surefire and Failsafe never pick up {@code *Benchmark}; the
 * README's "Benchmarks" section has the command and the latest figures.
 */
@NullMarked
package com.yieldpilot.bench;

import org.jspecify.annotations.NullMarked;
