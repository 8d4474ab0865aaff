package dev.chassis.core.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One journaled record: the harness's event serialised as JSON.
 *
 * @param sequence position in its stream, from 0, without gaps
 * @param type     the event's type name, for readers that pick what to decode
 * @param payload  the event as JSON
 * @param at       when it happened
 */
public record JournalEntry(long sequence, String type, String payload, Instant at) {

    public JournalEntry {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(at, "at");
    }
}
