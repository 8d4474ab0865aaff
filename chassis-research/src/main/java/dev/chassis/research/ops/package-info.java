/**
 * Research operations: a study run as a work-harness workflow that recruits and screens participants
 * from a pool, schedules sessions across time zones with calendar invites, conducts them (synthetic
 * participants offline, live links otherwise), checks their quality, synthesises and reports. The
 * sub-packages hold each step's logic as plain, deterministic Java; {@code ops.workflow} wires them.
 */
package dev.chassis.research.ops;
