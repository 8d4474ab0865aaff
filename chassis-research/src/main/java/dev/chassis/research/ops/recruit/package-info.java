/**
 * Recruiting and screening: screener rules over pool columns, quotas, and a deterministic selection
 * that says for every person why they were or were not invited.
 */
package dev.chassis.research.ops.recruit;
