/**
 * Recall: earlier moments of the session relevant to what the person just said, by keyword (BM25
 * over per-language stemmed terms) on the turn's path in microseconds, and by meaning (embeddings,
 * computed in the background) when an embedder for the language is configured.
 */
package dev.chassis.talk.recall;
