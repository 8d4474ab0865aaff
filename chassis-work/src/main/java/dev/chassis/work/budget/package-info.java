/** Budgets: what model calls cost, by a configurable price table per model. */
package dev.chassis.work.budget;
