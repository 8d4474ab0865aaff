package dev.chassis.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {

    private static JournalEntry entry(long seq) {
        return new JournalEntry(seq, "Note", "{\"n\":" + seq + "}", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq));
    }

    @Test
    void an_empty_file_left_by_a_crash_is_no_stream_and_the_next_append_starts_it(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("ops-1.jsonl"));
        FileJournal journal = new FileJournal(dir);
        assertThat(journal.streams()).isEmpty();
        assertThat(journal.read("ops-1")).isEmpty();
        journal.append("ops-1", List.of(entry(0)));
        assertThat(journal.streams()).containsExactly("ops-1");
        assertThat(new FileJournal(dir).read("ops-1")).containsExactly(entry(0));
    }

    @Test
    void a_half_written_last_line_is_ignored_and_cut_before_the_next_append(@TempDir Path dir) throws Exception {
        new FileJournal(dir).append("r", List.of(entry(0), entry(1)));
        Path file = dir.resolve("r.jsonl");
        String text = Files.readString(file);
        Files.writeString(file, "{\"seq\":2,\"type\":\"No", StandardOpenOption.APPEND);
        FileJournal reopened = new FileJournal(dir);
        assertThat(reopened.read("r")).containsExactly(entry(0), entry(1));
        reopened.append("r", List.of(entry(2)));
        assertThat(new FileJournal(dir).read("r")).containsExactly(entry(0), entry(1), entry(2));
        assertThat(Files.readString(file)).startsWith(text).doesNotContain("\"type\":\"No\n");
    }

    @Test
    void a_torn_last_record_whose_newline_made_it_is_ignored_but_a_bad_line_before_the_end_is_an_error(@TempDir Path dir) throws Exception {
        new FileJournal(dir).append("r", List.of(entry(0)));
        Path file = dir.resolve("r.jsonl");
        Files.writeString(file, "{\"seq\":1,\"ty\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        FileJournal reopened = new FileJournal(dir);
        assertThat(reopened.read("r")).containsExactly(entry(0));
        assertThat(reopened.streams()).containsExactly("r");
        reopened.append("r", List.of(entry(1)));
        assertThat(new FileJournal(dir).read("r")).containsExactly(entry(0), entry(1));

        Files.writeString(dir.resolve("bad.jsonl"), "garbage\n" + Files.readString(file), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new FileJournal(dir).read("bad")).isInstanceOf(JournalException.class)
                .hasMessageContaining("line 1 is not a journal entry");
    }

    @Test
    void a_sequence_out_of_order_is_refused_and_names_the_stream(@TempDir Path dir) {
        FileJournal journal = new FileJournal(dir);
        journal.append("s", List.of(entry(0)));
        assertThatThrownBy(() -> journal.append("s", List.of(entry(2)))).isInstanceOf(JournalException.class)
                .hasMessage("stream s: expected entry 1, got 2");
        assertThatThrownBy(() -> journal.read("../x")).isInstanceOf(JournalException.class)
                .hasMessageContaining("must be 1-128 letters, digits");
    }
}
