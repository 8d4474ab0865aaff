/**
 * Research-operations runs from the server: start a study run, follow its step timeline, and when it
 * pauses for live sessions, hand out participant links for them, collect their transcripts in the run's
 * inbox, and let the researcher approve (continue) or reject (stop) the paused step.
 */
package dev.chassis.server.ops;
