/** Model-layer benchmarks: the cost of the LangChain4j bridge on the real network path. */
package dev.chassis.bench.model;
