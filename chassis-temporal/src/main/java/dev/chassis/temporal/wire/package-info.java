/**
 * The contract between a Chassis run's Temporal workflow and the workers that do its side effects: the
 * workflow and activity interfaces and what travels between them (requests, results, the run's plan, a
 * person's decision, the run's state). Plain records, written as JSON by {@link dev.chassis.temporal.wire.Json}.
 */
package dev.chassis.temporal.wire;
