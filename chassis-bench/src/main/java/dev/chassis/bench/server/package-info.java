/** Load on {@code chassis serve}: many concurrent WebSocket interviews against the simulated model server. */
package dev.chassis.bench.server;
