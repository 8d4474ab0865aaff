package dev.chassis.research.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.ops.quality.QualityCheck;
import dev.chassis.research.ops.quality.QualityFlag;
import dev.chassis.research.ops.quality.QualityRules;
import dev.chassis.research.synthesis.Synthesizer;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityCheckTest {

    private final QualityCheck check = new QualityCheck(QualityRules.DEFAULTS);

    private List<QualityFlag> assess(List<Transcript> sessions) {
        return check.assess(sessions, Synthesizer.builder().build().synthesize(sessions).engagement());
    }

    @Test
    void terse_answers_are_low_effort_and_low_engagement_with_the_evidence() {
        List<QualityFlag> flags = assess(Fixtures.exampleTranscripts());

        assertThat(flags).extracting(QualityFlag::session).containsOnly("s-104");
        assertThat(flags).extracting(QualityFlag::kind).contains(QualityFlag.Kind.LOW_ENGAGEMENT);
        assertThat(flags).filteredOn(f -> f.kind() == QualityFlag.Kind.LOW_ENGAGEMENT)
                .singleElement().satisfies(f -> assertThat(f.reasons().getFirst()).startsWith("mean engagement 0."));
    }

    @Test
    void an_answer_copied_from_another_session_and_pasted_answers_are_likely_fraud() {
        String copied = "I mostly use the board view to plan my week and the reminders to keep track of what is due today.";
        String pasted = "x".repeat(400);
        Transcript a = Transcript.of("a", List.of(Turn.of(1, Speaker.INTERVIEWER, "How do you plan?"), Turn.of(2, Speaker.PARTICIPANT, copied)));
        List<Turn> turns = new ArrayList<>();
        turns.add(new Turn(1, Speaker.INTERVIEWER, "How do you plan?", Optional.of(Duration.ZERO)));
        turns.add(new Turn(2, Speaker.PARTICIPANT, copied, Optional.of(Duration.ofSeconds(40))));
        turns.add(new Turn(3, Speaker.INTERVIEWER, "Tell me more?", Optional.of(Duration.ofSeconds(45))));
        turns.add(new Turn(4, Speaker.PARTICIPANT, pasted, Optional.of(Duration.ofSeconds(47))));
        turns.add(new Turn(5, Speaker.INTERVIEWER, "And then?", Optional.of(Duration.ofSeconds(50))));
        turns.add(new Turn(6, Speaker.PARTICIPANT, pasted + "y", Optional.of(Duration.ofSeconds(53))));
        Transcript b = Transcript.of("b", turns);

        List<QualityFlag> flags = assess(List.of(a, b));

        assertThat(flags).filteredOn(f -> f.kind() == QualityFlag.Kind.LIKELY_FRAUD).singleElement().satisfies(f -> {
            assertThat(f.session()).isEqualTo("b");
            assertThat(f.reasons()).containsExactly("the answer at turn 2 is word for word the answer at a#2.",
                    "2 long answers arrived faster than anyone types: turn 4 (400 characters 2.0 s after the question), "
                            + "turn 6 (401 characters 3.0 s after the question).");
        });
    }

    @Test
    void the_same_answer_again_and_again_is_low_effort() {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.add(Turn.of(2 * i + 1, Speaker.INTERVIEWER, "Question " + i + "?"));
            turns.add(Turn.of(2 * i + 2, Speaker.PARTICIPANT, i == 0 ? "I do not really know what to say about that one." : "Not sure."));
        }
        List<QualityFlag> flags = assess(List.of(Transcript.of("r", turns)));

        assertThat(flags).filteredOn(f -> f.kind() == QualityFlag.Kind.LOW_EFFORT).singleElement()
                .satisfies(f -> assertThat(f.reasons()).containsExactly("3 of 4 answers have 3 words or fewer.",
                        "the same answer 'not sure' was given 3 times (turns 4, 6, 8).", "2 of 4 answers repeat an earlier one word for word."));
    }

    @Test
    void one_stock_phrase_said_three_times_in_a_long_interview_of_real_answers_is_not_low_effort() {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            turns.add(Turn.of(2 * i + 1, Speaker.INTERVIEWER, "Question " + i + "?"));
            turns.add(Turn.of(2 * i + 2, Speaker.PARTICIPANT, i % 6 == 0 ? "Good question, I think about that a lot as a founder."
                    : "Answer number " + i + " tells about the week we moved our boards and what broke on the way."));
        }
        assertThat(assess(List.of(Transcript.of("long", turns)))).noneMatch(f -> f.kind() == QualityFlag.Kind.LOW_EFFORT);
        // the same phrase in three of five answers is
        List<Turn> shortOne = new ArrayList<>(turns.subList(0, 10));
        shortOne.set(3, Turn.of(4, Speaker.PARTICIPANT, "Good question, I think about that a lot as a founder."));
        shortOne.set(9, Turn.of(10, Speaker.PARTICIPANT, "Good question, I think about that a lot as a founder."));
        assertThat(assess(List.of(Transcript.of("short", shortOne)))).anyMatch(f -> f.kind() == QualityFlag.Kind.LOW_EFFORT);
    }

    @Test
    void the_same_answer_three_times_is_low_effort_unless_the_person_says_they_are_repeating_themselves() {
        String[][] cases = {
            {"en", "We set it up in one afternoon.", "We set it up in one afternoon.", "We set it up in one afternoon."},
            {"en", "We set it up in one afternoon.", "Like I said, we set it up in one afternoon.", "Like I said, we set it up in one afternoon."},
            {"de", "Wir sind zu dritt.", "Wie gesagt: wir sind zu dritt.", "Wie gesagt, wir sind zu dritt."},
            {"ja", "三人でやっています。", "さっきも言ったように三人でやっています。", "さっきも言ったように三人でやっています。"},
            {"ru", "Нас трое.", "Как я уже говорила, нас трое.", "Как я уже говорила, нас трое."},
        };
        for (String[] c : cases) {
            List<Turn> turns = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                turns.add(Turn.of(2 * i + 1, Speaker.INTERVIEWER, "How did you start?"));
                turns.add(Turn.of(2 * i + 2, Speaker.PARTICIPANT, c[i + 1]));
            }
            boolean saidTheyRepeat = !c[2].equals(c[1]);
            List<QualityFlag> flags = check.assess(List.of(Transcript.of(c[0], turns)), List.of());
            assertThat(flags.stream().anyMatch(f -> f.kind() == QualityFlag.Kind.LOW_EFFORT && f.reasons().stream().anyMatch(r -> r.contains("the same answer"))))
                    .as("%s: %s", c[0], c[2]).isEqualTo(!saidTheyRepeat);
        }
        // a lead-in must open the answer: a word that only begins like one does not count ("as I said" inside a sentence neither)
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            turns.add(Turn.of(2 * i + 1, Speaker.INTERVIEWER, "How did you start?"));
            turns.add(Turn.of(2 * i + 2, Speaker.PARTICIPANT, "We did it, as I said, in one afternoon."));
        }
        assertThat(check.assess(List.of(Transcript.of("x", turns)), List.of())).extracting(QualityFlag::kind).contains(QualityFlag.Kind.LOW_EFFORT);
    }
}
