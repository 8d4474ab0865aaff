/** Operations: Prometheus metrics through Micrometer (turn latency, live sessions, deadline misses, monitor failures). */
package dev.chassis.server.metrics;
