/**
 * The server's health: one check per part it relies on (the journal database, the data folder's files, the
 * model), each up, degraded or down with a reason in plain words; {@code /health} reports it, the console
 * shows it, participants hear of a storage fault, and the metrics carry it.
 */
package dev.chassis.server.health;
