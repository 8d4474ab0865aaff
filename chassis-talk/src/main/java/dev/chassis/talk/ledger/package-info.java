/**
 * The talk harness's side of the mistake ledger: the steering rules and staged notes a ledger's fixes
 * become, which {@code TalkHarness.Builder.ledger} applies to every session.
 */
package dev.chassis.talk.ledger;
