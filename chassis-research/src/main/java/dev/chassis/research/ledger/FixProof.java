package dev.chassis.research.ledger;

import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Fix;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.ledger.replay.TalkReplayer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What replaying a talk incident before and after its fix showed. A fix is proven when the turn,
 * replayed through the harness with the ledger as it is, makes the mistake again, and replayed with
 * the fix added does not.
 *
 * @param incident the incident as it would be written (its mistake named, or read from the replay)
 * @param before   the turn replayed with the ledger as it is
 * @param after    the turn replayed with the fix added (empty when there is no fix, or the mistake did not recur)
 * @param verdict  what the replays prove
 * @param reason   the verdict in a sentence for the person who recorded it
 */
public record FixProof(Incident incident, Replayed before, Optional<Replayed> after, Verdict verdict, String reason) {

    /** The outcome: only {@link #PROVEN} activates a fix. */
    public enum Verdict {
        /** The mistake recurs before and the fix prevents it. */
        PROVEN,
        /** The mistake recurs, and there is no fix yet. */
        NO_FIX,
        /** Replayed now, the turn does not make the mistake: the evidence proves nothing. */
        NOT_REPRODUCED,
        /** The fix does not prevent the mistake. */
        NOT_PREVENTED
    }

    /** A replayed turn: the directive that steered it and what the interviewer said. */
    public record Replayed(String directive, String reply) {
        static Replayed of(TurnRecord r) {
            return new Replayed(r.directive().kind(), r.reply());
        }
    }

    /**
     * Replays {@code evidence} before and after {@code fixes}. Without a named mistake, the mistake is the
     * directive the turn gets when replayed, provided the replay says what the transcript recorded.
     *
     * @param ledger the ledger the harness runs with now (the incident is tried with it, not written)
     */
    public static FixProof of(String id, String title, String flaggedBy, Evidence evidence, Optional<Mistake> named, List<Fix> fixes,
                              TalkReplayer replayer, Ledger ledger) {
        TurnRecord before = replayer.replayTurn(evidence, ledger);
        Mistake mistake = named.orElseGet(() -> new Mistake(Mistake.DIRECTIVE_IS, before.directive().kind()));
        Incident incident = new Incident(id, title, "talk", java.time.Instant.now(), flaggedBy, evidence, mistake, fixes);
        Replayed was = Replayed.of(before);
        if (named.isEmpty() && !sameTurn(evidence.output(), before)) {
            return new FixProof(incident, was, Optional.empty(), Verdict.NOT_REPRODUCED, "replayed now, the interviewer says something else ('"
                    + was.directive() + "': " + was.reply() + "); name the mistake (output-matches:<regex> or directive-is:<directive>)");
        }
        if (!TalkReplayer.makesMistake(mistake, before)) {
            return new FixProof(incident, was, Optional.empty(), Verdict.NOT_REPRODUCED, "replayed now, the turn does not make the mistake '"
                    + mistake.kind() + ":" + mistake.pattern() + "' (it became '" + was.directive() + "'): the evidence proves nothing");
        }
        if (fixes.isEmpty()) {
            return new FixProof(incident, was, Optional.empty(), Verdict.NO_FIX, "the mistake recurs; no fix was given to prevent it");
        }
        TurnRecord after = replayer.replayTurn(evidence, ledger.including(incident));
        Replayed now = Replayed.of(after);
        return TalkReplayer.makesMistake(mistake, after)
                ? new FixProof(incident, was, Optional.of(now), Verdict.NOT_PREVENTED, "with the fix the turn still makes the mistake ('"
                        + now.directive() + "'); the fix was not kept")
                : new FixProof(incident, was, Optional.of(now), Verdict.PROVEN, "the turn was '" + was.directive() + "' and with the fix became '"
                        + now.directive() + "'");
    }

    /** Whether a replayed turn is the recorded one: it asks the same question, or says the same words. */
    static boolean sameTurn(String recorded, TurnRecord replayed) {
        String was = plain(recorded);
        Optional<String> question = replayed.directive().question().map(FixProof::plain).filter(q -> !q.isBlank());
        if (question.isPresent() && was.contains(question.get())) {
            return true;
        }
        String now = plain(replayed.reply());
        return !now.isBlank() && (was.contains(now) || now.contains(was));
    }

    private static String plain(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
