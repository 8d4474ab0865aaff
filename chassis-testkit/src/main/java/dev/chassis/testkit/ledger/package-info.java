/**
 * Mistake-ledger fixtures shared by the tests of several modules: a persona who calls a topic a sore
 * subject (a mistake the interviewer makes without a ledger) and a work incident on the example
 * workflow's invitation.
 */
package dev.chassis.testkit.ledger;
