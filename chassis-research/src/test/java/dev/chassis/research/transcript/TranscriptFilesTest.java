package dev.chassis.research.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptFilesTest {

    @TempDir
    Path dir;

    @Test
    void a_transcript_written_as_json_reads_back_equal() {
        Transcript t = new Transcript("s-1", Optional.of("p-1"), Optional.of("en"),
                List.of(new Turn(1, Speaker.INTERVIEWER, "Hi?", Optional.of(Duration.ZERO)),
                        new Turn(2, Speaker.PARTICIPANT, "Hello.", Optional.of(Duration.ofMillis(4200)))),
                List.of(Mark.engagement(2, 0.5), Mark.contradiction(2, 1, "says the opposite"), Mark.coverage(2, "habits", 1.0)));
        Path file = dir.resolve("s-1.json");

        TranscriptFiles.writeJson(t, file);

        assertThat(TranscriptFiles.load(file)).containsExactly(t);
    }

    @Test
    void a_directory_mixes_formats_in_name_order_and_skips_other_files() throws IOException {
        Files.writeString(dir.resolve("b.txt"), "AI: Hi\n\nUser: Hello");
        Files.writeString(dir.resolve("a.csv"), "transcript_id,text\nx,\"AI: Q\n\nUser: A\"\n");
        Files.writeString(dir.resolve("notes.pdf"), "ignored");
        Files.writeString(dir.resolve("README.md"), "# About these transcripts");

        assertThat(TranscriptFiles.load(dir)).extracting(Transcript::id).containsExactly("x", "b");
    }

    @Test
    void the_same_session_id_in_two_files_is_rejected() throws IOException {
        Files.writeString(dir.resolve("a.csv"), "transcript_id,text\nb,\"AI: Q\"\n");
        Files.writeString(dir.resolve("b.txt"), "AI: Hi");

        assertThatThrownBy(() -> TranscriptFiles.load(dir))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(dir.resolve("b.txt") + ": id: session id 'b' is also used in " + dir.resolve("a.csv")
                        + "; session ids must be unique");
    }

    @Test
    void a_json_transcript_with_misnumbered_turns_names_the_field() throws IOException {
        Files.writeString(dir.resolve("s.json"), """
                {"id": "s", "turns": [
                  {"number": 2, "speaker": "participant", "text": "hi"}
                ]}
                """);

        assertThatThrownBy(() -> TranscriptFiles.load(dir.resolve("s.json")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("s.json:")
                .hasMessageContaining("turns must be numbered 1, 2, 3... in order; turn at position 1 has number 2");
    }

    @Test
    void a_json_transcript_with_an_unknown_speaker_names_the_field() throws IOException {
        Files.writeString(dir.resolve("s.json"), """
                {"id": "s", "turns": [
                  {"number": 1, "speaker": "robot", "text": "hi"}
                ]}
                """);

        assertThatThrownBy(() -> TranscriptFiles.load(dir.resolve("s.json")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("turns[0].speaker")
                .hasMessageContaining("speaker must be 'interviewer' or 'participant', was 'robot'");
    }

    @Test
    void an_empty_directory_says_what_it_expected() {
        assertThatThrownBy(() -> TranscriptFiles.load(dir))
                .hasMessage(dir + ": has no transcripts (.csv, .json or .txt files)");
    }
}
