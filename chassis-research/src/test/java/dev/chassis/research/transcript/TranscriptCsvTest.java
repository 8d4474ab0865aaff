package dev.chassis.research.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptCsvTest {

    @TempDir
    Path dir;

    private Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("t.csv"), content);
    }

    @Test
    void each_row_is_one_transcript_with_multi_line_text() throws IOException {
        Path file = csv("transcript_id,text\n"
                + "a,\"Assistant: Hi, welcome.\n\nUser: Hello, \"\"friend\"\".\"\n"
                + "b,\"AI: Ready?\n\nUser: Yes.\"\n");

        List<Transcript> all = TranscriptCsv.read(file);

        assertThat(all).extracting(Transcript::id).containsExactly("a", "b");
        assertThat(all.getFirst().turns().get(1).text()).isEqualTo("Hello, \"friend\".");
    }

    @Test
    void a_missing_column_names_the_header_line() throws IOException {
        Path file = csv("id,text\na,\"AI: x\"\n");

        assertThatThrownBy(() -> TranscriptCsv.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":1: header: is missing the column 'transcript_id'; a transcript file needs the columns transcript_id and text");
    }

    @Test
    void a_row_without_labels_names_its_starting_line_and_the_text_column() throws IOException {
        Path file = csv("transcript_id,text\na,\"AI: one\n\nUser: two\"\nb,\"just words\n\nUser: hi\"\n");

        assertThatThrownBy(() -> TranscriptCsv.read(file))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":5: text: transcript 'b': the dialogue must start with a speaker label "
                        + "(AI:, Assistant:, Interviewer:, User: or Participant:), found 'just words'");
    }

    @Test
    void empty_and_duplicate_ids_are_rejected_with_their_lines() throws IOException {
        Path empty = csv("transcript_id,text\n ,\"AI: x\"\n");
        assertThatThrownBy(() -> TranscriptCsv.read(empty))
                .hasMessage(empty + ":2: transcript_id: must not be empty");

        Path dup = csv("transcript_id,text\na,\"AI: x\"\na,\"AI: y\"\n");
        assertThatThrownBy(() -> TranscriptCsv.read(dup))
                .hasMessage(dup + ":3: transcript_id: 'a' already used on line 2; transcript ids must be unique");
    }

    @Test
    void a_row_with_too_many_fields_says_a_quote_may_be_missing() throws IOException {
        Path file = csv("transcript_id,text\na,AI: hi, there\n");

        assertThatThrownBy(() -> TranscriptCsv.read(file))
                .hasMessage(file + ":2: has 3 values; the header has 2 (put quotes around values that contain commas)");
    }

    @Test
    void a_missing_file_is_one_clear_error() {
        Path file = dir.resolve("nope.csv");

        assertThatThrownBy(() -> TranscriptCsv.read(file)).hasMessage(file + ": file not found");
    }
}
