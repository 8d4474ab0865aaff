/**
 * Context assembly: the staged prefix, a digest of the state, recalled moments, summaries and the
 * recent window, fitted to the model's budget, deterministically, in well under a millisecond.
 */
package dev.chassis.talk.assemble;
