package dev.chassis.research.synthesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.research.transcript.Turn;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Synthesis on real interviews (shared/data/interviews), skipped where that folder is absent. */
class SharedInterviewsSynthesisTest {

    private static Path interviews() {
        var dir = Fixtures.sharedInterviews();
        assumeTrue(dir.isPresent(), "shared/data/interviews not found (system property chassis.shared.dir); skipping real-data synthesis");
        return dir.get();
    }

    @Test
    void every_real_transcript_parses_into_alternating_turns() {
        List<Transcript> all = TranscriptFiles.load(interviews());

        assertThat(all).hasSize(250);
        assertThat(all).allSatisfy(t -> {
            assertThat(t.turns().getFirst().byParticipant()).isFalse();
            assertThat(t.participantTurns()).hasSizeGreaterThan(3);
            // A few participant turns are empty in the data (an answer sent blank); they parse as empty turns.
            assertThat(t.turns().stream().filter(turn -> turn.text().isBlank()).count()).isLessThan(3);
        });
    }

    @Test
    void themes_on_real_interviews_are_named_and_every_quote_is_in_its_cited_turn() {
        List<Transcript> scientists = TranscriptFiles.load(interviews().resolve("scientists_transcripts.csv"));

        Synthesis s = Synthesizer.builder().build().synthesize(scientists);

        assertThat(s.themes()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(s.themes()).allSatisfy(t -> {
            assertThat(t.name()).isNotBlank();
            assertThat(t.sessions()).isGreaterThanOrEqualTo(10);
            assertThat(t.findings()).allSatisfy(f -> assertThat(f.quotes()).isNotEmpty());
        });
        for (Quote q : s.quotes()) {
            Turn turn = scientists.stream().filter(t -> t.id().equals(q.session())).findFirst().orElseThrow().turn(q.turn()).orElseThrow();
            assertThat(turn.byParticipant()).isTrue();
            assertThat(turn.text()).as(q.citation()).contains(q.text());
        }
        assertThat(s.coverage()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(s.coverage().getFirst().mean()).isGreaterThan(0.8);
    }
}
