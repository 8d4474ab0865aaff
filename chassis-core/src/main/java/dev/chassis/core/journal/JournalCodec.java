package dev.chassis.core.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A harness's events to and from journal entries as JSON, losslessly: decoding what was encoded gives
 * an equal event, so a replayed session or run equals the original. One Jackson configuration for
 * every harness (optional fields, ISO times and durations, unknown properties ignored so that an older
 * reader skips fields a newer writer added). The event type is a sealed interface whose records Jackson
 * can tell apart (a type property). Immutable and thread-safe.
 *
 * <pre>{@code
 * static final JournalCodec<RunEvent> CODEC = JournalCodec.of("run", RunEvent.class, RunEvent::at);
 * }</pre>
 *
 * @param <E> the harness's event type
 */
public final class JournalCodec<E> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final String kind;
    private final Class<E> type;
    private final Function<? super E, Instant> at;

    private JournalCodec(String kind, Class<E> type, Function<? super E, Instant> at) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        this.at = Objects.requireNonNull(at, "at");
    }

    /**
     * A codec for events of {@code type}, each journaled with the time {@code at} gives.
     *
     * @param kind what the events are of, for messages: {@code run}, {@code session}
     */
    public static <E> JournalCodec<E> of(String kind, Class<E> type, Function<? super E, Instant> at) {
        return new JournalCodec<>(kind, type, at);
    }

    /**
     * The event as the entry at {@code sequence} of its stream.
     *
     * @throws JournalException when the event cannot be written as JSON
     */
    public JournalEntry encode(long sequence, E event) {
        try {
            return new JournalEntry(sequence, event.getClass().getSimpleName(), JSON.writeValueAsString(event), at.apply(event));
        } catch (JsonProcessingException e) {
            throw new JournalException("cannot encode " + kind + " journal entry " + sequence + " (" + event.getClass().getSimpleName()
                    + ")", e);
        }
    }

    /**
     * The event an entry holds.
     *
     * @throws JournalException naming the entry when it is not an event of this codec's type
     */
    public E decode(JournalEntry entry) {
        try {
            return JSON.readValue(entry.payload(), type);
        } catch (JsonProcessingException e) {
            // Jackson's own message names classes: it stays in the cause, for the log, not in the message
            throw new JournalException("cannot decode " + kind + " journal entry " + entry.sequence() + " (" + entry.type() + "): it is not a "
                    + kind + " event this version can read", e);
        }
    }

    /** Every entry decoded, in order. */
    public List<E> decodeAll(List<JournalEntry> entries) {
        List<E> out = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            out.add(decode(e));
        }
        return out;
    }
}
