/** The server's mistake ledger: the fixes new interviews keep, and recording an incident from a transcript turn with its replay as proof. */
package dev.chassis.server.ledger;
