package dev.chassis.research.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.fixture.Fixtures;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.transcript.Speaker;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.research.transcript.Turn;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.ledger.replay.TalkReplayer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mistake marked on a transcript turn is kept only when replaying the turn proves its fix. */
class FixProofTest {

    private static final OfflineModel OFFLINE = OfflineModel.builder().pacing(Pacing.INSTANT).build();
    // a reluctance the built-in refusal reading does not take as a refusal (a plain "I'd rather not" it now respects itself)
    private static final String REFUSAL = "How we set it up is a sore subject for me, to be honest.";
    private static final Transcript TRANSCRIPT = new Transcript("s-7", Optional.empty(), Optional.of("en"), List.of(
            new Turn(1, Speaker.INTERVIEWER, "Thanks for joining. How did you and your team first set up the app?", Optional.empty()),
            new Turn(2, Speaker.PARTICIPANT, REFUSAL, Optional.empty()),
            new Turn(3, Speaker.INTERVIEWER, "When you say \"set it up is a sore subject\", what does that look like for you?",
                    Optional.empty())), List.of());
    private static final Fix MOVE_ON = new Fix.SteeringRule("answer~(?i)sore subject", "move-on", "leave a sore subject");

    @TempDir
    Path dir;

    private final TalkReplayer replayer = new TalkReplayer(() -> TalkHarness.builder().model(OFFLINE).fallback(OFFLINE),
            GuideFile.load(Fixtures.repo().resolve("examples/guides/onboarding-en.yaml")).briefing());

    private FixProof prove(Evidence e, Optional<Mistake> m, List<Fix> fixes) {
        return FixProof.of("turn-3-s-7", "Asked on after a refusal", "researcher", e, m, fixes, replayer, Ledger.load(dir));
    }

    @Test
    void the_turn_is_the_evidence_and_a_steering_rule_that_moves_on_is_proven() {
        Evidence e = TurnEvidence.of(TRANSCRIPT, 3, "turn", Map.of());
        assertThat(e.input()).isEqualTo(REFUSAL);
        assertThat(e.context()).isEmpty();
        assertThat(e.where()).isEqualTo("turn 3");

        FixProof proof = prove(e, Optional.empty(), List.of(MOVE_ON));
        assertThat(proof.verdict()).as(proof.reason()).isEqualTo(FixProof.Verdict.PROVEN);
        assertThat(proof.incident().mistake()).isEqualTo(new Mistake(Mistake.DIRECTIVE_IS, "probe"));   // probed the sore subject
        assertThat(proof.before().reply()).contains("sore subject");
        assertThat(proof.after().orElseThrow().directive()).isEqualTo("moveon");
    }

    @Test
    void a_fix_that_does_not_change_the_turn_is_not_proven_and_no_fix_is_said() {
        Evidence e = TurnEvidence.of(TRANSCRIPT, 3, "turn", Map.of());
        FixProof note = prove(e, Optional.empty(), List.of(new Fix.ContextNote("staged", "Respect refusals.", "")));
        assertThat(note.verdict()).as("the offline engine follows directives, not notes").isEqualTo(FixProof.Verdict.NOT_PREVENTED);
        assertThat(prove(e, Optional.empty(), List.of()).verdict()).isEqualTo(FixProof.Verdict.NO_FIX);
    }

    @Test
    void evidence_the_harness_does_not_reproduce_proves_nothing() {
        Transcript other = new Transcript("s-8", Optional.empty(), Optional.of("en"), List.of(TRANSCRIPT.turns().get(0), TRANSCRIPT.turns().get(1),
                new Turn(3, Speaker.INTERVIEWER, "Tell me about your pets.", Optional.empty())), List.of());
        FixProof unlike = prove(TurnEvidence.of(other, 3, "turn", Map.of()), Optional.empty(), List.of(MOVE_ON));
        assertThat(unlike.verdict()).isEqualTo(FixProof.Verdict.NOT_REPRODUCED);
        assertThat(unlike.reason()).contains("says something else");
        FixProof wrongKind = prove(TurnEvidence.of(TRANSCRIPT, 3, "turn", Map.of()), Optional.of(new Mistake(Mistake.DIRECTIVE_IS, "ask")),
                List.of(MOVE_ON));
        assertThat(wrongKind.verdict()).isEqualTo(FixProof.Verdict.NOT_REPRODUCED);
    }

    @Test
    void a_turn_that_is_not_an_interviewer_reply_is_named() {
        assertThatThrownBy(() -> TurnEvidence.of(TRANSCRIPT, 2, "--turn", Map.of())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("--turn").hasMessageContaining("participant's");
        assertThatThrownBy(() -> TurnEvidence.of(TRANSCRIPT, 1, "--turn", Map.of())).hasMessageContaining("opening");
        assertThatThrownBy(() -> TurnEvidence.of(TRANSCRIPT, 9, "--turn", Map.of())).hasMessageContaining("has no turn 9");
    }
}
