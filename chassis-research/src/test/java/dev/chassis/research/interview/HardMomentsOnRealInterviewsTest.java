package dev.chassis.research.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.TranscriptFiles;
import dev.chassis.research.transcript.Turn;
import dev.chassis.talk.text.Feelings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * False alarms of the hard-moment reading (issue 13.5) on the 250 real interviews: professionals talking about their
 * work and AI, where a hard moment is rare, so nearly every answer read as one would draw an acknowledgement
 * ("I'm sorry, that sounds really hard") it does not call for: a worry about what AI may do, a research topic
 * ("a cancer dataset"), "let alone". 78 of the 2,419 answers were read as hard moments before session 7, 46 after;
 * 47 since session 12's floods, fires and losses (the one more: "my getting robbed at gunpoint", a real one; two mentions
 * of "the war" in a novelist's research made the war no cue by itself). The ceiling keeps it from growing back.
 */
class HardMomentsOnRealInterviewsTest {

    private static final int CEILING = 48;

    @Test
    void few_answers_of_the_real_interviews_are_read_as_hard_moments() {
        var dir = Fixtures.sharedInterviews();
        assumeTrue(dir.isPresent(), "shared/data/interviews not found (system property chassis.shared.dir); skipping hard-moment false alarms");
        List<Transcript> all = TranscriptFiles.load(dir.get());
        int answers = 0;
        List<String> read = new ArrayList<>();
        for (Transcript t : all) {
            for (Turn turn : t.turns()) {
                if (turn.speaker() != Speaker.PARTICIPANT) {
                    continue;
                }
                answers++;
                Feelings.read(turn.text(), "en").filter(m -> m.valence() < 0 && m.intensity() >= Feelings.STRONG)
                        .ifPresent(m -> read.add(t.id() + " " + m.cues() + ": " + m.sentence()));
            }
        }
        assertThat(all).hasSize(250);
        assertThat(read).as("answers read as hard moments, of %d", answers).hasSizeLessThanOrEqualTo(CEILING);
    }
}
