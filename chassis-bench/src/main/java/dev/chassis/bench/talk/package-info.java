/**
 * Talk-harness benchmarks (load drivers with {@code main} methods; see docs/BENCHMARKS.md): turn
 * overhead by session length, a LangChain4j AiServices pipeline doing the same work, first-token time
 * with slow monitors, a model that is often late, and thousands of concurrent sessions.
 */
package dev.chassis.bench.talk;
