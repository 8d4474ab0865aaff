package dev.chassis.cli;

import dev.chassis.core.input.Ids;
import dev.chassis.core.input.InvalidInputException;
import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.models.offline.OfflineModel;
import dev.chassis.models.offline.Pacing;
import dev.chassis.research.guide.Guide;
import dev.chassis.research.guide.GuideFile;
import dev.chassis.research.ledger.FixProof;
import dev.chassis.research.ledger.TurnEvidence;
import dev.chassis.research.transcript.Transcript;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.ledger.replay.TalkReplayer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code chassis guard add --session S --turn N}: an incident from a recorded interview turn. The turn is
 * replayed through the talk harness with the ledger as it is (the mistake must recur) and with the fix
 * (it must not); the incident file is written only then, or without a fix as an open incident.
 */
final class GuardFromTurn {

    private GuardFromTurn() {
    }

    static int add(GuardCommand.Add a, PrintWriter out, PrintWriter err) {
        if (a.turn == null || a.session == null) {
            throw new InvalidInputException("", 0, a.turn == null ? "--turn" : "--session", "name both the session and the interviewer's turn");
        }
        if (a.guide == null) {
            throw new InvalidInputException("", 0, "--guide", "is required with --session: the guide the interview followed");
        }
        if (a.title == null || a.title.isBlank()) {
            throw new InvalidInputException("", 0, "--title", "say what was wrong with the turn, in a line");
        }
        Transcript transcript = RecordedSessions.load(a.transcripts, a.session, "--session");
        Guide guide = GuideFile.load(Path.of(a.guide));
        String language = transcript.language().filter(guide.languages()::contains).orElse(guide.language());
        String guideRef = a.ledger.toAbsolutePath().normalize().relativize(Path.of(a.guide).toAbsolutePath().normalize()).toString();
        Evidence evidence = TurnEvidence.of(transcript, a.turn, "--turn", Map.of("guide", guideRef));
        Optional<Mistake> named = Optional.ofNullable(a.mistake).map(GuardCommand.Add::mistake);
        List<Fix> fixes = a.fixes();
        String id = a.id != null ? a.id : Ids.slug("turn-" + a.turn + "-" + a.session, 80, "incident");
        OfflineModel offline = OfflineModel.builder().pacing(Pacing.INSTANT).build();
        TalkReplayer replayer = new TalkReplayer(() -> TalkHarness.builder().model(offline).fallback(offline), guide.briefing(language, Map.of()));
        Ledger ledger = Ledger.load(a.ledger);
        FixProof proof = FixProof.of(id, a.title, a.flaggedBy, evidence, named, fixes, replayer, ledger);

        out.println("Turn " + a.turn + " of " + a.session + ", as recorded: " + evidence.output());
        out.println("  replayed now:   '" + proof.before().directive() + "': " + proof.before().reply());
        proof.after().ifPresent(r -> out.println("  with the fix:   '" + r.directive() + "': " + r.reply()));
        out.flush();
        return switch (proof.verdict()) {
            case PROVEN, NO_FIX -> {
                ledger.add(proof.incident());
                out.println("Added " + id + " to " + a.ledger.resolve(id + ".yaml").toAbsolutePath().normalize() + ": " + proof.reason());
                if (proof.verdict() == FixProof.Verdict.NO_FIX) {
                    out.println("No fix yet: 'chassis guard check' fails until one prevents it (--steer or --note).");
                } else {
                    out.println("Every new session of a harness built with this ledger keeps the fix.");
                }
                yield 0;
            }
            case NOT_REPRODUCED -> {
                err.println("Not added: " + proof.reason() + ".");
                yield CliErrors.BAD_INPUT;
            }
            case NOT_PREVENTED -> {
                err.println("Not added: " + proof.reason() + ".");
                yield CliErrors.FAILED;
            }
        };
    }
}
