/**
 * Offline realisation of the work harness's intents, registered with the offline engine: a step
 * follows its {@link dev.chassis.work.flow.OfflinePlan}; a judge scores by the rubric's terms.
 */
package dev.chassis.work.offline;
