package dev.chassis.research.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.talk.signal.Claim;
import dev.chassis.talk.signal.Signal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignalMarksTest {

    private static Claim claim(int turn, String quote) {
        return new Claim(turn, quote, List.of("help", "center"), false, Optional.empty(), Optional.empty(), Optional.of("daily"),
                Optional.empty(), "help center");
    }

    @Test
    void monitor_signals_become_marks_at_the_transcript_turns_of_their_user_turns() {
        List<Signal> signals = List.of(
                new Signal.CoverageChanged(1, "coverage", "first-week", 0.6, List.of(1)),
                new Signal.Contradiction(3, "contradiction", claim(1, "every day"), claim(3, "rarely"), "frequency", "said daily, now rarely"),
                new Signal.EngagementDropped(2, "engagement", 0.2, List.of("short answers"), List.of(2)),
                new Signal.LanguageSwitched(2, "language", "en", "de", 0.9),
                new Signal.Note(0, "custom", "opening", Map.of(), List.of()),
                new Signal.Note(2, "custom", "coverage", Map.of(), List.of()));

        List<Mark> marks = SignalMarks.of(signals, k -> 2 * k);

        assertThat(marks).extracting(Mark::turn, Mark::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "coverage"), org.assertj.core.groups.Tuple.tuple(6, "contradiction"),
                org.assertj.core.groups.Tuple.tuple(4, "engagement-dropped"), org.assertj.core.groups.Tuple.tuple(4, "language-switch"),
                org.assertj.core.groups.Tuple.tuple(4, "note-coverage"));
        assertThat(marks.get(0).objective()).contains("first-week");
        assertThat(marks.get(1).earlierTurn()).hasValue(2);
        assertThat(marks.get(1).detail()).isEqualTo("said daily, now rarely");
    }
}
