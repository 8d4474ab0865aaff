/**
 * Context on demand: tools that fetch what a step needs while it works: a file, documents by
 * keyword (and by meaning with an embedder), and earlier runs.
 */
package dev.chassis.work.retrieval;
