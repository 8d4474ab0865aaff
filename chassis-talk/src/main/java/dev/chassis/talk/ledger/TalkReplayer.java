package dev.chassis.talk.ledger;

import dev.chassis.core.ledger.Incident;
import dev.chassis.core.ledger.IncidentReplayer;
import dev.chassis.core.ledger.Ledger;
import dev.chassis.core.ledger.Mistake;
import dev.chassis.core.ledger.ReplayResult;
import dev.chassis.talk.Session;
import dev.chassis.talk.TalkHarness;
import dev.chassis.talk.TurnRecord;
import dev.chassis.talk.stage.Briefing;
import dev.chassis.talk.steer.SteeringRule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Replays a talk incident through a live session of the talk harness as configured now, with every
 * steering rule and staged note of the ledger: the person's earlier turns ({@code evidence.context})
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
        TalkHarness.Builder b = harness.get();
        for (SteeringRule rule : LedgerRules.steering(ledger.fixes("talk"))) {
            b.steeringRule(rule);
        }
        List<String> rules = new ArrayList<>(briefing.rules());
        rules.addAll(LedgerRules.stagedNotes(ledger.fixes("talk")));
        Briefing withNotes = briefing.toBuilder().rules(rules).build();
        TalkHarness h = b.build();
        TurnRecord last;
        try (Session s = h.open(h.stage(withNotes))) {
            s.open(t -> { }).join();
            for (String turn : incident.evidence().context()) {
                s.respond(turn, t -> { }).join();
                settle();
            }
            last = s.respond(incident.evidence().input(), t -> { }).join();
        }
        Mistake m = incident.mistake();
        boolean again = switch (m.kind()) {
            case Mistake.DIRECTIVE_IS -> last.directive().kind().equals(m.pattern().toLowerCase(java.util.Locale.ROOT).replace("-", ""));
            case Mistake.OUTPUT_MATCHES -> Pattern.compile(m.pattern()).matcher(last.reply()).find();
            default -> throw new IllegalArgumentException("a talk incident's mistake is directive-is or output-matches, not " + m.kind());
        };
        return again
                ? new ReplayResult.StillPossible(incident.id(), "turn " + last.turn() + " was again '" + last.directive().kind() + "': " + last.reply())
                : new ReplayResult.Prevented(incident.id(), "turn " + last.turn() + " became '" + last.directive().kind() + "'"
                        + (last.signalsUsed().isEmpty() ? "" : " because of " + last.signalsUsed().getFirst().describe()));
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
