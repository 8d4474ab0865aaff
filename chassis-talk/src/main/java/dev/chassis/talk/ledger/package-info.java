/** The talk harness's side of the mistake ledger: steering rules from fixes, and replaying talk incidents through a live session. */
package dev.chassis.talk.ledger;
