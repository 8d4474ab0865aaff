/**
 * Journaling a session behind the conversation: events are encoded as JSON and written by an
 * asynchronous batched writer to a {@link dev.chassis.core.journal.Journal} (in memory, a
 * file per session here; JDBC in {@code chassis-store}), never on a turn's path.
 */
package dev.chassis.talk.journal;
