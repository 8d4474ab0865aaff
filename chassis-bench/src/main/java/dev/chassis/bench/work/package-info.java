/** Work-harness and store benchmarks (load drivers with {@code main}; see docs/BENCHMARKS.md): journal append per step, resume time. */
package dev.chassis.bench.work;
