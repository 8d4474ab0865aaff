package dev.chassis.talk.ledger.replay;

import dev.chassis.core.ledger.Evidence;
import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.IncidentReplayer;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.core.ledger.ReplayResult;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.Briefing;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Replays a talk incident through a live session of the talk harness as configured now, built with
 * the ledger it is checked against (so its steering rules and staged notes apply exactly as in a
 * live session): the person's earlier turns ({@code evidence.context})
 * and then the turn where it went wrong ({@code evidence.input}); the mistake is possible again if
 * the reply to that turn has the recorded directive ({@code directive-is}) or matches the pattern
 * ({@code output-matches}).
 */
public final class TalkReplayer implements IncidentReplayer {

    private final Supplier<TalkHarness.Builder> harness;
    private final Briefing briefing;

    /**
     * @param harness  a fresh builder of the harness being checked (model, fallback, monitors...)
     * @param briefing the briefing the incident's session ran with
     */
    public TalkReplayer(Supplier<TalkHarness.Builder> harness, Briefing briefing) {
        this.harness = harness;
        this.briefing = briefing;
    }

    @Override
    public String harness() {
        return "talk";
    }

    @Override
    public ReplayResult replay(Incident incident, Ledger ledger) {
        TurnRecord last = replayTurn(incident.evidence(), ledger);
        return makesMistake(incident.mistake(), last)
                ? new ReplayResult.StillPossible(incident.id(), "turn " + last.turn() + " was again '" + last.directive().kind() + "': " + last.reply())
                : new ReplayResult.Prevented(incident.id(), "turn " + last.turn() + " became '" + last.directive().kind() + "'"
                        + (last.signalsUsed().isEmpty() ? "" : " because of " + last.signalsUsed().getFirst().describe()));
    }

    /**
     * Replays the evidence's turns through a new session of the harness built with {@code ledger}: the
     * person's earlier turns, then the turn where it went wrong; returns the reply to that last turn.
     */
    public TurnRecord replayTurn(Evidence evidence, Ledger ledger) {
        TalkHarness h = harness.get().ledger(ledger).build();
        try (Session s = h.open(h.stage(briefing))) {
            s.open(t -> { }).join();
            for (String turn : evidence.context()) {
                s.respond(turn, t -> { }).join();
                settle();
            }
            return s.respond(evidence.input(), t -> { }).join();
        }
    }

    /** Whether a replayed turn makes {@code mistake}: its directive is of the recorded kind, or its reply matches the pattern. */
    public static boolean makesMistake(Mistake m, TurnRecord turn) {
        return switch (m.kind()) {
            case Mistake.DIRECTIVE_IS -> turn.directive().kind().equals(m.pattern().toLowerCase(Locale.ROOT).replace("-", ""));
            case Mistake.OUTPUT_MATCHES -> Pattern.compile(m.pattern()).matcher(turn.reply()).find();
            default -> throw new IllegalArgumentException("a talk incident's mistake is directive-is or output-matches, not " + m.kind());
        };
    }

    /** Lets the monitors of a turn land before the next, as a person's pause would. */
    private static void settle() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
