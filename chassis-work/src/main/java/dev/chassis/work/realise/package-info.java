/**
 * Realising the work harness's intents without a model (the name {@code talk.realise} has for the same
 * idea in the talk harness), registered with the offline engine: a step
 * follows its {@link dev.chassis.work.flow.OfflinePlan}; a judge scores by the rubric's terms.
 */
package dev.chassis.work.realise;
