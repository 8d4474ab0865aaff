/** The work harness's side of the mistake ledger: replaying work incidents through the harness as configured now. */
package dev.chassis.work.ledger;
