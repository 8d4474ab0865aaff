/**
 * Gates between steps: each {@link dev.chassis.work.gate.Gate} checks a step's output and passes it,
 * fails it with findings (which go into the next attempt's prompt), or pauses the run for a person.
 * Built in: schema, Java predicate, command, model judge, human approval, required reading, output guard.
 */
package dev.chassis.work.gate;
