/** Benchmarks of Chassis (JMH and load drivers); see docs/BENCHMARKS.md for how to run them and the numbers. */
package dev.chassis.bench;
