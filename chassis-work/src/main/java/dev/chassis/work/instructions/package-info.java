/**
 * The instruction map: a short root document in Markdown that links to deeper documents, which the
 * agent opens with the {@code open_instructions} tool when it needs them. Reads are journaled, a gate
 * can require one, and a check reports broken links and a root over its size cap.
 */
package dev.chassis.work.instructions;
