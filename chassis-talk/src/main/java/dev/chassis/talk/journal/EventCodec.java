package dev.chassis.talk.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;
import dev.chassis.talk.state.SessionEvent;

/**
 * Session events to and from JSON, losslessly: decoding what was encoded gives an equal event, so a
 * replayed session equals the original. Thread-safe.
 */
public final class EventCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private EventCodec() {
    }

    public static JournalEntry encode(long sequence, SessionEvent event) {
        try {
            return new JournalEntry(sequence, event.getClass().getSimpleName(), JSON.writeValueAsString(event), event.at());
        } catch (JsonProcessingException e) {
            throw new JournalException("cannot encode " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static SessionEvent decode(JournalEntry entry) {
        try {
            return JSON.readValue(entry.payload(), SessionEvent.class);
        } catch (JsonProcessingException e) {
            throw new JournalException("cannot decode journal entry " + entry.sequence() + " (" + entry.type() + "): "
                    + e.getOriginalMessage(), e);
        }
    }
}
