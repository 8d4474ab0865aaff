package dev.chassis.work.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.chassis.core.journal.JournalEntry;
import dev.chassis.core.journal.JournalException;

/** Run events to and from JSON journal entries, losslessly. Thread-safe. */
public final class RunEventCodec {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RunEventCodec() {
    }

    public static JournalEntry encode(long sequence, RunEvent event) {
        try {
            return new JournalEntry(sequence, event.getClass().getSimpleName(), JSON.writeValueAsString(event), event.at());
        } catch (JsonProcessingException e) {
            throw new JournalException("cannot encode " + event.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static RunEvent decode(JournalEntry entry) {
        try {
            return JSON.readValue(entry.payload(), RunEvent.class);
        } catch (JsonProcessingException e) {
            throw new JournalException("cannot decode run journal entry " + entry.sequence() + " (" + entry.type() + "): "
                    + e.getOriginalMessage(), e);
        }
    }
}
