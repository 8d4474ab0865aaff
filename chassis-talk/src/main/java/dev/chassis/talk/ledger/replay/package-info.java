/** Replaying talk incidents through a live session of the harness as built now, with a ledger's fixes or without them. */
package dev.chassis.talk.ledger.replay;
