package dev.chassis.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalCodecTest {

    @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(Happened.Began.class), @JsonSubTypes.Type(Happened.Waited.class)})
    sealed interface Happened {
        Instant at();

        record Began(Instant at, Optional<String> by) implements Happened { }

        record Waited(Instant at, Duration took, List<String> why) implements Happened { }
    }

    private static final JournalCodec<Happened> CODEC = JournalCodec.of("test", Happened.class, Happened::at);

    @Test
    void what_is_encoded_decodes_to_an_equal_event_with_times_and_durations_as_text() {
        Instant at = Instant.parse("2026-11-20T10:00:00.123Z");
        Happened waited = new Happened.Waited(at, Duration.ofMillis(1500), List.of("a", "b"));
        JournalEntry entry = CODEC.encode(7, waited);
        assertThat(entry.sequence()).isEqualTo(7);
        assertThat(entry.type()).isEqualTo("Waited");
        assertThat(entry.at()).isEqualTo(at);
        assertThat(entry.payload()).contains("\"at\":\"2026-11-20T10:00:00.123Z\"").contains("\"took\":\"PT1.5S\"");
        assertThat(CODEC.decode(entry)).isEqualTo(waited);
        Happened began = new Happened.Began(at, Optional.empty());
        assertThat(CODEC.decodeAll(List.of(CODEC.encode(0, began), entry))).containsExactly(began, waited);
    }

    @Test
    void fields_a_newer_writer_added_are_ignored_and_a_payload_of_another_kind_names_the_entry() {
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        JournalEntry newer = new JournalEntry(0, "Began", "{\"type\":\"Began\",\"at\":\"2026-11-20T10:00:00Z\",\"by\":\"ana\",\"later\":1}", at);
        assertThat(CODEC.decode(newer)).isEqualTo(new Happened.Began(at, Optional.of("ana")));
        assertThatThrownBy(() -> CODEC.decode(new JournalEntry(3, "Unknown", "{\"type\":\"Unknown\"}", at)))
                .isInstanceOf(JournalException.class).hasMessage("cannot decode test journal entry 3 (Unknown): it is not a test event this version can read");
    }
}
