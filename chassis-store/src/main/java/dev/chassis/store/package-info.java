/**
 * JDBC journals: {@link dev.chassis.store.JdbcJournal} keeps talk sessions and work runs in embedded
 * H2 (the default, a file with crash-safe settings) or PostgreSQL, with the schema managed by Flyway.
 */
package dev.chassis.store;
