/**
 * The Chassis server: the research application over HTTP and WebSocket, with the participant page and
 * the researcher console. {@link dev.chassis.server.ChassisServer} is the one entry point.
 */
package dev.chassis.server;
