/**
 * The journal SPI both harnesses write to: {@link dev.chassis.core.journal.Journal} (append-only
 * streams of entries, one per session or run), {@link dev.chassis.core.journal.JournalCodec} (events to
 * and from entries), in-memory and file-backed implementations, and
 * {@link dev.chassis.core.journal.Records} for small documents kept beside them. The JDBC implementation
 * (embedded H2, PostgreSQL) is {@code JdbcJournal} in chassis-store.
 */
package dev.chassis.core.journal;
