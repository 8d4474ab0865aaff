/**
 * {@link dev.chassis.testkit.server.SimulatedModelServer}: a real HTTP server on loopback that speaks
 * the OpenAI chat-completions protocol, with configurable latency and injected faults, so that
 * tests and benchmarks exercise the real network path of a model call.
 */
package dev.chassis.testkit.server;
