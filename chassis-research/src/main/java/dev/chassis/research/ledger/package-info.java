/**
 * Recording an interviewer's mistake where it was seen: an incident from a transcript turn, replayed
 * before and after its fix, kept only when the replay proves the fix. The CLI and the server share it.
 */
package dev.chassis.research.ledger;
