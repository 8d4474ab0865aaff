/**
 * Synthesis across sessions: participant statements grouped into named themes, findings that each carry
 * verbatim quotes citing session and turn, coverage per objective, contradictions per session and
 * engagement over time. Grouping is deterministic (spherical k-means over term or embedding vectors with
 * a fixed seed); naming and finding-writing is a model call whose offline realiser is extractive. Every
 * quote passes {@link dev.chassis.research.synthesis.QuoteVerifier} before it can reach a report.
 */
package dev.chassis.research.synthesis;
