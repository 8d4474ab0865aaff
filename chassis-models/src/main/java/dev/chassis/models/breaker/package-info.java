/**
 * A circuit breaker around an engine ({@link dev.chassis.models.breaker.CircuitBreakingModel}, on
 * Resilience4j): it stops calling a provider that keeps failing, probes it again after a while, and
 * says how the engine is doing ({@link dev.chassis.models.breaker.ModelHealth}) for {@code /health},
 * metrics and the console.
 */
package dev.chassis.models.breaker;
